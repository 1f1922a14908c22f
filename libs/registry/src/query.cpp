#include "meshery/registry/query.hpp"

#include <charconv>

namespace meshery::registry {
namespace {

/// A non-negative decimal integer; nullopt for anything else.
std::optional<std::size_t> parseCount(std::string_view text) {
  std::size_t value = 0;
  const char* end = text.data() + text.size();
  auto [rest, error] = std::from_chars(text.data(), end, value);
  if (error != std::errc() || rest != end || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

AnnotationFilter parseAnnotationFilter(std::string_view text) {
  if (text == "true") return AnnotationFilter::kOnly;
  if (text == "false") return AnnotationFilter::kExclude;
  return AnnotationFilter::kInclude;
}

SortDirection parseSortDirection(std::string_view text) {
  return text == "desc" ? SortDirection::kDescending : SortDirection::kAscending;
}

PageRequest parsePageRequest(std::string_view page, std::string_view page_size) {
  PageRequest request;
  request.page = parseCount(page).value_or(0);
  if (page_size == "all") {
    request.page_size = std::nullopt;
    return request;
  }
  std::optional<std::size_t> size = parseCount(page_size);
  request.page_size = (size && *size > 0) ? *size : kDefaultPageSize;
  return request;
}

}  // namespace meshery::registry
