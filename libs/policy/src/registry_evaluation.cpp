// evaluateDesign with a registry: the definitions of the design's models,
// and parents created from the registry's components.
#include <set>

#include "meshery/policy/evaluate.hpp"
#include "meshery/registry/registry_snapshot.hpp"

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
  return evaluateDesign(std::move(design), definitions, factoryOf(registry));
}

}  // namespace meshery::policy
