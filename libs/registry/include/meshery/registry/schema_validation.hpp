#pragma once

#include <memory>
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

/// A schema compiled once for many values (compiling a Kubernetes component's
/// schema costs far more than checking a value against it). Immutable after
/// construction; validate() is thread-safe. Copies share the compiled schema.
class SchemaValidator {
 public:
  /// Throws as validateAgainstSchema() does for an unusable schema.
  explicit SchemaValidator(const nlohmann::json& schema);
  /// validateAgainstSchema(schema, value) without compiling again.
  [[nodiscard]] std::vector<SchemaViolation> validate(const nlohmann::json& value) const;

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace meshery::registry
