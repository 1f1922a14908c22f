#pragma once

// Private: resolution of "$ref" in OpenAPI documents into self-contained schemas.

#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

namespace meshery::registry {

/// Resolves local references ("#/definitions/X" in OpenAPI v2,
/// "#/components/schemas/X" in v3) against one document's definitions.
/// A reference with sibling keywords becomes {"allOf": [resolved], …siblings},
/// as Kubernetes' own v3 documents write it. A reference to a definition that
/// is being expanded (recursion, e.g. JSONSchemaProps) is cut to an open
/// object with a "$comment". Unknown references are kept as they are.
class SchemaResolver {
 public:
  explicit SchemaResolver(const nlohmann::json& definitions);

  /// The fully expanded schema of the named definition.
  nlohmann::json resolveDefinition(const std::string& name);
  /// `schema` with every reference in it expanded.
  nlohmann::json resolve(const nlohmann::json& schema);

 private:
  nlohmann::json expand(const nlohmann::json& node);
  nlohmann::json expandReference(const std::string& name, const nlohmann::json& node);

  const nlohmann::json& definitions_;
  std::set<std::string> in_progress_;
  std::map<std::string, nlohmann::json> complete_;  ///< expansions that met no recursion
  bool cut_ = false;  ///< the current expansion cut a recursive reference
};

/// "#/definitions/io.k8s.api.core.v1.Pod" → "io.k8s.api.core.v1.Pod"; "" if not local.
std::string referencedName(const std::string& ref);

}  // namespace meshery::registry
