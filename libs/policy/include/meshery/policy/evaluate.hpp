#pragma once

// Meshery's evaluation of a design's relationships (reference §2.4): the
// passes that keep a design's relationship declarations true to its
// components, and the actions that record what changed.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "meshery/registry/relationship.hpp"

namespace meshery::registry {
class RegistrySnapshot;
}

namespace meshery::policy {

/// One change, as Meshery's wire contract writes it: `op` is add_component,
/// delete_component, update_component_configuration, add_relationship,
/// update_relationship or delete_relationship; `value` its operand
/// ({"item": ...}, {"id": ...}, {"id", "path", "value"}).
struct Action {
  std::string op;
  nlohmann::json value;
};

/// A new component declaration of `kind` in model `model` (from the
/// registry), or nullopt when there is none; the evaluation sets its id
/// and the values that make it the parent it is created for.
using ComponentFactory =
    std::function<std::optional<nlohmann::json>(const std::string& model, const std::string& kind)>;

/// The default a component's schema gives the value at `path` (a path into
/// the declaration, "configuration" first), or nullopt when it gives none.
using SchemaDefault = std::function<std::optional<nlohmann::json>(
    const nlohmann::json& component, const registry::RefPath& path)>;

struct EvaluationResult {
  nlohmann::json design;        ///< the design with every action applied
  std::vector<Action> actions;  ///< in the order they were taken, one per (op, id)
};

/// Evaluates `design` with `definitions` (value, binding, sibling and alias
/// relationships; other kinds are left alone), up to five passes until a
/// pass changes no component. Each pass:
/// 1. validate — an existing declaration whose components are gone, or whose
///    values no longer relate them (a group with fewer than two members, an
///    alias whose part is gone), becomes "deleted"; unless, for a value
///    relationship copied as it is, its mutator changed (by the values it
///    records in metadata.mutatorValues) or it was declared without a record
///    and approved: the mutated component then follows the mutator
///    (update_component_configuration). A hierarchical parent gone gives the
///    child's field that named it its schema default (`defaults`), or
///    removes it;
/// 2. identify — relationships found and not yet declared are added
///    ("identified"; hierarchical parents and bindings "approved"); a
///    deleted declaration found again is revived; a group gets its members
///    anew;
/// 3. additions — a parent that children name but the design lacks (a
///    Namespace for metadata.namespace) and each alias node are created
///    through `factory`;
/// 4. side effects — "identified" becomes "approved", "deleted" is removed
///    (with the alias node it stood for); metadata.resolvedAliases follows.
/// Relationships found record the mutator values they hold with.
/// A pass that changed anything bumps the design's patch version ("0.0.1"
/// when it has none). Evaluating the result again changes nothing.
EvaluationResult evaluateDesign(
    nlohmann::json design, const std::vector<const registry::RelationshipDefinition*>& definitions,
    const ComponentFactory& factory = {}, const SchemaDefault& defaults = {});

/// evaluateDesign with the registry's relationship definitions of the
/// models the design's components use (all but ignored ones), and missing
/// parents created from the registry's preferred component of their kind.
EvaluationResult evaluateWithRegistry(nlohmann::json design,
                                      const registry::RegistrySnapshot& registry);

}  // namespace meshery::policy
