#pragma once

// Sibling relationships (Meshery's matchLabels, "TagSets"): components that
// carry the same key=value under a path (configuration.metadata.labels)
// form a group, recorded as one declaration listing every member.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "meshery/registry/relationship.hpp"

namespace meshery::policy {

/// At most this many groups per definition, the first by key=value order.
inline constexpr std::size_t kMaxSiblingGroups = 20;

/// One group: the key=value its members share and their ids, sorted.
struct SiblingGroup {
  const registry::RelationshipDefinition* definition = nullptr;
  std::size_t selector = 0;  ///< index in definition->selectors
  registry::RefPath path;    ///< where the labels are (the items' first match ref)
  std::string key;           ///< the label's key
  std::string value;         ///< its value, as text
  std::vector<std::string> members;
};

/// Whether a definition groups siblings: type "sibling" (compared
/// case-insensitively), whatever its kind (Meshery has written it
/// "sibling", "hierarchical" and "Sibling").
bool groupsSiblings(const registry::RelationshipDefinition& definition);

/// The groups of two or more components of `design` that the allow
/// clause's items admit and that share a key=value at the items' first
/// match ref; sorted by key, then value; at most kMaxSiblingGroups per
/// definition.
std::vector<SiblingGroup> findSiblingGroups(const nlohmann::json& design,
                                            const registry::RelationshipDefinition& definition);

/// The declaration of a group: the definition with one selector whose from
/// and to lists hold every member (its id, and patch.mutatorRef naming the
/// label), status "identified", and an id that is a UUID v5 of the
/// definition and the key=value (so a group keeps its id as members come
/// and go).
nlohmann::json declarationOf(const SiblingGroup& group);

/// The ids of a sibling declaration's members, sorted.
std::vector<std::string> membersOf(const nlohmann::json& declaration);

}  // namespace meshery::policy
