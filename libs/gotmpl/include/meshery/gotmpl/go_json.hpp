#pragma once

// Go's encoding/json output for template values: what toJson, toPrettyJson
// and toRawJson print (sorted keys, Go's float format, HTML escaping).

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "meshery/gotmpl/value.hpp"

namespace meshery::gotmpl {

struct GoJsonOptions {
  bool escape_html = true;  ///< '<', '>', '&' as \u003c, \u003e, \u0026 (json.Marshal does)
  std::string indent;       ///< MarshalIndent's indent; empty: compact
};

/// json.Marshal(value); throws FunctionError("json: unsupported value: NaN")
/// for NaN and infinities.
std::string goJson(const Value& value, const GoJsonOptions& options = {});

/// The first syntax error json.Unmarshal reports for `text`, in Go's words
/// ("invalid character '}' looking for beginning of value", "unexpected end
/// of JSON input"); nullopt for valid JSON.
std::optional<std::string> goJsonSyntaxError(std::string_view text);

/// json.Decoder's first value of `text`: where it ends (leading blanks
/// included, the byte after it not), or Decode's error ("invalid character
/// …", "unexpected EOF", "EOF" for nothing but blanks).
std::variant<std::size_t, std::string> goJsonValueEnd(std::string_view text);

}  // namespace meshery::gotmpl
