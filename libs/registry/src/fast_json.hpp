#pragma once

// Private: parsing JSON text with simdjson into nlohmann::json, several times
// faster than nlohmann's own parser on model files (whose large
// `component.schema` strings nlohmann lexes one character at a time).

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace meshery::registry::detail {

/// `text` parsed into the document nlohmann::json::parse would give, or
/// nullopt when simdjson rejects the text or it holds a value whose
/// nlohmann reading could differ (e.g. "-0.0"): the caller then parses with
/// nlohmann, which reports the error. `padded`: at least 64 readable bytes
/// follow the text (saves a copy). Thread-safe (one parser per thread).
std::optional<nlohmann::json> parseJsonFast(std::string_view text, bool padded = false);

/// Bytes a buffer must hold beyond its text for `padded` to be true.
inline constexpr std::size_t kJsonPadding = 64;

}  // namespace meshery::registry::detail
