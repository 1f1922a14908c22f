#pragma once

// Private: JSON text written without building a document, byte for byte as
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) writes it.

#include <string>
#include <string_view>

namespace meshery::registry::detail {

/// Appends `text` as a quoted JSON string: '"', '\\' and control characters
/// escaped, other bytes as they are; invalid UTF-8 is replaced by U+FFFD.
/// Plain runs are copied whole, so a 58 KB schema costs tens of microseconds.
void appendJsonString(std::string& out, std::string_view text);

}  // namespace meshery::registry::detail
