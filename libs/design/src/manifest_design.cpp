// Kubernetes resources to design declarations (Meshery's manifest → design
// step), with two departures from Meshery, both asked for by its users:
// resources the registry does not know are kept (as unresolved declarations,
// with a warning) instead of being dropped, and CRDs in the input generate
// components first so that the custom resources beside them resolve.
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <string>

#include "document_fields.hpp"
#include "meshery/registry/generation.hpp"
#include "pipeline.hpp"

namespace meshery::design::detail {
namespace {

using nlohmann::json;
using registry::ComponentDefinition;

bool isList(const json& document) {
  const std::string kind = stringAt(document, "kind");
  if (kind.size() < 4 || !kind.ends_with("List")) return false;
  auto items = document.find("items");
  return items != document.end() && items->is_array();
}

void flattenInto(json document, const std::string& where, std::vector<json>& out,
                 std::vector<ImportWarning>& warnings, int depth) {
  if (isList(document) && depth < 16) {
    json items = std::move(document["items"]);
    const std::string list = stringAt(document, "kind");
    for (std::size_t i = 0; i < items.size(); ++i) {
      flattenInto(std::move(items[i]), list + " item " + std::to_string(i + 1), out, warnings,
                  depth + 1);
    }
    return;
  }
  if (!document.is_object() || stringAt(document, "kind").empty() ||
      stringAt(document, "apiVersion").empty()) {
    warnings.push_back({where, "not a Kubernetes resource (no apiVersion or kind); skipped"});
    return;
  }
  auto metadata = document.find("metadata");
  if (metadata != document.end() && !metadata->is_object() && !metadata->is_null()) {
    warnings.push_back({where, "not a Kubernetes resource (its metadata is not a map); skipped"});
    return;
  }
  out.push_back(std::move(document));
}

bool isCrd(const json& document) {
  return stringAt(document, "kind") == "CustomResourceDefinition" &&
         stringAt(document, "apiVersion").starts_with("apiextensions.k8s.io/");
}

/// "stable.example.com" → "stable-example-com", a model name.
/// Components of the CRDs in `manifests`, one model per API group.
std::vector<ComponentDefinition> componentsOfCrds(const std::vector<json>& manifests,
                                                  std::vector<ImportWarning>& warnings) {
  std::map<std::string, std::vector<registry::SourceDocument>> by_group;
  for (const auto& manifest : manifests) {
    if (!isCrd(manifest)) continue;
    by_group[stringAt(manifest, "spec", "group")].push_back(
        {"CustomResourceDefinition/" + stringAt(manifest, "metadata", "name"), manifest});
  }
  std::vector<ComponentDefinition> components;
  for (const auto& [group, documents] : by_group) {
    registry::GenerationModel model;
    model.name = registry::modelNameOfGroup(group);
    model.upstream_version = "v1.0.0";
    model.registrant = "meshery";
    registry::GenerationResult generated;
    try {
      generated = registry::generateFromCrds(documents, model);
    } catch (const std::exception& error) {
      warnings.push_back({"CRD group " + group, std::string("no components generated: ") + error.what()});
      continue;
    }
    for (auto& failure : generated.failures) {
      warnings.push_back({failure.source, "no component generated from this CRD: " +
                                              failure.error.message() +
                                              "; its custom resources stay unresolved"});
    }
    for (auto& component : generated.components) {
      try {
        components.push_back(ComponentDefinition::fromJson(std::move(component)));
      } catch (const Error& error) {
        warnings.push_back({"CRD group " + group, error.message()});
      }
    }
  }
  return components;
}

/// The model of a resource no definition matched: "kubernetes" for the
/// built-in API groups (core, no dot, *.k8s.io), "unknown" otherwise.
std::string unresolvedModelOf(const std::string& api_version) {
  auto slash = api_version.find('/');
  if (slash == std::string::npos) return "kubernetes";
  const std::string group = api_version.substr(0, slash);
  if (group.find('.') == std::string::npos || group.ends_with(".k8s.io")) return "kubernetes";
  return "unknown";
}

json unresolvedDeclaration(const std::string& kind, const std::string& api_version) {
  const std::string model = unresolvedModelOf(api_version);
  json declaration = json::object();
  declaration["schemaVersion"] = kComponentSchemaVersion;
  declaration["version"] = "v1.0.0";
  declaration["description"] = "";
  declaration["format"] = "JSON";
  declaration["component"] = {{"kind", kind}, {"version", api_version}};
  declaration["model"] = {{"name", model}};
  declaration["metadata"] = {{"unresolved", true}, {"isAnnotation", false}};
  return declaration;
}

/// A declaration of `definition`. The schema of a registry component stays
/// in the registry (a design names its definition by kind, apiVersion and
/// model; validation looks the schema up there); the schema of a component
/// generated from the input's CRDs travels with the design, which is the only
/// place that knows it.
json declarationOf(const ComponentDefinition& definition, bool keep_schema = false) {
  json declaration = definition.toJson();
  if (!keep_schema && declaration.contains("component") && declaration["component"].is_object()) {
    declaration["component"].erase("schema");
  }
  return declaration;
}

/// declarationOf() once per definition: a registry component's document
/// carries its whole schema (tens of KB), so building it per resource made a
/// 1,000-resource import spend most of its time copying and freeing schemas.
class Declarations {
 public:
  const json& of(const ComponentDefinition& definition, bool keep_schema = false) {
    auto& slot = cache_[{&definition, keep_schema}];
    if (slot.is_null()) slot = declarationOf(definition, keep_schema);
    return slot;
  }

  /// The same without the fields every declaration of `definition` shares,
  /// which go to `shared` once.
  const json& thinOf(const ComponentDefinition& definition, bool keep_schema,
                     SharedDefinitionFields& shared) {
    auto& slot = thin_cache_[{&definition, keep_schema}];
    if (slot.is_null()) {
      slot = declarationOf(definition, keep_schema);
      shared.moveFrom(slot);
    }
    return slot;
  }

 private:
  std::map<std::pair<const ComponentDefinition*, bool>, json> cache_;
  std::map<std::pair<const ComponentDefinition*, bool>, json> thin_cache_;
};

class ComponentResolver {
 public:
  ComponentResolver(const registry::RegistrySnapshot& registry,
                    std::vector<ComponentDefinition> generated)
      : registry_(registry), generated_(std::move(generated)) {}

  /// The definition for (kind, apiVersion): generated from the input's CRDs
  /// first, then the registry's preferred one; nullptr when none.
  const ComponentDefinition* find(const std::string& kind, const std::string& api_version) {
    for (const auto& component : generated_) {
      if (component.kind == kind && component.api_version == api_version) return &component;
    }
    return findInRegistry(kind, api_version);
  }

  [[nodiscard]] bool isGenerated(const ComponentDefinition* definition) const {
    return !generated_.empty() && definition >= &generated_.front() && definition <= &generated_.back();
  }

 private:
  const ComponentDefinition* findInRegistry(const std::string& kind, const std::string& api_version) {
    auto found = registry_.preferredComponent(kind, api_version);
    if (!found) return nullptr;
    held_.push_back(found);
    return found.get();
  }

  const registry::RegistrySnapshot& registry_;
  std::vector<ComponentDefinition> generated_;
  std::vector<registry::ComponentPtr> held_;
};

}  // namespace

std::vector<nlohmann::json> flattenLists(std::vector<nlohmann::json> documents,
                                         std::vector<ImportWarning>& warnings) {
  std::vector<json> out;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    flattenInto(std::move(documents[i]), "document " + std::to_string(i + 1), out, warnings, 0);
  }
  return out;
}

std::string subjectOf(const nlohmann::json& component) {
  return stringAt(component, "component", "kind") + "/" + stringAt(component, "displayName");
}

Design designFromManifests(const std::vector<nlohmann::json>& manifests, const std::string& name,
                           const registry::RegistrySnapshot& registry,
                           std::vector<ImportWarning>& warnings) {
  ComponentResolver resolver(registry, componentsOfCrds(manifests, warnings));
  Declarations declarations;
  auto shared = std::make_shared<SharedDefinitionFields>();
  json components = json::array();
  std::set<std::string> ids;
  for (std::size_t i = 0; i < manifests.size(); ++i) {
    const json& manifest = manifests[i];
    const std::string kind = stringAt(manifest, "kind");
    const std::string api_version = stringAt(manifest, "apiVersion");
    json configuration = manifest;
    configuration.erase("apiVersion");
    configuration.erase("kind");
    configuration.erase("status");
    std::string resource_name = stringAt(manifest, "metadata", "name");
    if (resource_name.empty()) {
      resource_name = kind + "-" + std::to_string(i + 1);
      for (char& c : resource_name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      warnings.push_back({kind + "/" + resource_name,
                          "the resource has no metadata.name; named '" + resource_name + "'"});
    }
    const ComponentDefinition* definition = resolver.find(kind, api_version);
    json declaration = definition != nullptr
                           ? declarations.thinOf(*definition, resolver.isGenerated(definition), *shared)
                           : unresolvedDeclaration(kind, api_version);
    if (definition != nullptr && definition->is_namespaced &&
        stringAt(configuration, "metadata", "namespace").empty()) {
      configuration["metadata"]["namespace"] = "default";
    }
    const std::string name_space = stringAt(configuration, "metadata", "namespace");
    std::string id = componentId(name, kind, api_version, name_space, resource_name).toString();
    for (int n = 2; !ids.insert(id).second; ++n) {
      id = componentId(name, kind, api_version, name_space, resource_name + "#" + std::to_string(n))
               .toString();
    }
    declaration["id"] = id;
    declaration["displayName"] = resource_name;
    declaration["configuration"] = std::move(configuration);
    if (definition == nullptr) {
      warnings.push_back({kind + "/" + resource_name,
                          "no component in the registry for kind '" + kind + "' of apiVersion '" +
                              api_version + "'; kept as an unresolved component (model '" +
                              stringAt(declaration, "model", "name") + "'), not validated"});
    }
    components.push_back(std::move(declaration));
  }
  json document = {{"schemaVersion", kDesignSchemaVersion},
                   {"name", name},
                   {"components", std::move(components)},
                   {"relationships", json::array()}};
  Design design = Design::fromJson(std::move(document));
  if (!shared->empty()) design.shared_fields = std::move(shared);
  return design;
}

void completeDesign(Design& design, const registry::RegistrySnapshot& registry,
                    std::vector<ImportWarning>& warnings) {
  Declarations declarations;
  for (auto& component : design.document["components"]) {
    const std::string kind = stringAt(component, "component", "kind");
    const std::string api_version = stringAt(component, "component", "version");
    const std::string model = stringAt(component, "model", "name");
    const json& metadata = component.contains("metadata") ? component["metadata"] : json();
    if (metadata.is_object() && metadata.value("unresolved", false)) continue;
    auto definition = registry.preferredComponent(kind, api_version, model);
    if (!definition && !model.empty()) definition = registry.preferredComponent(kind, api_version);
    if (!definition) {
      if (!(metadata.is_object() && metadata.value("isAnnotation", false))) {
        warnings.push_back({subjectOf(component),
                            "no component in the registry for kind '" + kind + "' of apiVersion '" +
                                api_version + "'" + (model.empty() ? "" : " (model '" + model + "')") +
                                "; kept as it is, not validated"});
      }
      continue;
    }
    if (component.contains("modelReference")) continue;  // already a full declaration
    json filled = declarations.of(*definition);
    for (const char* merged : {"metadata", "styles"}) {
      if (component.contains(merged) && component[merged].is_object() && filled[merged].is_object()) {
        filled[merged].update(component[merged]);
        component[merged] = filled[merged];
      }
    }
    if (!component["model"].is_object() || component["model"].size() <= 1) {
      component["model"] = filled["model"];
    }
    for (auto& [key, value] : filled.items()) {
      if (!component.contains(key) || component[key].is_null()) component[key] = value;
    }
  }
}

}  // namespace meshery::design::detail
