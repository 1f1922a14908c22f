#include <archive.h>
#include <archive_entry.h>

#include <array>
#include <memory>

#include "entry_path.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"
#include "utf8_locale.hpp"

namespace meshery::archive {
namespace {

using ReadHandle = std::unique_ptr<struct archive, decltype(&archive_read_free)>;

constexpr std::size_t kChunkBytes = 64 * 1024;
constexpr std::string_view kLimitRemedy =
    "check that the archive is the one intended; if it is, raise the limit";

Error malformed(struct archive* reader, std::string_view what) {
  const char* reason = archive_error_string(reader);
  return Error(ErrorCode::kMalformedInput, "cannot read the archive: " + std::string(what),
               reason != nullptr ? reason : "libarchive reported no reason",
               "provide a complete tar, gzip-compressed tar (.tar.gz, .tgz) or zip archive");
}

Error escapes(std::string_view raw_path) {
  const bool absolute = raw_path.starts_with('/');
  return Error(ErrorCode::kInvalidArgument, "archive entry escapes its root",
               "entry '" + std::string(raw_path) + "' has " +
                   (absolute ? "an absolute path" : "a '..' segment in its path"),
               "rebuild the archive with paths relative to its root and without '..' segments");
}

/// Counts what has been read so far against the limits.
class Budget {
 public:
  explicit Budget(const ReadLimits& limits) : limits_(limits) {}

  void countEntry() {
    if (++entries_ > limits_.max_entries) {
      throw Error(ErrorCode::kPayloadTooLarge,
                  "archive exceeds max_entries (" + std::to_string(limits_.max_entries) + ")",
                  "it has more than " + std::to_string(limits_.max_entries) + " entries",
                  std::string(kLimitRemedy));
    }
  }

  /// `entry_bytes` is the entry's size including the new chunk of `chunk` bytes.
  void countBytes(std::string_view path, std::uint64_t entry_bytes, std::uint64_t chunk) {
    if (entry_bytes > limits_.max_entry_bytes) {
      throw Error(ErrorCode::kPayloadTooLarge,
                  "archive entry exceeds max_entry_bytes (" +
                      std::to_string(limits_.max_entry_bytes) + " bytes)",
                  "entry '" + std::string(path) + "' holds more than " +
                      std::to_string(limits_.max_entry_bytes) + " bytes once decompressed",
                  std::string(kLimitRemedy));
    }
    total_ += chunk;
    if (total_ > limits_.max_total_bytes) {
      throw Error(
          ErrorCode::kPayloadTooLarge,
          "archive exceeds max_total_bytes (" + std::to_string(limits_.max_total_bytes) + " bytes)",
          "its entries hold more than " + std::to_string(limits_.max_total_bytes) +
              " bytes once decompressed",
          std::string(kLimitRemedy));
    }
  }

 private:
  const ReadLimits& limits_;
  std::size_t entries_ = 0;
  std::uint64_t total_ = 0;
};

std::string rawPathOf(struct archive* reader, struct archive_entry* header) {
  const char* path = archive_entry_pathname_utf8(header);
  if (path == nullptr) path = archive_entry_pathname(header);
  if (path == nullptr) throw malformed(reader, "an entry has no readable path");
  return path;
}

/// Reads the current entry's data chunk by chunk, counting every byte as it
/// is decompressed, so a small archive cannot make us allocate past a limit.
std::string readContent(struct archive* reader, Budget& budget, std::string_view path) {
  std::string content;
  std::array<char, kChunkBytes> chunk{};
  for (;;) {
    la_ssize_t n = archive_read_data(reader, chunk.data(), chunk.size());
    if (n == 0) return content;
    if (n < 0) throw malformed(reader, "entry '" + std::string(path) + "' is damaged");
    const auto size = static_cast<std::size_t>(n);
    budget.countBytes(path, content.size() + size, size);
    content.append(chunk.data(), size);
  }
}

/// Consumes the data of a skipped entry (e.g. a hard link that carries
/// content) so that it counts against max_total_bytes as well.
void skipContent(struct archive* reader, Budget& budget, std::string_view path) {
  std::uint64_t seen = 0;
  for (;;) {
    const void* block = nullptr;
    std::size_t size = 0;
    la_int64_t offset = 0;
    int status = archive_read_data_block(reader, &block, &size, &offset);
    if (status == ARCHIVE_EOF) return;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN) {
      throw malformed(reader, "entry '" + std::string(path) + "' is damaged");
    }
    seen += size;
    budget.countBytes(path, seen, size);
  }
}

bool isRegularFile(struct archive_entry* header) {
  return archive_entry_filetype(header) == AE_IFREG && archive_entry_hardlink(header) == nullptr;
}

}  // namespace

bool isArchive(std::string_view bytes) {
  if (bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
      static_cast<unsigned char>(bytes[1]) == 0x8b) {
    return true;
  }
  // ustar ("ustar\0" "00") and GNU ("ustar  \0") share the first five bytes.
  constexpr std::size_t kMagicOffset = 257;
  constexpr std::size_t kBlockBytes = 512;
  if (bytes.size() >= kBlockBytes && bytes.substr(kMagicOffset, 5) == "ustar") return true;
  // zip: a local file header, or the end-of-central-directory record of an empty zip.
  return bytes.size() >= 4 && bytes.substr(0, 2) == "PK" &&
         (bytes.substr(2, 2) == std::string_view("\x03\x04", 2) ||
          bytes.substr(2, 2) == std::string_view("\x05\x06", 2));
}

std::vector<Entry> readArchive(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.empty()) {
    throw Error(ErrorCode::kMalformedInput, "cannot read the archive: it is empty",
                "the input has 0 bytes",
                "provide a tar or gzip-compressed tar (.tar.gz, .tgz) archive");
  }
  ScopedUtf8Locale utf8;
  ReadHandle handle(archive_read_new(), &archive_read_free);
  if (!handle)
    throw Error(ErrorCode::kInternal, "cannot create an archive reader", "out of memory");
  struct archive* reader = handle.get();
  archive_read_support_filter_gzip(reader);
  archive_read_support_format_tar(reader);
  // zip is read from its central directory (the memory reader can seek), so
  // entries are those the directory lists, as unzip sees them.
  archive_read_support_format_zip(reader);
  // Read to the end of the stream, past the end-of-archive blocks: otherwise
  // a gzip stream cut short after them (its trailer missing) goes unnoticed.
  archive_read_set_format_option(reader, "tar", "read_concatenated_archives", "1");
  if (archive_read_open_memory(reader, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    throw malformed(reader, "unrecognised content");
  }
  std::vector<Entry> entries;
  Budget budget(limits);
  for (;;) {
    struct archive_entry* header = nullptr;
    int status = archive_read_next_header(reader, &header);
    if (status == ARCHIVE_EOF) break;
    if (status != ARCHIVE_OK && status != ARCHIVE_WARN) throw malformed(reader, "bad entry header");
    budget.countEntry();
    const std::string raw_path = rawPathOf(reader, header);
    auto path = normaliseEntryPath(raw_path);
    if (!path) throw escapes(raw_path);
    if (!isRegularFile(header)) {
      skipContent(reader, budget, raw_path);
      continue;
    }
    if (path->empty()) {
      throw Error(ErrorCode::kMalformedInput, "cannot read the archive: a file entry has no name",
                  "entry '" + raw_path + "' names the archive's root",
                  "rebuild the archive with a name for every file");
    }
    std::string content = readContent(reader, budget, *path);
    entries.push_back(Entry{std::move(*path), std::move(content)});
  }
  return entries;
}

}  // namespace meshery::archive
