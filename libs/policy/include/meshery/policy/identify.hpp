#pragma once

// Phase 2 of Meshery's evaluation for the relationships that relate two
// components by their values: edge/non-binding (a Service selecting a
// Deployment's pods, a Pod reading a ConfigMap) and hierarchical/parent
// (a Namespace holding what names it). Which pairs of a design's
// components a definition relates, and the declarations that record them.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "meshery/registry/relationship.hpp"

namespace meshery::policy {

/// One relationship a definition finds: the two components and the
/// selector items that admitted them.
struct FoundRelationship {
  const registry::RelationshipDefinition* definition = nullptr;
  std::size_t selector = 0;   ///< index in definition->selectors
  std::size_t from_item = 0;  ///< index in that selector's allow.from
  std::size_t to_item = 0;    ///< index in its allow.to
  std::string from_id;        ///< the components' declaration ids
  std::string to_id;
};

/// Whether a definition relates components by their values: kind "edge"
/// with type "non-binding", or kind "hierarchical" with type "parent" and
/// subType "inventory" or "wallet" (compared case-insensitively).
bool relatesByValue(const registry::RelationshipDefinition& definition);

/// Whether `item` admits `component`: its kind ("*" for any) and its model
/// name ("*" or none for any) are the component's.
bool admits(const registry::SelectorItem& item, const nlohmann::json& component);

/// Every ordered pair of distinct components of `design` (its `components`)
/// that an allow clause of `definition` admits as from and to, that no deny
/// clause admits, and whose values match: one side's patch names the
/// mutatorRef paths, the other's the mutatedRef paths, and for each index
/// some value at the mutator path matches some value at the mutated path
/// under that row of the match_strategy_matrix (the from item's, else the
/// to item's; "equal" when none). Sorted by from id, to id, then selector
/// items, so the result does not depend on the order of components.
std::vector<FoundRelationship> findRelationships(
    const nlohmann::json& design, const registry::RelationshipDefinition& definition);

/// The declaration a design records for `found`: the definition's document
/// with one selector whose from and to items carry the components' ids, a
/// status ("approved" for hierarchical parents, "identified" otherwise) and
/// an id that is a UUID v5 of the definition's id and that selector, so the
/// same pair always gets the same id.
nlohmann::json declarationOf(const FoundRelationship& found);

}  // namespace meshery::policy
