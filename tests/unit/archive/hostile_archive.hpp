#pragma once
// Builds archives with libarchive's writer directly, so tests can make what
// writeArchive() refuses to: escaping paths, links, devices, directories.

#include <archive.h>
#include <archive_entry.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace meshery::archive::testing {

struct RawEntry {
  std::string path;
  unsigned int type = AE_IFREG;  ///< AE_IFREG, AE_IFDIR, AE_IFLNK, AE_IFIFO, AE_IFCHR…
  std::string content;
  std::string symlink;   ///< target, for AE_IFLNK
  std::string hardlink;  ///< target, for a hard link (type stays AE_IFREG)
};

inline la_ssize_t appendTo(struct archive*, void* out, const void* buffer, std::size_t length) {
  static_cast<std::string*>(out)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

/// Writes one regular entry whose content is produced by `fill`, called with
/// a writer function, so huge entries never exist in memory.
using ContentWriter = std::function<void(const std::function<void(const char*, std::size_t)>&)>;

class ArchiveBuilder {
 public:
  explicit ArchiveBuilder(bool gzip) : writer_(archive_write_new(), &archive_write_free) {
    archive_write_set_format_pax_restricted(writer_.get());
    if (gzip) archive_write_add_filter_gzip(writer_.get());
    if (archive_write_open(writer_.get(), &out_, nullptr, appendTo, nullptr) != ARCHIVE_OK) {
      throw std::runtime_error("cannot open the test archive writer");
    }
  }

  ArchiveBuilder& add(const RawEntry& raw) {
    auto size = raw.type == AE_IFREG && raw.hardlink.empty() ? raw.content.size() : 0;
    writeHeader(raw, static_cast<std::int64_t>(size));
    if (size > 0) write(raw.content.data(), raw.content.size());
    return *this;
  }

  /// A regular file of `size` bytes whose content `fill` writes.
  ArchiveBuilder& addStreamed(const std::string& path, std::int64_t size,
                              const ContentWriter& fill) {
    writeHeader(RawEntry{path}, size);
    fill([this](const char* data, std::size_t length) { write(data, length); });
    return *this;
  }

  std::string finish() {
    if (archive_write_close(writer_.get()) != ARCHIVE_OK) {
      throw std::runtime_error(archive_error_string(writer_.get()));
    }
    return out_;
  }

 private:
  void writeHeader(const RawEntry& raw, std::int64_t size) {
    std::unique_ptr<struct archive_entry, decltype(&archive_entry_free)> entry(archive_entry_new(),
                                                                               &archive_entry_free);
    archive_entry_set_pathname(entry.get(), raw.path.c_str());
    archive_entry_set_filetype(entry.get(), raw.type);
    archive_entry_set_perm(entry.get(), raw.type == AE_IFDIR ? 0755 : 0644);
    archive_entry_set_size(entry.get(), size);
    if (!raw.symlink.empty()) archive_entry_set_symlink(entry.get(), raw.symlink.c_str());
    if (!raw.hardlink.empty()) archive_entry_set_hardlink(entry.get(), raw.hardlink.c_str());
    if (archive_write_header(writer_.get(), entry.get()) != ARCHIVE_OK) {
      throw std::runtime_error(archive_error_string(writer_.get()));
    }
  }

  void write(const char* data, std::size_t length) {
    if (archive_write_data(writer_.get(), data, length) != static_cast<la_ssize_t>(length)) {
      throw std::runtime_error("short write in the test archive builder");
    }
  }

  std::unique_ptr<struct archive, decltype(&archive_write_free)> writer_;
  std::string out_;
};

}  // namespace meshery::archive::testing
