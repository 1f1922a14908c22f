#pragma once

#include <string_view>

namespace meshery {

/// Facts about this build, fixed at configure time.
struct BuildInfo {
  std::string_view version;          ///< e.g. "v0.1.0"
  std::string_view commit_sha;       ///< short git commit, or "unknown"
  std::string_view release_channel;  ///< "stable" or "edge"
  std::string_view build_type;       ///< CMake build type
};

const BuildInfo& buildInfo();

}  // namespace meshery
