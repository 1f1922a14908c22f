// evaluateDesign with a registry: the definitions of the design's models,
// and parents created from the registry's components.
#include <map>
#include <memory>
#include <set>

#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/evaluate.hpp"
#include "meshery/registry/registry_snapshot.hpp"
#include "meshery/registry/schema_default.hpp"

namespace meshery::policy {
namespace {

using nlohmann::json;

/// The models the design's components belong to.
std::set<std::string> modelsOf(const json& design) {
  std::set<std::string> models;
  const auto components = design.find("components");
  if (components == design.end() || !components->is_array()) return models;
  for (const json& component : *components) {
    for (const char* field : {"model", "modelReference"}) {
      const auto model = component.find(field);
      if (model == component.end() || !model->is_object()) continue;
      const auto name = model->find("name");
      if (name != model->end() && name->is_string()) models.insert(name->get<std::string>());
    }
  }
  return models;
}

/// A new declaration of `kind` from the registry's preferred component of
/// that kind in `model`, without its schema.
ComponentFactory factoryOf(const registry::RegistrySnapshot& snapshot) {
  return [&snapshot](const std::string& model, const std::string& kind) -> std::optional<json> {
    for (const auto& component : snapshot.componentsOfModel(model)) {
      if (component->kind != kind) continue;
      const auto chosen = snapshot.preferredComponent(kind, component->api_version, model);
      if (!chosen) break;
      json declaration = chosen->toJson();
      if (declaration.contains("component") && declaration["component"].is_object())
        declaration["component"].erase("schema");
      declaration["configuration"] = json::object();
      return declaration;
    }
    return std::nullopt;
  };
}

/// Defaults from the schema of the registry's definition of a component
/// (each schema parsed once per evaluation).
SchemaDefault defaultsOf(const registry::RegistrySnapshot& snapshot,
                         std::shared_ptr<std::map<std::string, json>> schemas) {
  return [&snapshot, schemas](const json& component,
                              const registry::RefPath& path) -> std::optional<json> {
    if (path.empty() || path.front() != "configuration") return std::nullopt;
    const std::string kind(componentKind(component));
    const std::string model(componentModel(component));
    const auto reference = component.find("component");
    const std::string api_version =
        reference != component.end() && reference->is_object() ? reference->value("version", "") : "";
    const auto definition = snapshot.preferredComponent(kind, api_version, model);
    if (!definition) return std::nullopt;
    const std::string key = kind + "\x1f" + api_version + "\x1f" + model;
    auto [slot, added] = schemas->try_emplace(key);
    if (added) slot->second = definition->schemaJson();
    if (!slot->second.is_object()) return std::nullopt;
    return registry::schemaDefaultAt(slot->second, registry::RefPath(path.begin() + 1, path.end()));
  };
}

}  // namespace

EvaluationResult evaluateWithRegistry(json design, const registry::RegistrySnapshot& registry) {
  std::vector<registry::RelationshipPtr> in_scope;
  for (const std::string& model : modelsOf(design)) {
    for (auto& relationship : registry.relationshipsOfModel(model)) {
      if (relationship->status != registry::EntityStatus::kIgnored)
        in_scope.push_back(std::move(relationship));
    }
  }
  std::vector<const registry::RelationshipDefinition*> definitions;
  for (const auto& relationship : in_scope) definitions.push_back(relationship.get());
  return evaluateDesign(std::move(design), definitions, factoryOf(registry),
                        defaultsOf(registry, std::make_shared<std::map<std::string, json>>()));
}

}  // namespace meshery::policy
