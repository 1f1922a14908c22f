#pragma once

#include <string>
#include <string_view>

namespace meshery {

/// Appends `text` as a JSON string literal (quotes included), escaping
/// control characters, quotes and backslashes. Invalid UTF-8 is passed through.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace meshery
