#pragma once

#include <array>
#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "meshery/core/uuid.hpp"

namespace meshery::registry {

/// Status of a registry entity: the union of Meshery's model (ignored,
/// enabled, duplicate, maintenance), component (+ resolved, open) and
/// relationship (+ deleted, approved, pending, identified) status enums.
enum class EntityStatus {
  kEnabled,
  kIgnored,
  kDuplicate,
  kMaintenance,
  kResolved,
  kOpen,
  kDeleted,
  kApproved,
  kPending,
  kIdentified,
};

/// The wire literal of a status, e.g. "duplicate".
std::string_view toString(EntityStatus status);

/// Parses a wire literal (exact, lowercase); nullopt for anything else.
std::optional<EntityStatus> parseEntityStatus(std::string_view text);

/// Casing of a definition document on the wire.
enum class WireFormat {
  /// Meshery's v1beta1 wire casing, the canonical form: mixed, e.g.
  /// `connection_id`, `components_count`, `created_at` beside `displayName`.
  kV1beta1,
  /// camelCase (`registrantId`, `componentsCount`, `createdAt`):
  /// models.meshery.io/v1beta2 and components.meshery.io/v1beta3.
  kCamelCase,
};

/// Meshery's model category names (schemas constructs/v1beta1/category).
inline constexpr std::array<std::string_view, 15> kCategoryNames = {
    "Analytics",
    "App Definition and Development",
    "Cloud Native Network",
    "Cloud Native Storage",
    "Database",
    "Machine Learning",
    "Observability and Analysis",
    "Orchestration & Management",
    "Platform",
    "Provisioning",
    "Runtime",
    "Security & Compliance",
    "Serverless",
    "Tools",
    "Uncategorized",
};

/// The category of a model that names none.
inline constexpr std::string_view kDefaultCategory = "Uncategorized";

/// True when `name` is one of kCategoryNames (exact match).
bool isKnownCategory(std::string_view name);

/// A model category (`category` of a model: id, name, open metadata).
struct Category {
  Uuid id;
  std::string name{kDefaultCategory};
  nlohmann::json metadata;
};

/// The connection that registered a model (`registrant` of a model).
struct Registrant {
  Uuid id;
  std::string kind;         ///< github, artifacthub, meshery, kubernetes…
  std::string name;         ///< e.g. "Github"
  nlohmann::json document;  ///< the registrant object as given (v1beta1 casing)
};

/// The model an entity belongs to, as its own `model` field names it.
struct ModelRef {
  std::string name;              ///< `model.name`, e.g. "kubernetes"
  std::string version;           ///< `model.version`: the model definition's version
  std::string upstream_version;  ///< `model.model.version`: the software's version
  std::string registrant_kind;   ///< `model.registrant.kind` ("" when not given)
  std::string category;          ///< `model.category.name` ("" when not given)
};

}  // namespace meshery::registry
