#include "meshery/cli/paths.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

std::string environmentValue(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::string() : std::string(value);
}

}  // namespace

std::filesystem::path mesheryHome() {
  if (auto home = environmentValue("MESHERY_HOME"); !home.empty()) return home;
  if (auto home = environmentValue("HOME"); !home.empty()) return std::filesystem::path(home) / ".meshery";
  if (const passwd* user = ::getpwuid(::getuid()); user != nullptr && user->pw_dir != nullptr) {
    return std::filesystem::path(user->pw_dir) / ".meshery";
  }
  throw Error(ErrorCode::kInvalidConfiguration, "cannot locate the Meshery home folder",
              "Neither MESHERY_HOME nor HOME is set and the user has no home directory.",
              "Set MESHERY_HOME to the folder mesheryctl should use, e.g. export MESHERY_HOME=~/.meshery.");
}

std::filesystem::path defaultConfigPath() { return mesheryHome() / "config.yaml"; }

}  // namespace meshery::cli
