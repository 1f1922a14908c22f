// libFuzzer target for libs/archive: any bytes must either read as an
// archive or fail with meshery::Error of a documented code (malformed input,
// an escaping path, a limit). What reads must have normalised paths and
// survive writeArchive() and readArchive() again unchanged. Violations abort.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"

namespace {

namespace archive = meshery::archive;

bool isNormalised(const std::string& path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos) slash = path.size();
    std::string_view segment(path.data() + start, slash - start);
    if (segment.empty() || segment == "." || segment == "..") return false;
    start = slash + 1;
  }
  return true;
}

bool allowedCode(meshery::ErrorCode code) {
  return code == meshery::ErrorCode::kMalformedInput ||
         code == meshery::ErrorCode::kInvalidArgument ||
         code == meshery::ErrorCode::kPayloadTooLarge;
}

void checkRoundTrip(const std::vector<archive::Entry>& entries) {
  std::vector<archive::Entry> back;
  try {
    back = archive::readArchive(archive::writeArchive(entries, archive::Format::kTar));
  } catch (const meshery::Error&) {
    std::abort();
  }
  if (back.size() != entries.size()) std::abort();
  for (std::size_t i = 0; i < back.size(); ++i) {
    if (back[i].path != entries[i].path || back[i].bytes != entries[i].bytes) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // Small limits keep each run fast; the limits themselves are under test too.
  const archive::ReadLimits limits{
      .max_entries = 64, .max_entry_bytes = 1 << 20, .max_total_bytes = 4 << 20};
  std::vector<archive::Entry> entries;
  try {
    entries = archive::readArchive(bytes, limits);
  } catch (const meshery::Error& error) {
    if (!allowedCode(error.code())) std::abort();
    return 0;
  } catch (...) {
    std::abort();
  }
  for (const auto& entry : entries) {
    if (!isNormalised(entry.path)) std::abort();
  }
  checkRoundTrip(entries);
  return 0;
}
