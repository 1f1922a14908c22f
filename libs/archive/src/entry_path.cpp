#include "entry_path.hpp"

namespace meshery::archive {

std::optional<std::string> normaliseEntryPath(std::string_view path) {
  if (path.starts_with('/')) return std::nullopt;
  std::string result;
  result.reserve(path.size());
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view segment = path.substr(start, slash - start);
    start = slash + 1;
    if (segment.empty() || segment == ".") continue;
    if (segment == "..") return std::nullopt;
    if (!result.empty()) result.push_back('/');
    result.append(segment);
  }
  return result;
}

}  // namespace meshery::archive
