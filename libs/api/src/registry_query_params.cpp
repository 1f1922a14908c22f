// Query parameters of the registry read routes.

#include "registry_query_params.hpp"

#include <algorithm>
#include <cctype>
#include <optional>

#include "meshery/core/error.hpp"

namespace meshery::api {
namespace {

Error badParameter(const std::string& name, const std::string& value, const std::string& expected) {
  return Error(ErrorCode::kMalformedInput, "invalid query parameter '" + name + "'",
               "'" + value + "' is not " + expected, "send " + name + " as " + expected);
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

bool isNonNegativeInteger(const std::string& text) {
  return !text.empty() && text.size() <= 9 &&
         std::all_of(text.begin(), text.end(),
                     [](unsigned char c) { return std::isdigit(c) != 0; });
}

/// A true/false parameter; absent (or empty) is false.
bool flag(const http::Request& request, const std::string& name) {
  auto value = request.queryParam(name);
  if (!value || value->empty()) return false;
  std::string text = lowercase(*value);
  if (text == "true") return true;
  if (text == "false") return false;
  throw badParameter(name, *value, "true or false");
}

registry::PageRequest pageRequest(const http::Request& request) {
  std::string page = request.queryParam("page").value_or("");
  if (!page.empty() && !isNonNegativeInteger(page)) {
    throw badParameter("page", page, "a page number from 0");
  }
  std::string size_name = "pagesize";
  std::optional<std::string> size = request.queryParam("pagesize");
  if (!size) {
    size_name = "pageSize";
    size = request.queryParam("pageSize");
  }
  std::string size_text = size.value_or("");
  if (!size_text.empty() && lowercase(size_text) != "all" && !isNonNegativeInteger(size_text)) {
    throw badParameter(size_name, size_text, "a page size from 1, or all");
  }
  return registry::parsePageRequest(page, lowercase(size_text));
}

}  // namespace

RegistryParams parseRegistryParams(const http::Request& request) {
  RegistryParams params;
  registry::ListOptions& list = params.list;
  list.page = pageRequest(request);
  list.search = request.queryParam("search").value_or("");
  list.order = request.queryParam("order").value_or("");

  std::string sort = request.queryParam("sort").value_or("");
  if (!sort.empty() && lowercase(sort) != "asc" && lowercase(sort) != "desc") {
    throw badParameter("sort", sort, "asc or desc");
  }
  list.direction = registry::parseSortDirection(lowercase(sort));

  std::string annotations = request.queryParam("annotations").value_or("");
  std::string annotations_lower = lowercase(annotations);
  if (!annotations.empty() && annotations_lower != "true" && annotations_lower != "false" &&
      annotations_lower != "include") {
    throw badParameter("annotations", annotations, "true, false or include");
  }
  list.annotations = registry::parseAnnotationFilter(annotations_lower);

  std::string status = request.queryParam("status").value_or("");
  if (lowercase(status) == "all") {
    list.status = std::nullopt;
  } else if (!status.empty()) {
    list.status = registry::parseEntityStatus(lowercase(status));
    if (!list.status)
      throw badParameter("status", status,
                         "an entity status such as enabled, ignored or duplicate, or all");
  }

  params.version = request.queryParam("version").value_or("");
  params.api_version = request.queryParam("apiVersion").value_or("");
  params.trim = flag(request, "trim");
  params.embed_components = flag(request, "components");
  params.embed_relationships = flag(request, "relationships");
  return params;
}

}  // namespace meshery::api
