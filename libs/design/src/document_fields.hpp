#pragma once

// Small readers of JSON documents shared by the design engine's stages.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "meshery/core/error.hpp"
#include "meshery/core/uuid.hpp"

namespace meshery::design::detail {

inline constexpr std::string_view kDesignSchemaPrefix = "designs.meshery.io/";
inline constexpr std::string_view kDesignSchemaVersion = "designs.meshery.io/v1beta1";
inline constexpr std::string_view kComponentSchemaVersion = "components.meshery.io/v1beta1";

/// `object[key]` when it is a string, `fallback` otherwise.
inline std::string stringOr(const nlohmann::json& object, std::string_view key,
                            std::string_view fallback) {
  if (!object.is_object()) return std::string(fallback);
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return std::string(fallback);
  return it->get<std::string>();
}

/// `object[key]` when it is a string, "" otherwise.
inline std::string stringAt(const nlohmann::json& object, std::string_view key) {
  return stringOr(object, key, {});
}

/// `object[a][b]` when it is a string, "" otherwise.
inline std::string stringAt(const nlohmann::json& object, std::string_view a, std::string_view b) {
  if (!object.is_object()) return {};
  auto it = object.find(a);
  if (it == object.end()) return {};
  return stringAt(*it, b);
}

/// The model a declaration belongs to: `model.name`, or `modelReference.name`
/// where the model is shared (SharedDefinitionFields).
inline std::string modelNameOf(const nlohmann::json& component) {
  std::string name = stringAt(component, "model", "name");
  return name.empty() ? stringAt(component, "modelReference", "name") : name;
}

/// An Error(kInvalidArgument) naming the field of a design that is wrong.
inline Error invalidField(const std::string& field, const std::string& problem) {
  return Error(ErrorCode::kInvalidArgument, field + ": " + problem,
               "the design's field '" + field + "' does not have the shape Meshery's design "
               "schema (designs.meshery.io/v1beta1) requires",
               "fix '" + field + "' and import the design again");
}

/// JSON type names as a user reads them ("a map", "a list", "a string"…).
std::string describeType(const nlohmann::json& value);

/// The namespace of the UUID v5 ids the design engine derives
/// (v5 of the DNS namespace and "designs.meshery.io").
const Uuid& designNamespace();

/// A component id that depends only on what identifies the resource, so that
/// importing the same input twice gives the same ids: UUID v5 (in
/// designNamespace()) of design name, kind, apiVersion, namespace and name,
/// joined by '\x1f'.
Uuid componentId(std::string_view design_name, std::string_view kind, std::string_view api_version,
                 std::string_view name_space, std::string_view name);

/// Converts a legacy pattern file (v1alpha1/v1alpha2: `name`, `version`,
/// `services`) to a v1beta1 design document (pattern_conversion.cpp).
nlohmann::json convertPattern(const nlohmann::json& pattern);

/// True when `document` is a legacy pattern file: a `services` map whose
/// entries are maps naming a `type`, and no `components`.
bool isLegacyPattern(const nlohmann::json& document);

}  // namespace meshery::design::detail
