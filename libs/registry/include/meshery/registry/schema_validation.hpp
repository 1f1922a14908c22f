#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshery::registry {

/// One way a value breaks its schema.
struct SchemaViolation {
  /// Where, as a field path: "spec.template.spec.containers[0].image"; empty
  /// for the value itself.
  std::string path;
  std::string message;  ///< what the schema wanted there
};

/// Checks `value` against the JSON Schema `schema` (draft 7; draft 4 and the
/// OpenAPI subset Kubernetes uses read the same; unknown keywords such as
/// `x-kubernetes-*` and unknown formats are ignored). Local `$ref`s
/// ("#/definitions/…") are followed; a schema that cannot be used (a remote
/// `$ref`, a keyword of the wrong type) is Error(kInvalidArgument) with the
/// parser's reason. Returns every violation found, in document order; an empty
/// list means the value is valid.
std::vector<SchemaViolation> validateAgainstSchema(const nlohmann::json& schema,
                                                   const nlohmann::json& value);

}  // namespace meshery::registry
