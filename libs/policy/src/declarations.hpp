#pragma once

// Private to libs/policy: what an evaluation pass reads off declarations
// (their signature, whether they still hold) and what evaluateDesign does
// around the passes (the version bump, one action per (op, id)).

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "identify_support.hpp"
#include "meshery/policy/evaluate.hpp"
#include "meshery/policy/identify.hpp"

namespace meshery::policy::detail {

/// Relationships between pairs of components (by value or through a
/// binding), which the pair engine finds.
bool handled(const registry::RelationshipDefinition& definition);
/// findRelationships or findBindings, as the definition relates.
std::vector<FoundRelationship> find(const ComponentIndex& index,
                                    const registry::RelationshipDefinition& definition);
/// ASCII lower case.
std::string lower(std::string text);
/// The id of the first item of a declaration's first selector's `side`
/// ("from" or "to"); "" when it has none.
std::string boundId(const nlohmann::json& declaration, const char* side);
/// What makes two declarations the same relationship: its kind, type and
/// subType, and the components it binds.
std::string signature(const nlohmann::json& declaration);
/// Whether the declaration's own selector still relates the components it
/// names, all of which `components` (by id) still has.
bool stillHolds(const nlohmann::json& declaration,
                const std::map<std::string, const nlohmann::json*>& components);
/// The design's patch version plus one ("0.0.1" when it has none; a "v"
/// prefix is kept).
void bumpPatchVersion(nlohmann::json& design);
/// One action per (op, id) — and path, for updates — where the first was
/// taken, with the last value.
std::vector<Action> deduplicated(std::vector<Action> actions);

}  // namespace meshery::policy::detail
