#include "scalar_json.hpp"

#include <cmath>

#include "go_number.hpp"
#include "parse_error.hpp"

namespace meshery::yaml::detail {

using Kind = ResolvedScalar::Kind;

nlohmann::json scalarValue(const ResolvedScalar& scalar, SourcePosition position) {
  switch (scalar.kind) {
    case Kind::kNull:
      return nullptr;
    case Kind::kBool:
      return scalar.boolean;
    case Kind::kInt:
      return scalar.integer;
    case Kind::kUint:
      return scalar.unsigned_integer;
    case Kind::kString:
      return scalar.text;
    case Kind::kFloat:
      break;
  }
  if (!std::isfinite(scalar.floating)) {
    const char* what = std::isnan(scalar.floating) ? "NaN" : "infinity";
    throw malformedAt(
        position,
        "the value \"" + excerpt(scalar.text) + "\" (" + what + ") cannot be represented in JSON",
        "YAML reads .inf, -.inf and .nan as special floats, and JSON has no "
        "number for them (Kubernetes rejects them the same way).",
        "Quote the value to keep it as a string, or use a finite number.");
  }
  return scalar.floating;
}

std::string scalarKey(const ResolvedScalar& scalar, SourcePosition position) {
  switch (scalar.kind) {
    case Kind::kString:
      return scalar.text;
    case Kind::kBool:
      return scalar.boolean ? "true" : "false";
    case Kind::kInt:
      return std::to_string(scalar.integer);
    case Kind::kUint:
      return std::to_string(scalar.unsigned_integer);
    case Kind::kFloat:
      return formatGoFloatKey(scalar.floating);
    case Kind::kNull:
      break;
  }
  throw malformedAt(position, "a null mapping key cannot be represented in JSON",
                    "The key is empty, \"~\" or \"null\"; JSON object keys must be strings and "
                    "Kubernetes rejects null keys.",
                    "Quote the key (\"null\": ...) or give it a name.");
}

}  // namespace meshery::yaml::detail
