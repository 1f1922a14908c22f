#pragma once

// Private: the escapers behind the html, js and urlquery builtins (Go's
// template.HTMLEscapeString, JSEscapeString, url.QueryEscape).

#include <string>
#include <string_view>

namespace meshery::gotmpl::detail {

std::string htmlEscape(std::string_view text);
std::string jsEscape(std::string_view text);
std::string urlQueryEscape(std::string_view text);

}  // namespace meshery::gotmpl::detail
