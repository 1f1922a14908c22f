#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "meshery/core/uuid.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry {

/// A Meshery component definition (components.meshery.io): the full document
/// in v1beta1 wire casing plus the typed fields the registry indexes.
/// `component.schema` stays a string (stringified JSON Schema), as on the wire.
struct ComponentDefinition {
  Uuid id;
  std::string kind;          ///< `component.kind`, e.g. Deployment
  std::string api_version;   ///< `component.version`, e.g. apps/v1
  std::string display_name;  ///< `displayName` (the kind when absent)
  ModelRef model;            ///< the model named by the `model` field
  EntityStatus status = EntityStatus::kEnabled;
  bool is_annotation = false;  ///< `metadata.isAnnotation`
  bool is_namespaced = false;  ///< `metadata.isNamespaced`
  /// Set by a snapshot when it marked this component `duplicate`: the status
  /// it had before, restored when the component it duplicated is gone.
  std::optional<EntityStatus> status_before_duplicate;
  /// The document in v1beta1 casing, `id` filled in; toJson() writes `status`.
  nlohmann::json document;

  /// Reads a component in v1beta1 casing or camelCase (components.meshery.io/
  /// v1beta2|v1beta3), normalising it to v1beta1; an object `component.schema`
  /// is stringified. A missing or nil `id` becomes a UUID v5 of schemaVersion,
  /// model name, model versions, registrant kind, kind and apiVersion.
  /// Throws Error(kInvalidArgument) naming the offending field.
  static ComponentDefinition fromJson(const nlohmann::json& document);
  /// As above, taking the document over instead of copying it.
  static ComponentDefinition fromJson(nlohmann::json&& document);

  /// The document in the requested casing with id and status.
  [[nodiscard]] nlohmann::json toJson(WireFormat format = WireFormat::kV1beta1) const;

  /// `component.schema` parsed (an empty object when the string is empty).
  /// Throws Error(kMalformedInput) naming the component when it is not JSON.
  [[nodiscard]] nlohmann::json schemaJson() const;
};

/// The identity used to find duplicate components (as Meshery counts unique
/// ones): kind, apiVersion, model name and model upstream version, joined by '\x1f'.
std::string componentIdentityKey(const ComponentDefinition& component);

}  // namespace meshery::registry
