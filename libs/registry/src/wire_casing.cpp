#include "wire_casing.hpp"

#include <string>
#include <utility>

namespace meshery::registry::detail {
namespace {

/// {v1beta1 wire key, camelCase key}.
using KeyPair = std::pair<std::string_view, std::string_view>;

constexpr KeyPair kModelAliases[] = {
    {"connection_id", "registrantId"},
    {"components_count", "componentsCount"},
    {"relationships_count", "relationshipsCount"},
};
constexpr KeyPair kTimestamps[] = {
    {"created_at", "createdAt"},
    {"updated_at", "updatedAt"},
    {"deleted_at", "deletedAt"},
};
constexpr KeyPair kConnectionKeys[] = {
    {"credential_id", "credentialId"},
    {"sub_type", "subType"},
    {"user_id", "userId"},
};
constexpr KeyPair kEnvironmentKeys[] = {
    {"organization_id", "organizationId"},
};

enum class Direction { kToV1beta1, kToCamelCase };

/// Renames keys of `object`; when both names are present the target wins and
/// the source key is dropped.
template <std::size_t N>
void renameKeys(nlohmann::json& object, const KeyPair (&pairs)[N], Direction direction) {
  if (!object.is_object()) return;
  for (const auto& [wire, camel] : pairs) {
    std::string from(direction == Direction::kToV1beta1 ? camel : wire);
    std::string to(direction == Direction::kToV1beta1 ? wire : camel);
    auto found = object.find(from);
    if (found == object.end()) continue;
    if (!object.contains(to)) object[to] = std::move(*found);
    object.erase(from);
  }
}

/// Replaces the version part of a "group/version" schemaVersion when its
/// group is `group`.
void setSchemaVersion(nlohmann::json& object, std::string_view group, std::string_view version) {
  if (!object.is_object()) return;
  auto found = object.find("schemaVersion");
  if (found == object.end() || !found->is_string()) return;
  const std::string& current = found->get_ref<const std::string&>();
  if (current.rfind(std::string(group) + "/", 0) != 0) return;
  *found = std::string(group) + "/" + std::string(version);
}

void convertConnection(nlohmann::json& connection, Direction direction) {
  if (!connection.is_object()) return;
  renameKeys(connection, kConnectionKeys, direction);
  renameKeys(connection, kTimestamps, direction);
  setSchemaVersion(connection, "connections.meshery.io",
                   direction == Direction::kToV1beta1 ? "v1beta1" : "v1beta3");
  auto environments = connection.find("environments");
  if (environments == connection.end() || !environments->is_array()) return;
  for (auto& environment : *environments) {
    renameKeys(environment, kEnvironmentKeys, direction);
    renameKeys(environment, kTimestamps, direction);
    setSchemaVersion(environment, "environments.meshery.io",
                     direction == Direction::kToV1beta1 ? "v1beta1" : "v1beta3");
  }
}

bool embeddedModelIsCamelCase(const nlohmann::json& model, bool component_camel_case) {
  auto version = model.find("schemaVersion");
  if (version != model.end() && version->is_string() &&
      !version->get_ref<const std::string&>().empty()) {
    return isCamelCaseSchemaVersion(version->get_ref<const std::string&>());
  }
  return component_camel_case;
}

}  // namespace

bool isCamelCaseSchemaVersion(std::string_view schema_version) {
  auto slash = schema_version.rfind('/');
  if (slash == std::string_view::npos) return false;
  std::string_view version = schema_version.substr(slash + 1);
  return version == "v1beta2" || version == "v1beta3";
}

void modelToV1beta1(nlohmann::json& model, bool camel_case) {
  if (!model.is_object()) return;
  renameKeys(model, kModelAliases, Direction::kToV1beta1);
  model.erase("categoryId");
  if (!camel_case) return;
  renameKeys(model, kTimestamps, Direction::kToV1beta1);
  setSchemaVersion(model, "models.meshery.io", "v1beta1");
  if (auto registrant = model.find("registrant"); registrant != model.end()) {
    convertConnection(*registrant, Direction::kToV1beta1);
  }
}

void modelToCamelCase(nlohmann::json& model) {
  if (!model.is_object()) return;
  renameKeys(model, kModelAliases, Direction::kToCamelCase);
  renameKeys(model, kTimestamps, Direction::kToCamelCase);
  setSchemaVersion(model, "models.meshery.io", "v1beta2");
  if (auto registrant = model.find("registrant"); registrant != model.end()) {
    convertConnection(*registrant, Direction::kToCamelCase);
  }
}

void componentToV1beta1(nlohmann::json& component, bool camel_case) {
  if (!component.is_object()) return;
  if (camel_case) {
    renameKeys(component, kTimestamps, Direction::kToV1beta1);
    setSchemaVersion(component, "components.meshery.io", "v1beta1");
    component.erase("modelId");
  }
  if (auto model = component.find("model"); model != component.end() && model->is_object()) {
    modelToV1beta1(*model, embeddedModelIsCamelCase(*model, camel_case));
  }
}

void componentToCamelCase(nlohmann::json& component) {
  if (!component.is_object()) return;
  renameKeys(component, kTimestamps, Direction::kToCamelCase);
  setSchemaVersion(component, "components.meshery.io", "v1beta3");
  if (auto model = component.find("model"); model != component.end() && model->is_object()) {
    modelToCamelCase(*model);
  }
}

}  // namespace meshery::registry::detail
