#pragma once

// Go's encoding/json output for template values: what toJson, toPrettyJson
// and toRawJson print (sorted keys, Go's float format, HTML escaping).

#include <string>

#include "meshery/gotmpl/value.hpp"

namespace meshery::gotmpl {

struct GoJsonOptions {
  bool escape_html = true;  ///< '<', '>', '&' as \u003c, \u003e, \u0026 (json.Marshal does)
  std::string indent;       ///< MarshalIndent's indent; empty: compact
};

/// json.Marshal(value); throws FunctionError("json: unsupported value: NaN")
/// for NaN and infinities.
std::string goJson(const Value& value, const GoJsonOptions& options = {});

}  // namespace meshery::gotmpl
