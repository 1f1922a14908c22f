#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::archive {

/// One regular file of an archive.
struct Entry {
  std::string path;   ///< relative, '/'-separated, normalised (no "./", no "..", no leading '/')
  std::string bytes;  ///< the file's content
};

/// Bounds on what readArchive() accepts. Bytes are counted as they are
/// decompressed; sizes written in the archive's headers are never trusted.
struct ReadLimits {
  std::size_t max_entries = 20'000;             ///< headers of any type
  std::uint64_t max_entry_bytes = 64ULL << 20;  ///< one file's content
  std::uint64_t max_total_bytes = 1ULL << 30;   ///< all entries' data together
};

enum class Format {
  kTar,      ///< POSIX ustar (pax extensions only where a name needs them)
  kTarGzip,  ///< the same, gzip-compressed (.tar.gz, .tgz)
};

/// True when `bytes` start with the gzip magic number, hold a ustar/GNU tar
/// header (the "ustar" magic at offset 257) or start like a zip file ("PK\3\4",
/// or "PK\5\6" for an empty one). Cheap; does not decompress.
bool isArchive(std::string_view bytes);

/// Reads a tar, gzip-compressed tar or zip archive from memory; the format is
/// detected from the content, never from a name. Returns the regular files in
/// archive order. Directories, symbolic and hard links, devices and FIFOs are
/// skipped (never followed).
///
/// Throws meshery::Error:
/// - kInvalidArgument when any entry's path is absolute or has a ".." segment
///   (the whole archive is refused);
/// - kPayloadTooLarge when a limit is exceeded (the message names the limit);
/// - kMalformedInput for empty, corrupt or truncated input.
/// Thread-safe; no I/O besides memory.
std::vector<Entry> readArchive(std::string_view bytes, const ReadLimits& limits = {});

/// Writes `entries` as an archive, deterministically: mtime 0, uid/gid 0,
/// mode 0644, no directory entries (directories are implied by the paths),
/// no timestamp in the gzip header. Paths are normalised as readArchive()
/// would; an empty, absolute or ".."-containing path throws
/// Error(kInvalidArgument).
std::string writeArchive(const std::vector<Entry>& entries, Format format);

}  // namespace meshery::archive
