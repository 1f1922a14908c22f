// Legacy pattern files (v1alpha1/v1alpha2) to v1beta1 designs, following
// meshery/schemas' PatternFile.ConvertFrom: a service becomes a declaration
// whose kind is `type`, configuration is `settings` (with labels,
// annotations and namespace moved into configuration.metadata), definition
// version is `version` (v1.0.0 when absent), and traits.meshmap carries the
// id, the component metadata and the position. Unlike Meshery we keep the
// settings' own metadata (Meshery replaces it) and give services without a
// node id a UUID v5 of design name and service key instead of a random one,
// so converting twice gives the same design; services are taken in key order.
#include <cctype>
#include <string>

#include "document_fields.hpp"

namespace meshery::design::detail {
namespace {

using nlohmann::json;

const json* memberObject(const json& object, std::string_view key) {
  auto it = object.find(key);
  return it != object.end() && it->is_object() ? &*it : nullptr;
}

bool truthy(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text == "true";
  }
  return false;
}

json configurationOf(const json& service) {
  json configuration = json::object();
  if (const json* settings = memberObject(service, "settings")) configuration = *settings;
  json& metadata = configuration["metadata"];
  if (!metadata.is_object()) metadata = json::object();
  if (const json* labels = memberObject(service, "labels")) metadata["labels"] = *labels;
  if (const json* annotations = memberObject(service, "annotations")) {
    metadata["annotations"] = *annotations;
  }
  std::string name_space = stringAt(service, "namespace");
  if (!name_space.empty()) metadata["namespace"] = name_space;
  if (metadata.empty()) configuration.erase("metadata");
  return configuration;
}

/// id, metadata and styles of the declaration from traits.meshmap.
void applyMeshmapTraits(json& component, const json& service, const Uuid& fallback_id) {
  component["id"] = fallback_id.toString();
  json metadata = json::object();
  const json* traits = memberObject(service, "traits");
  const json* meshmap = traits != nullptr ? memberObject(*traits, "meshmap") : nullptr;
  if (meshmap != nullptr) {
    if (auto id = Uuid::parse(stringAt(*meshmap, "id"))) component["id"] = id->toString();
    if (const json* model_metadata = memberObject(*meshmap, "meshmodel-metadata")) {
      metadata = *model_metadata;
    }
    if (const json* position = memberObject(*meshmap, "position")) {
      if (position->value("x", json()).is_number() && position->value("y", json()).is_number()) {
        component["styles"]["position"] = {{"x", (*position)["x"]}, {"y", (*position)["y"]}};
      }
    }
    for (const char* key : {"whiteboardData", "fieldRefData"}) {
      if (meshmap->contains(key) && !(*meshmap)[key].is_null()) metadata[key] = (*meshmap)[key];
    }
  }
  // Meshery writes false when the service does not say; we leave it out, so
  // that the registry's definition fills it in on import.
  if (metadata.contains("isNamespaced")) metadata["isNamespaced"] = truthy(metadata["isNamespaced"]);
  auto depends_on = service.find("dependsOn");
  if (depends_on != service.end() && depends_on->is_array()) metadata["dependsOn"] = *depends_on;
  component["metadata"] = std::move(metadata);
}

json convertService(const std::string& key, const json& service, const std::string& design_name) {
  const std::string field = "services." + key;
  if (!service.is_object()) {
    throw invalidField(field, "expected a map (a service), got " + describeType(service));
  }
  auto type = service.find("type");
  if (type == service.end() || !type->is_string() || type->get_ref<const std::string&>().empty()) {
    throw invalidField(field + ".type", "missing: a service names its kind in 'type'");
  }
  const std::string kind = type->get<std::string>();
  const std::string api_version = stringAt(service, "apiVersion");
  json component = json::object();
  component["schemaVersion"] = kComponentSchemaVersion;
  component["version"] = stringOr(service, "version", "v1.0.0");
  component["displayName"] = stringOr(service, "name", key);
  component["format"] = "JSON";
  component["component"] = {{"kind", kind}, {"version", api_version}};
  component["model"] = {{"name", stringAt(service, "model")}};
  component["configuration"] = configurationOf(service);
  applyMeshmapTraits(component, service,
                     componentId(design_name, kind, api_version, stringAt(service, "namespace"), key));
  return component;
}

}  // namespace

bool isLegacyPattern(const nlohmann::json& document) {
  if (!document.is_object() || document.contains("components")) return false;
  const json* services = memberObject(document, "services");
  if (services == nullptr || services->empty()) return false;
  for (const auto& [key, service] : services->items()) {
    if (!service.is_object() || !service.contains("type")) return false;
  }
  return true;
}

nlohmann::json convertPattern(const nlohmann::json& pattern) {
  const std::string name = stringAt(pattern, "name");
  json design = json::object();
  design["schemaVersion"] = kDesignSchemaVersion;
  design["name"] = name;
  design["version"] = stringOr(pattern, "version", "v0.0.1");
  for (const char* key : {"id", "patternID"}) {
    if (auto id = Uuid::parse(stringAt(pattern, key))) {
      design["id"] = id->toString();
      break;
    }
  }
  json components = json::array();
  for (const auto& [key, service] : pattern.at("services").items()) {
    components.push_back(convertService(key, service, name));
  }
  design["components"] = std::move(components);
  design["relationships"] = json::array();
  design["preferences"] = {{"layers", json::object()}};
  return design;
}

}  // namespace meshery::design::detail
