#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "meshery/core/uuid.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry {

/// A Meshery policy definition (meshkit PolicyDefinition: `kind`, `version`,
/// `model`, `subType`, free `expression`). Listed per model; relationship
/// behaviour is implemented by the evaluation engine, not by these.
struct PolicyDefinition {
  Uuid id;
  std::string kind;
  std::string version;
  std::string sub_type;
  ModelRef model;
  EntityStatus status = EntityStatus::kEnabled;
  /// The document as given, `id` filled in; toJson() writes `status` when the
  /// document has one or the status is not enabled.
  nlohmann::json document;

  /// Reads a policy definition. A missing or nil `id` becomes a UUID v5 of
  /// model name and versions, kind, version, subType and expression.
  /// Throws Error(kInvalidArgument) naming the offending field.
  static PolicyDefinition fromJson(const nlohmann::json& document);

  [[nodiscard]] nlohmann::json toJson() const;
};

}  // namespace meshery::registry
