#pragma once

// Private to libs/server: loading model definitions from a directory into the
// registry at boot.

#include <filesystem>
#include <optional>

#include "meshery/registry/registry.hpp"

namespace meshery::server {

/// The models directory to load: `configured` when given, else
/// `<executable dir>/models` when it exists, else `<executable dir>/../../models`
/// (the build tree's build/<preset>/models) when it exists, else none.
std::optional<std::filesystem::path> modelsDirectory(
    const std::optional<std::filesystem::path>& configured);

/// Reads every regular file under `directory` (recursively; files over
/// 16 MiB are skipped with a warning) and parses them on up to four threads,
/// imports the definitions and applies
/// them to `registry`. Each file that fails is logged as a warning with its
/// path and error, then a summary at info; never throws for bad model files
/// or an unreadable directory.
void loadModels(const std::filesystem::path& directory, registry::Registry& registry);

}  // namespace meshery::server
