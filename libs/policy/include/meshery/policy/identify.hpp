#pragma once

// Phase 2 of Meshery's evaluation: which components of a design a
// definition relates, and the declarations that record them. By their
// values: edge/non-binding (a Service selecting a Deployment's pods, a Pod
// reading a ConfigMap) and hierarchical/parent (a Namespace holding what
// names it). Through a third component: edge/binding (a Role bound to a
// ServiceAccount by a RoleBinding, a Pod to a volume by a claim).

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
  std::string binding_id;  ///< the third component of a binding ("" otherwise)
};

/// Whether a definition relates components by their values: kind "edge"
/// with type "non-binding", kind "hierarchical" with type "parent" and
/// subType "inventory" or "wallet" (compared case-insensitively), or an
/// edge/binding written as two parties (every item has a patch, none a
/// match: a ConfigMap mounted by the workloads whose volumes name it).
bool relatesByValue(const registry::RelationshipDefinition& definition);

/// Whether a definition relates two components through a third: kind
/// "edge" with type "binding" (permission, mount, firewall) whose items
/// say how each side matches the binding component. Evaluation tries
/// relatesByValue first.
bool relatesThroughBinding(const registry::RelationshipDefinition& definition);

/// Whether `item` admits `component`: its kind ("*" for any) and its model
/// name ("*" or none for any) are the component's.
bool admits(const registry::SelectorItem& item, const nlohmann::json& component);

/// Every ordered pair of distinct components of `design` (its `components`)
/// that an allow clause of `definition` admits as from and to, that no deny
/// clause admits, and whose values match: one side's patch names the
/// mutatorRef paths, the other's the mutatedRef paths, and for each index
/// some value at the mutator path matches some value at the mutated path
/// under that row of the match_strategy_matrix (the from item's, else the
/// to item's; "equal" when none) — or, for plain equality on a field that
/// is not a list element, neither component has a value there (two
/// components without metadata.namespace share one) as long as another
/// path matches by values both have. Sorted by from id,
/// to id, then selector items, so the result does not depend on the order
/// of components.
std::vector<FoundRelationship> findRelationships(
    const nlohmann::json& design, const registry::RelationshipDefinition& definition);

/// Every (from, binding, to) triple of distinct components of `design` for a
/// binding definition: the from item admits `from` and its `match` relates
/// it ("self") to a component of the binding kind (the entry that is not
/// "self"), the to item admits `to` and its `match` relates that same
/// binding component to it, and no deny clause admits (from, to). Each
/// entry's paths are compared index by index ("equal" unless the item's
/// match_strategy_matrix says otherwise); "_" binds the same element
/// across the paths of one entry (a subject's kind and name are one
/// subject's). Sorted like findRelationships.
std::vector<FoundRelationship> findBindings(const nlohmann::json& design,
                                            const registry::RelationshipDefinition& definition);

/// The declaration a design records for `found`: the definition's document
/// with one selector whose from and to items carry the components' ids (and
/// for a binding, their match entries the self and binding ids), a status
/// ("approved" for hierarchical parents and bindings, "identified"
/// otherwise) and an id that is a UUID v5 of the definition's id and that
/// selector, so the same components always get the same id.
nlohmann::json declarationOf(const FoundRelationship& found);

}  // namespace meshery::policy
