#include <archive.h>
#include <archive_entry.h>

#include <memory>

#include "entry_path.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"
#include "utf8_locale.hpp"

namespace meshery::archive {
namespace {

using WriteHandle = std::unique_ptr<struct archive, decltype(&archive_write_free)>;
using EntryHandle = std::unique_ptr<struct archive_entry, decltype(&archive_entry_free)>;

Error writeFailure(struct archive* writer, std::string_view what) {
  const char* reason = archive_error_string(writer);
  return Error(ErrorCode::kInternal, "cannot write the archive: " + std::string(what),
               reason != nullptr ? reason : "libarchive reported no reason",
               "report this as a defect");
}

la_ssize_t appendToString(struct archive*, void* target, const void* buffer, std::size_t length) {
  static_cast<std::string*>(target)->append(static_cast<const char*>(buffer), length);
  return static_cast<la_ssize_t>(length);
}

std::string checkedPath(const std::string& path) {
  auto normalised = normaliseEntryPath(path);
  std::string_view problem;
  if (path.find('\0') != std::string::npos) {
    problem = "it contains a NUL character";
  } else if (!normalised) {
    problem = "it is absolute or has a '..' segment";
  } else if (normalised->empty()) {
    problem = "it names no file";
  }
  if (!problem.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "invalid archive entry path '" + path + "'",
                std::string(problem), "use a relative path such as 'templates/service.yaml'");
  }
  return std::move(*normalised);
}

void writeEntry(struct archive* writer, const Entry& entry) {
  const std::string path = checkedPath(entry.path);
  EntryHandle header(archive_entry_new(), &archive_entry_free);
  if (!header) throw Error(ErrorCode::kInternal, "cannot create an archive entry", "out of memory");
  // The locale is UTF-8 (ScopedUtf8Locale), so this is the UTF-8 name;
  // bytes that are not UTF-8 are kept as they are (pax hdrcharset=BINARY).
  archive_entry_set_pathname(header.get(), path.c_str());
  archive_entry_set_filetype(header.get(), AE_IFREG);
  archive_entry_set_perm(header.get(), 0644);
  archive_entry_set_size(header.get(), static_cast<la_int64_t>(entry.bytes.size()));
  archive_entry_set_mtime(header.get(), 0, 0);
  archive_entry_set_uid(header.get(), 0);
  archive_entry_set_gid(header.get(), 0);
  if (int status = archive_write_header(writer, header.get());
      status != ARCHIVE_OK && status != ARCHIVE_WARN) {
    throw writeFailure(writer, "entry '" + path + "'");
  }
  std::size_t written = 0;
  while (written < entry.bytes.size()) {
    la_ssize_t n =
        archive_write_data(writer, entry.bytes.data() + written, entry.bytes.size() - written);
    if (n <= 0) throw writeFailure(writer, "content of '" + path + "'");
    written += static_cast<std::size_t>(n);
  }
}

}  // namespace

std::string writeArchive(const std::vector<Entry>& entries, Format format) {
  ScopedUtf8Locale utf8;
  // Declared before the writer: freeing the writer (also when an entry is
  // refused) flushes into `out`, which must still exist then.
  std::string out;
  WriteHandle handle(archive_write_new(), &archive_write_free);
  if (!handle)
    throw Error(ErrorCode::kInternal, "cannot create an archive writer", "out of memory");
  struct archive* writer = handle.get();
  // pax_restricted is plain ustar unless a name needs a pax extension
  // (long or non-ASCII paths), which every tar reader of this century reads.
  if (archive_write_set_format_pax_restricted(writer) != ARCHIVE_OK) {
    throw writeFailure(writer, "tar format unavailable");
  }
  if (format == Format::kTarGzip) {
    // "!timestamp": zeros instead of the current time in the gzip header,
    // so the same entries always give the same bytes.
    if (archive_write_add_filter_gzip(writer) != ARCHIVE_OK ||
        archive_write_set_filter_option(writer, "gzip", "timestamp", nullptr) != ARCHIVE_OK) {
      throw writeFailure(writer, "gzip filter unavailable");
    }
  }
  // No padding to 10 KiB records: for gzip the padding would follow the
  // compressed stream, where a truncation could no longer be noticed.
  archive_write_set_bytes_in_last_block(writer, 1);
  if (archive_write_open(writer, &out, nullptr, appendToString, nullptr) != ARCHIVE_OK) {
    throw writeFailure(writer, "cannot open");
  }
  for (const auto& entry : entries) writeEntry(writer, entry);
  if (archive_write_close(writer) != ARCHIVE_OK) throw writeFailure(writer, "cannot finish");
  return out;
}

}  // namespace meshery::archive
