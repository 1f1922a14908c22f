#pragma once

// Alias relationships (hierarchical/parent/alias): a child node that *is* a
// part of its parent — a Container for each element of a Deployment's
// spec.template.spec.containers. The alias component carries no
// configuration of its own; the relationship names the parent's path.

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "meshery/registry/relationship.hpp"

namespace meshery::policy {

/// One alias a definition finds: the parent, the concrete path of the part
/// it stands for, and the alias component's deterministic id.
struct FoundAlias {
  const registry::RelationshipDefinition* definition = nullptr;
  std::size_t selector = 0;
  std::size_t from_item = 0;  ///< the alias kind's item
  std::size_t to_item = 0;    ///< the parent kind's item
  std::string parent_id;
  registry::RefPath path;  ///< e.g. configuration/spec/template/spec/containers/0
  std::string alias_id;    ///< UUID v5 of the parent and the path
};

/// Whether a definition makes aliases: kind "hierarchical", type "parent",
/// subType "alias" (compared case-insensitively).
bool makesAliases(const registry::RelationshipDefinition& definition);

/// For each component the to items admit, each element the from item's
/// mutatorRef reaches in it (a trailing "_" visits every array element;
/// without one, the path itself when it exists). Sorted by parent, then path.
std::vector<FoundAlias> findAliases(const nlohmann::json& design,
                                    const registry::RelationshipDefinition& definition);

/// The declaration of an alias: the definition with one selector, from the
/// alias component (mutatorRef: the path) to the parent (mutatedRef: the
/// path), status "identified", id a UUID v5 of the alias.
nlohmann::json declarationOf(const FoundAlias& alias);

/// The alias component made from `base` (the registry's declaration of
/// the from item's kind): its id, a display name of the path's last two
/// parts ("containers 0"), `metadata.isAnnotation` true, no configuration.
nlohmann::json aliasComponent(const FoundAlias& alias, nlohmann::json base);

}  // namespace meshery::policy
