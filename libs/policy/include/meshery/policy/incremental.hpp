#pragma once

// Incremental evaluation (issue 6, item 5): a design kept evaluated as its
// components change one at a time, each edit evaluated among the
// components it touches instead of the whole design.

#include <cstddef>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "meshery/policy/evaluate.hpp"

namespace meshery::policy {

/// A design and the indexes that tell, for a component, which others may
/// relate to it (by the values the definitions join on: a Service's
/// selector and the pod labels that hold it, a child's namespace and the
/// Namespace's name, a binding's role and subjects).
///
/// An edit is evaluated with evaluateDesign on a part of the design: the
/// edited component as it was and as it is, the components that may relate
/// to either, the components its declarations name, and — for each of
/// those — its parents, its alias components and the other parties of the
/// bindings between them; with the declarations among them. What that
/// evaluation changes is written back; components it changed, added or
/// removed are evaluated the same way in turn (at most five rounds). The
/// result is the design evaluateDesign gives for the edited design, but
/// for the patch version (bumped once per edit that changed anything) and
/// the order of relationships (a removed declaration's place goes to the
/// last one; what the edit adds is appended).
///
/// The whole design is evaluated instead when the edit changes what a
/// sibling (matchLabels) definition groups by (groups span the design), or
/// when the part would hold more than a quarter of the design.
class IncrementalEvaluation {
 public:
  /// Evaluates `design` in full (actions: initialActions()). The
  /// definitions must outlive this object.
  IncrementalEvaluation(nlohmann::json design,
                        std::vector<const registry::RelationshipDefinition*> definitions,
                        ComponentFactory factory = {}, SchemaDefault defaults = {});
  ~IncrementalEvaluation();
  IncrementalEvaluation(const IncrementalEvaluation&) = delete;
  IncrementalEvaluation& operator=(const IncrementalEvaluation&) = delete;

  /// Replaces the component with `component`'s id, or appends it when the
  /// design has none; the actions the evaluation took (not the edit itself).
  std::vector<Action> upsert(nlohmann::json component);
  /// Removes the component with `id` (nothing when there is none); the
  /// actions the evaluation took.
  std::vector<Action> remove(const std::string& id);

  [[nodiscard]] const nlohmann::json& design() const;
  [[nodiscard]] const std::vector<Action>& initialActions() const;

  /// How the last edit was evaluated.
  struct EditStats {
    std::size_t components = 0;  ///< components evaluated, over all rounds
    int rounds = 0;              ///< partial evaluations
    bool whole = false;          ///< the whole design was evaluated
  };
  [[nodiscard]] const EditStats& lastEdit() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace meshery::policy
