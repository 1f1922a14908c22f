#pragma once

// Private to libs/cli: reading model sources from the local disk for
// `model import` and `model generate`.

#include <filesystem>
#include <string>
#include <vector>

namespace meshery::cli {

/// A file read from disk: its path relative to what the user named, and bytes.
struct LocalFile {
  std::string path;
  std::string bytes;
};

/// True for http:// and https:// sources, which the server downloads itself.
bool isUrl(const std::string& source);

/// `path` itself when it is a file, or every regular file under it (relative
/// paths, sorted) when it is a directory; with `extensions` non-empty, only
/// files ending in one of them. Throws Error(kNotFound) when `path` does not
/// exist and Error(kInvalidArgument) when a directory holds no such file.
std::vector<LocalFile> readLocalFiles(const std::filesystem::path& path,
                                      const std::vector<std::string>& extensions = {});

/// Writes `bytes` to `path`, creating its directory.
void writeLocalFile(const std::filesystem::path& path, const std::string& bytes);

}  // namespace meshery::cli
