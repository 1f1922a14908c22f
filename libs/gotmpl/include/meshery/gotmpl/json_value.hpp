#pragma once

// Template values to and from JSON documents.

#include <nlohmann/json.hpp>

#include "meshery/gotmpl/value.hpp"

namespace meshery::gotmpl {

/// How JSON numbers become template values.
enum class JsonNumbers : std::uint8_t {
  kFloat64,  ///< every number a float64, as Go's encoding/json (and Helm's values) decode them
  kTyped,    ///< integers int64, others float64
};

/// A JSON document as Go's encoding/json decodes it into interface{}:
/// objects map[string]interface{}, arrays []interface{}, null nil.
Value fromJson(const nlohmann::json& json, JsonNumbers numbers = JsonNumbers::kFloat64);

/// A value as a JSON document: maps, lists, strings, bools, numbers; nil
/// and no value become null; objects their text.
nlohmann::json toJson(const Value& value);

}  // namespace meshery::gotmpl
