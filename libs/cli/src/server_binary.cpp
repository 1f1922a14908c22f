#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "meshery/cli/local_server.hpp"
#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

constexpr const char* kServerName = "meshery-server";

bool isExecutableFile(const std::filesystem::path& path) {
  std::error_code error;
  return std::filesystem::is_regular_file(path, error) && ::access(path.c_str(), X_OK) == 0;
}

std::vector<std::filesystem::path> pathCandidates() {
  std::vector<std::filesystem::path> out;
  const char* path = std::getenv("PATH");
  if (path == nullptr) return out;
  std::string_view rest(path);
  while (!rest.empty()) {
    const auto colon = rest.find(':');
    const auto folder = rest.substr(0, colon);
    if (!folder.empty()) out.push_back(std::filesystem::path(folder) / kServerName);
    if (colon == std::string_view::npos) break;
    rest.remove_prefix(colon + 1);
  }
  return out;
}

}  // namespace

std::filesystem::path findServerBinary() {
  if (const char* explicit_path = std::getenv("MESHERY_SERVER_BIN");
      explicit_path != nullptr && *explicit_path != '\0') {
    if (isExecutableFile(explicit_path)) return explicit_path;
    throw Error(ErrorCode::kNotFound, "MESHERY_SERVER_BIN is not an executable file",
                std::string("MESHERY_SERVER_BIN is set to '") + explicit_path + "'.",
                "Point MESHERY_SERVER_BIN at the meshery-server binary, or unset it.");
  }
  std::vector<std::filesystem::path> candidates;
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error) {
    candidates.push_back(self.parent_path() / kServerName);
    candidates.push_back(self.parent_path().parent_path() / kServerName / kServerName);
  }
  for (auto& candidate : pathCandidates()) candidates.push_back(std::move(candidate));
  for (const auto& candidate : candidates) {
    if (isExecutableFile(candidate)) return candidate.lexically_normal();
  }
  const std::string beside = error ? std::string("(unknown)") : self.parent_path().string();
  throw Error(ErrorCode::kNotFound, "cannot find the meshery-server binary",
              "It is not beside mesheryctl (" + beside + "), in ../meshery-server/ next to it, "
              "nor on PATH, and MESHERY_SERVER_BIN is not set.",
              "Install meshery-server next to mesheryctl or on PATH, or set MESHERY_SERVER_BIN "
              "to its location.");
}

}  // namespace meshery::cli
