#pragma once
// Reading Compose test cases from disk: the Compose file, the files beside
// it (options.files) and variables.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "meshery/design/compose.hpp"

namespace meshery::design::testing {

inline std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// Every regular file under `root`, by its path relative to `root`, except
/// those `skip` rejects.
template <typename Skip>
std::map<std::string, std::string> filesUnder(const std::filesystem::path& root, Skip skip) {
  std::map<std::string, std::string> files;
  if (!std::filesystem::is_directory(root)) return files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    const std::string relative = std::filesystem::relative(entry.path(), root).generic_string();
    if (!skip(relative)) files[relative] = readText(entry.path());
  }
  return files;
}

/// KEY=VALUE lines (no quoting) as a variable map.
inline std::map<std::string, std::string> variablesIn(const std::string& text) {
  std::map<std::string, std::string> variables;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    const auto equals = line.find('=');
    if (line.empty() || line[0] == '#' || equals == std::string::npos) continue;
    variables[line.substr(0, equals)] = line.substr(equals + 1);
  }
  return variables;
}

}  // namespace meshery::design::testing
