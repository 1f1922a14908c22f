#include "meshery/policy/identify.hpp"

#include <algorithm>
#include <cctype>
#include <tuple>

#include "meshery/core/uuid.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/match_strategy.hpp"

namespace meshery::policy {
namespace {

using registry::SelectorItem;

bool sameWord(const std::string& a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

/// The namespace of relationship declaration ids.
const Uuid& declarationNamespace() {
  static const Uuid id =
      Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/relationships/declarations");
  return id;
}

bool denied(const registry::Selector& selector, const nlohmann::json& from,
            const nlohmann::json& to) {
  const auto any = [](const std::vector<SelectorItem>& items, const nlohmann::json& component) {
    return std::any_of(items.begin(), items.end(),
                       [&](const SelectorItem& item) { return admits(item, component); });
  };
  return any(selector.deny.from, from) && any(selector.deny.to, to);
}

/// Some value at `mutator` in one component matches some value at
/// `mutated` in the other.
bool pathsMatch(const nlohmann::json& mutator_component, const registry::RefPath& mutator,
                const nlohmann::json& mutated_component, const registry::RefPath& mutated,
                const std::vector<std::string>& strategies) {
  const auto sources = resolveRef(mutator_component, mutator);
  const auto targets = resolveRef(mutated_component, mutated);
  for (const RefValue& source : sources) {
    for (const RefValue& target : targets) {
      if (valuesMatch(*source.value, *target.value, strategies)) return true;
    }
  }
  return false;
}

bool valuesRelate(const SelectorItem& from_item, const nlohmann::json& from,
                  const SelectorItem& to_item, const nlohmann::json& to) {
  if (!from_item.patch || !to_item.patch) return false;
  const registry::SelectorPatch& from_patch = *from_item.patch;
  const registry::SelectorPatch& to_patch = *to_item.patch;
  // Either side may supply the mutator: a Service's selector mutates a
  // Deployment's labels; a Namespace's name mutates a child's namespace.
  const bool from_mutates = !from_patch.mutator_ref.empty() && !to_patch.mutated_ref.empty();
  const bool to_mutates = !to_patch.mutator_ref.empty() && !from_patch.mutated_ref.empty();
  if (!from_mutates && !to_mutates) return false;
  const auto& mutators = from_mutates ? from_patch.mutator_ref : to_patch.mutator_ref;
  const auto& mutateds = from_mutates ? to_patch.mutated_ref : from_patch.mutated_ref;
  const nlohmann::json& mutator_component = from_mutates ? from : to;
  const nlohmann::json& mutated_component = from_mutates ? to : from;
  const auto& matrix = !from_item.match_strategy_matrix.empty() ? from_item.match_strategy_matrix
                                                                : to_item.match_strategy_matrix;
  const std::size_t count = std::min(mutators.size(), mutateds.size());
  for (std::size_t i = 0; i < count; ++i) {
    static const std::vector<std::string> kEqual;
    const auto& strategies = i < matrix.size() ? matrix[i] : kEqual;
    if (!pathsMatch(mutator_component, mutators[i], mutated_component, mutateds[i], strategies))
      return false;
  }
  return count > 0;
}

std::string idOf(const nlohmann::json& component) {
  const auto found = component.find("id");
  return found != component.end() && found->is_string() ? found->get<std::string>() : std::string();
}

/// A selector item of the definition's document bound to a component.
nlohmann::json boundItem(const nlohmann::json& item, const std::string& id) {
  nlohmann::json bound = item;
  bound["id"] = id;
  return bound;
}

}  // namespace

bool relatesByValue(const registry::RelationshipDefinition& definition) {
  if (sameWord(definition.kind, "edge")) return sameWord(definition.type, "non-binding");
  return sameWord(definition.kind, "hierarchical") && sameWord(definition.type, "parent") &&
         (sameWord(definition.sub_type, "inventory") || sameWord(definition.sub_type, "wallet"));
}

bool admits(const SelectorItem& item, const nlohmann::json& component) {
  if (item.kind != "*" && item.kind != componentKind(component)) return false;
  return item.model.name.empty() || item.model.name == "*" ||
         item.model.name == componentModel(component);
}

std::vector<FoundRelationship> findRelationships(
    const nlohmann::json& design, const registry::RelationshipDefinition& definition) {
  std::vector<FoundRelationship> found;
  const auto components = design.find("components");
  if (components == design.end() || !components->is_array()) return found;
  for (std::size_t s = 0; s < definition.selectors.size(); ++s) {
    const registry::Selector& selector = definition.selectors[s];
    for (const nlohmann::json& from : *components) {
      for (const nlohmann::json& to : *components) {
        const std::string from_id = idOf(from);
        const std::string to_id = idOf(to);
        if (&from == &to || from_id.empty() || to_id.empty() || from_id == to_id) continue;
        if (denied(selector, from, to)) continue;
        for (std::size_t f = 0; f < selector.allow.from.size(); ++f) {
          if (!admits(selector.allow.from[f], from)) continue;
          for (std::size_t t = 0; t < selector.allow.to.size(); ++t) {
            if (!admits(selector.allow.to[t], to)) continue;
            if (!valuesRelate(selector.allow.from[f], from, selector.allow.to[t], to)) continue;
            found.push_back({&definition, s, f, t, from_id, to_id});
          }
        }
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const FoundRelationship& a, const FoundRelationship& b) {
    return std::tie(a.from_id, a.to_id, a.selector, a.from_item, a.to_item) <
           std::tie(b.from_id, b.to_id, b.selector, b.from_item, b.to_item);
  });
  return found;
}

nlohmann::json declarationOf(const FoundRelationship& found) {
  const registry::RelationshipDefinition& definition = *found.definition;
  nlohmann::json declaration = definition.document;
  const nlohmann::json& selector = definition.document.at("selectors").at(found.selector);
  const nlohmann::json& allow = selector.at("allow");
  nlohmann::json bound = {
      {"allow",
       {{"from",
         nlohmann::json::array({boundItem(allow.at("from").at(found.from_item), found.from_id)})},
        {"to", nlohmann::json::array({boundItem(allow.at("to").at(found.to_item), found.to_id)})}}},
      {"deny", selector.contains("deny") ? selector.at("deny") : nlohmann::json::object()}};
  declaration["selectors"] = nlohmann::json::array({bound});
  const std::string name =
      nlohmann::json{{"relationship", definition.id.toString()}, {"selector", bound}}.dump();
  declaration["id"] = Uuid::v5(declarationNamespace(), name).toString();
  declaration["status"] = sameWord(definition.kind, "hierarchical") ? "approved" : "identified";
  return declaration;
}

}  // namespace meshery::policy
