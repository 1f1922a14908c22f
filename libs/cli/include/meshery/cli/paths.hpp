#pragma once

#include <filesystem>

namespace meshery::cli {

/// The Meshery home folder: $MESHERY_HOME, else $HOME/.meshery. Throws
/// Error(kInvalidConfiguration) when neither variable is set.
std::filesystem::path mesheryHome();

/// The default configuration file, <mesheryHome()>/config.yaml.
std::filesystem::path defaultConfigPath();

}  // namespace meshery::cli
