// Two-party relationships that hold by value (edge/non-binding,
// hierarchical/parent inventory and wallet): one component's mutatorRef
// values against the other's mutatedRef values.
#include "meshery/policy/identify.hpp"

#include <algorithm>

#include "identify_support.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/match_strategy.hpp"

namespace meshery::policy {
namespace {

using registry::SelectorItem;

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
  static const std::vector<std::string> kEqual;
  for (std::size_t i = 0; i < count; ++i) {
    const auto& strategies = i < matrix.size() ? matrix[i] : kEqual;
    if (!pathsMatch(mutator_component, mutators[i], mutated_component, mutateds[i], strategies))
      return false;
  }
  return count > 0;
}

/// Whether every allow item names values to compare (a patch) and none a
/// third component (a match): a binding written as two parties, such as a
/// ConfigMap mounted by the workloads whose volumes name it.
bool twoPartyBinding(const registry::RelationshipDefinition& definition) {
  bool any = false;
  for (const registry::Selector& selector : definition.selectors) {
    for (const auto* items : {&selector.allow.from, &selector.allow.to}) {
      for (const SelectorItem& item : *items) {
        if (item.match || !item.patch) return false;
        any = true;
      }
    }
  }
  return any;
}

}  // namespace

bool relatesByValue(const registry::RelationshipDefinition& definition) {
  using detail::sameWord;
  if (sameWord(definition.kind, "edge") && sameWord(definition.type, "binding"))
    return twoPartyBinding(definition);
  if (sameWord(definition.kind, "edge")) return sameWord(definition.type, "non-binding");
  return sameWord(definition.kind, "hierarchical") && sameWord(definition.type, "parent") &&
         (sameWord(definition.sub_type, "inventory") || sameWord(definition.sub_type, "wallet"));
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
        const std::string from_id = detail::idOf(from);
        const std::string to_id = detail::idOf(to);
        if (&from == &to || from_id.empty() || to_id.empty() || from_id == to_id) continue;
        if (detail::denied(selector, from, to)) continue;
        for (std::size_t f = 0; f < selector.allow.from.size(); ++f) {
          if (!admits(selector.allow.from[f], from)) continue;
          for (std::size_t t = 0; t < selector.allow.to.size(); ++t) {
            if (!admits(selector.allow.to[t], to)) continue;
            if (!valuesRelate(selector.allow.from[f], from, selector.allow.to[t], to)) continue;
            found.push_back({&definition, s, f, t, from_id, to_id, ""});
          }
        }
      }
    }
  }
  detail::sortFound(found);
  return found;
}

}  // namespace meshery::policy
