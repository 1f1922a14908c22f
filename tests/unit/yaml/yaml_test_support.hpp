#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

namespace meshery::yaml::testing {

/// The text of a file, byte for byte.
inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

/// A form of a JSON value that tells floats from integers ("1.0" vs "1")
/// but not signed from unsigned integers, which is how the YAML results are
/// compared.
inline std::string strictText(const nlohmann::json& value) {
  return value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace meshery::yaml::testing
