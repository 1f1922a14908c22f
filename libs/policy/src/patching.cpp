#include "patching.hpp"

#include <algorithm>

#include "identify_support.hpp"
#include "meshery/policy/component_refs.hpp"

namespace meshery::policy::detail {
namespace {

using nlohmann::json;
using registry::RefPath;

constexpr const char* kMutatorValues = "mutatorValues";

bool copyableStrategies(const std::vector<std::string>& strategies) {
  return std::all_of(strategies.begin(), strategies.end(), [](const std::string& strategy) {
    return strategy == "equal" || strategy == "equal_as_strings";
  });
}

bool throughEveryElement(const RefPath& path) {
  return std::find(path.begin(), path.end(), "_") != path.end();
}

}  // namespace

std::optional<PatchSides> patchSidesOf(const registry::Selector& selector, std::size_t from_item,
                                       std::size_t to_item, const std::string& from_id,
                                       const std::string& to_id) {
  if (from_item >= selector.allow.from.size() || to_item >= selector.allow.to.size())
    return std::nullopt;
  const auto direction = directionOf(selector.allow.from[from_item], selector.allow.to[to_item]);
  if (!direction) return std::nullopt;
  PatchSides sides;
  sides.mutator_id = direction->from_mutates ? from_id : to_id;
  sides.mutated_id = direction->from_mutates ? to_id : from_id;
  sides.mutators = std::span(*direction->mutators).first(direction->count);
  sides.mutateds = std::span(*direction->mutateds).first(direction->count);
  sides.copyable = true;
  for (std::size_t i = 0; i < direction->count; ++i) {
    if (!copyableStrategies(direction->strategies(i))) sides.copyable = false;
  }
  return sides;
}

std::optional<PatchSides> patchSidesOf(const registry::RelationshipDefinition& declaration) {
  if (declaration.selectors.size() != 1) return std::nullopt;
  const auto& allow = declaration.selectors.front().allow;
  if (allow.from.size() != 1 || allow.to.size() != 1) return std::nullopt;
  return patchSidesOf(declaration.selectors.front(), 0, 0, allow.from[0].id, allow.to[0].id);
}

std::optional<json> mutatorValues(const json& mutator, const PatchSides& sides) {
  json values = json::array();
  for (const RefPath& path : sides.mutators) {
    const auto reached = resolveRef(mutator, path);
    if (reached.size() != 1) return std::nullopt;
    values.push_back(*reached.front().value);
  }
  return values;
}

const json* recordedValues(const json& declaration) {
  const auto metadata = declaration.find("metadata");
  if (metadata == declaration.end() || !metadata->is_object()) return nullptr;
  const auto values = metadata->find(kMutatorValues);
  return values != metadata->end() && values->is_array() ? &*values : nullptr;
}

void recordValues(json& declaration, json values) {
  json& metadata = declaration["metadata"];
  if (!metadata.is_object()) metadata = json::object();
  metadata[kMutatorValues] = std::move(values);
}

std::optional<std::vector<PatchWrite>> followWrites(const json& declaration,
                                                    const PatchSides& sides, const json& mutator,
                                                    const json& mutated) {
  if (!sides.copyable) return std::nullopt;
  const auto now = mutatorValues(mutator, sides);
  if (!now) return std::nullopt;
  std::vector<PatchWrite> writes;
  const json* recorded = recordedValues(declaration);
  if (recorded != nullptr) {
    // Recorded: the mutator must have changed and the mutated side still
    // hold what it held, at each place it held it.
    if (recorded->size() != sides.mutateds.size() || *recorded == *now) return std::nullopt;
    for (std::size_t i = 0; i < sides.mutateds.size(); ++i) {
      bool holds = false;
      for (const RefValue& target : resolveRef(mutated, sides.mutateds[i])) {
        if (*target.value != (*recorded)[i]) continue;
        holds = true;
        if (*target.value != (*now)[i]) writes.push_back({target.path, (*now)[i]});
      }
      if (!holds) return std::nullopt;
    }
    return writes;
  }
  // Declared, not found: followed once approved (or awaiting approval).
  const std::string status = declaration.value("status", "");
  if (status != "approved" && status != "pending") return std::nullopt;
  for (std::size_t i = 0; i < sides.mutateds.size(); ++i) {
    const RefPath& path = sides.mutateds[i];
    if (!throughEveryElement(path)) {
      writes.push_back({path, (*now)[i]});
      continue;
    }
    const auto targets = resolveRef(mutated, path);
    if (targets.size() != 1) return std::nullopt;  // which element is meant?
    writes.push_back({targets.front().path, (*now)[i]});
  }
  return writes;
}

std::vector<PatchWrite> restoreWrites(const json& declaration, const PatchSides& sides,
                                      const json& mutated, const SchemaDefault& defaults) {
  std::vector<PatchWrite> writes;
  if (!sides.copyable) return writes;  // a Service gone leaves its pods' labels alone
  const json* recorded = recordedValues(declaration);
  if (recorded == nullptr || recorded->size() != sides.mutateds.size()) return writes;
  for (std::size_t i = 0; i < sides.mutateds.size(); ++i) {
    const RefPath& path = sides.mutateds[i];
    if (throughEveryElement(path)) continue;  // an element of a list is the user's to remove
    const auto reached = resolveRef(mutated, path);
    if (reached.size() != 1 || *reached.front().value != (*recorded)[i]) continue;
    std::optional<json> fallback = defaults ? defaults(mutated, path) : std::nullopt;
    if (fallback && *fallback == (*recorded)[i]) continue;
    writes.push_back({path, fallback ? std::move(*fallback) : json(nullptr)});
  }
  return writes;
}

json applyWrite(json& component, const PatchWrite& write, std::string& op) {
  json* node = &component;
  for (std::size_t i = 0; i + 1 < write.path.size(); ++i) {
    const std::string& part = write.path[i];
    if (node->is_array()) {
      node = &(*node)[static_cast<std::size_t>(std::stoul(part))];
    } else {
      if (!node->is_object()) *node = json::object();
      node = &(*node)[part];
    }
  }
  const std::string& last = write.path.back();
  if (write.value.is_null() && node->is_object()) {
    node->erase(last);
  } else if (node->is_array()) {
    (*node)[static_cast<std::size_t>(std::stoul(last))] = write.value;
  } else {
    if (!node->is_object()) *node = json::object();
    (*node)[last] = write.value;
  }
  op = !write.path.empty() && write.path.front() == "configuration" ? "update_component_configuration"
                                                                    : "update_component";
  return {{"id", idOf(component)}, {"path", write.path}, {"value", write.value}, {"mode", "replace"}};
}

json* Patching::findComponent(const std::string& id) {
  for (json& component : design_["components"]) {
    if (idOf(component) == id) return &component;
  }
  return nullptr;
}

void Patching::write(json& component, const PatchWrite& change) {
  std::string op;
  json value = applyWrite(component, change, op);
  actions_.push_back({std::move(op), std::move(value)});
  patched_ = true;
}

bool Patching::follows(json& declaration, const registry::RelationshipDefinition& kind) {
  const auto sides = patchSidesOf(kind);
  if (!sides) return false;
  json* mutator = findComponent(sides->mutator_id);
  json* mutated = findComponent(sides->mutated_id);
  if (mutated == nullptr) return false;
  if (mutator == nullptr) {
    // A child's reference to its parent goes with the parent; an edge's
    // values (a volume, a namespace shared with a ConfigMap) stay.
    if (!sameWord(kind.kind, "hierarchical")) return false;
    for (const auto& change : restoreWrites(declaration, *sides, *mutated, defaults_))
      write(*mutated, change);
    return false;
  }
  const auto changes = followWrites(declaration, *sides, *mutator, *mutated);
  if (!changes) return false;
  for (const auto& change : *changes) write(*mutated, change);
  record(declaration, *sides, *mutator, false);
  return true;
}

void Patching::record(json& declaration, const PatchSides& sides, const json& mutator, bool fresh) {
  if (!sides.copyable) return;
  auto values = mutatorValues(mutator, sides);
  if (!values) return;
  const json* recorded = recordedValues(declaration);
  if (recorded != nullptr && *recorded == *values) return;
  recordValues(declaration, *values);
  if (fresh) return;
  actions_.push_back({"update_relationship",
                      {{"id", declaration.value("id", "")},
                       {"path", "/metadata/mutatorValues"},
                       {"value", std::move(*values)}}});
}

void Patching::record(json& declaration, const FoundRelationship& found, bool fresh) {
  const auto sides = patchSidesOf(found.definition->selectors[found.selector], found.from_item,
                                  found.to_item, found.from_id, found.to_id);
  if (!sides || !sides->copyable) return;
  const json& components = design_["components"];
  if (indexed_ != components.size() || by_id_.empty()) {
    by_id_.clear();
    for (const json& component : components) by_id_[idOf(component)] = &component;
    indexed_ = components.size();
  }
  const auto mutator = by_id_.find(sides->mutator_id);
  if (mutator != by_id_.end()) record(declaration, *sides, *mutator->second, fresh);
}

}  // namespace meshery::policy::detail
