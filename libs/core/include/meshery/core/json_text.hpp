#pragma once

// JSON text written fast, byte for byte as
// nlohmann::json::dump(-1, ' ', false, error_handler_t::replace) writes it:
// plain runs of a string are copied whole and the tree is walked once, so a
// multi-megabyte design serialises several times faster than with dump().

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace meshery {

/// Appends `text` as a quoted JSON string: '"', '\\' and control characters
/// escaped, other bytes as they are; invalid UTF-8 is replaced by U+FFFD.
void appendJsonString(std::string& out, std::string_view text);

/// Appends the compact JSON text of `value`.
void appendJson(std::string& out, const nlohmann::json& value);

/// The compact JSON text of `value`.
std::string dumpJson(const nlohmann::json& value);

}  // namespace meshery
