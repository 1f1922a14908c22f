#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "meshery/core/uuid.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry {

/// A Meshery model definition (models.meshery.io): the full document in v1beta1
/// wire casing plus the typed fields the registry indexes. Value type.
struct Model {
  Uuid id;
  std::string name;              ///< ^[a-z0-9-]+$, unique per registrant
  std::string version;           ///< `version`: the definition's own version, e.g. v1.0.0
  std::string upstream_version;  ///< `model.version`: the software's version, e.g. v1.35.0
  std::string display_name;      ///< `displayName` (the name when absent)
  Category category;             ///< `category` ("Uncategorized" when absent)
  std::string sub_category;      ///< `subCategory`
  Registrant registrant;         ///< `registrant`
  EntityStatus status = EntityStatus::kEnabled;
  bool is_annotation = false;  ///< `metadata.isAnnotation`
  /// Set by a snapshot: how many components/relationships belong to the model.
  std::optional<std::size_t> components_count;
  std::optional<std::size_t> relationships_count;
  /// Set by a snapshot when it marked this model `duplicate`: the status it had
  /// before, restored when the model it duplicated is gone.
  std::optional<EntityStatus> status_before_duplicate;
  /// The document in v1beta1 casing, `id` filled in. `status` and the counts
  /// in it may be stale: toJson() writes the typed values.
  nlohmann::json document;

  /// Reads a model in v1beta1 casing or camelCase (models.meshery.io/v1beta2),
  /// normalising it to v1beta1. A missing or nil `id` becomes a UUID v5 of
  /// schemaVersion, name, versions and registrant kind, so reloading gives the
  /// same id. Throws Error(kInvalidArgument) naming the offending field.
  static Model fromJson(const nlohmann::json& document);

  /// The document in the requested casing with id, status and known counts.
  [[nodiscard]] nlohmann::json toJson(WireFormat format = WireFormat::kV1beta1) const;
};

/// The identity used to find duplicate models: name, definition version,
/// upstream version and registrant kind (lowercase), joined by '\x1f'.
std::string modelIdentityKey(const Model& model);

}  // namespace meshery::registry
