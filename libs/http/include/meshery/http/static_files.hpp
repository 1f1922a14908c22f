#pragma once

#include <filesystem>

#include "meshery/http/router.hpp"

namespace meshery::http {

/// Serves files under `root` (GET/HEAD). Paths that escape the root are
/// refused. A path with no file behind it and no extension gets
/// `root/index.html` (single-page app fallback); paths under /api/ never do.
/// Blocking (reads files): register with Dispatch::kBlocking.
Handler staticFiles(std::filesystem::path root);

/// The Content-Type for a file name, by extension.
std::string_view contentTypeFor(const std::filesystem::path& file);

}  // namespace meshery::http
