#pragma once

// What the Helm tests share: Helm's fixtures beside the project, and a
// chart directory read as the loader's file entries.

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "meshery/archive/archive.hpp"

namespace meshery::helm::testing {

/// ../shared/fixtures/helm/v3.19.5 (tests skip when it is absent).
inline std::filesystem::path fixtures() {
  return std::filesystem::path(MESHERY_TEST_SOURCE_DIR) / ".." / "shared" / "fixtures" / "helm" /
         "v3.19.5";
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

/// Every regular file under `root`, named relative to it.
inline std::vector<archive::Entry> directoryFiles(const std::filesystem::path& root) {
  std::vector<archive::Entry> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files.push_back(
          {std::filesystem::relative(entry.path(), root).generic_string(), readFile(entry.path())});
    }
  }
  return files;
}

}  // namespace meshery::helm::testing
