#pragma once

#include <filesystem>
#include <string_view>

namespace meshery::cli {

/// Replaces `path` with `content` atomically: a temporary file in the same
/// folder (created with the old file's mode, 0600 for a new file), flushed
/// to disk, then renamed over the target; a symlink is followed so that the
/// file it points to is replaced. Creates missing parent folders. Throws
/// Error(kInvalidConfiguration) when the file cannot be written; the old
/// file is then untouched.
void writeFileAtomically(const std::filesystem::path& path, std::string_view content);

}  // namespace meshery::cli
