#pragma once

// Private to libs/policy: phase 3's patching of relationships that hold by
// value. A relationship records the mutator values it holds with
// (`metadata.mutatorValues`); when they no longer relate its components,
// the record says which side changed: the mutator (a Namespace renamed, a
// ConfigMap renamed), and the mutated side follows it; the mutated side
// (a child moved to another Namespace, a volume pointed elsewhere), and the
// relationship is deleted. A relationship declared without a record (drawn
// by a user, or by another engine) and approved makes the mutated side
// follow, as Meshery's patching does. When the mutator goes, a value the
// relationship held is restored to its schema default (or removed).

#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "meshery/policy/evaluate.hpp"
#include "meshery/policy/identify.hpp"
#include "meshery/registry/relationship.hpp"

namespace meshery::policy::detail {

/// The two sides of a relationship that holds by value, as one of its
/// declarations binds them.
struct PatchSides {
  std::string mutator_id;
  std::string mutated_id;
  /// The mutatorRef paths and the mutatedRef paths they go to: views into
  /// the definition (or parsed declaration) the sides were read from.
  std::span<const registry::RefPath> mutators;
  std::span<const registry::RefPath> mutateds;
  /// Every path matches by plain equality ("equal", "equal_as_strings" or
  /// none): the mutator's value can be copied. A selector contained in
  /// labels, or a value that only has to be set, cannot.
  bool copyable = false;
};

/// The sides of the items `from_item` and `to_item` of `selector` bind,
/// for components `from_id` and `to_id`; nullopt when neither item pairs a
/// mutatorRef with the other's mutatedRef.
std::optional<PatchSides> patchSidesOf(const registry::Selector& selector, std::size_t from_item,
                                       std::size_t to_item, const std::string& from_id,
                                       const std::string& to_id);
/// The same for a declaration of a value relationship (one selector binding
/// one from and one to item).
std::optional<PatchSides> patchSidesOf(const registry::RelationshipDefinition& declaration);

/// The value each mutator path reaches in `mutator`, in order; nullopt when
/// a path reaches none or several (nothing definite to record or copy).
std::optional<nlohmann::json> mutatorValues(const nlohmann::json& mutator,
                                            const PatchSides& sides);

/// The mutator values `declaration` records (`metadata.mutatorValues`), or
/// nullptr.
const nlohmann::json* recordedValues(const nlohmann::json& declaration);
/// Records `values` in `declaration`.
void recordValues(nlohmann::json& declaration, nlohmann::json values);

/// A value written into the mutated component: its concrete path (array
/// indexes as digits) and the value.
struct PatchWrite {
  registry::RefPath path;
  nlohmann::json value;
};

/// What makes `mutated` follow `mutator` for a declaration whose values no
/// longer relate them; nullopt when it cannot follow and the relationship
/// is to be deleted: nothing copyable, the mutator's values not definite,
/// or (with a record) the mutator unchanged or the mutated side changed
/// too; (without one) a declaration not approved, or a path through "_"
/// reaching other than one value.
std::optional<std::vector<PatchWrite>> followWrites(const nlohmann::json& declaration,
                                                    const PatchSides& sides,
                                                    const nlohmann::json& mutator,
                                                    const nlohmann::json& mutated);

/// What restores `mutated` when the mutator of a declaration is gone: each
/// mutated path without "_" that still holds the recorded value gets its
/// schema default, or is removed (a write of a null value).
std::vector<PatchWrite> restoreWrites(const nlohmann::json& declaration, const PatchSides& sides,
                                      const nlohmann::json& mutated, const SchemaDefault& defaults);

/// Applies `write` to `component` (a null value removes the field) and
/// returns the action that records it: update_component_configuration for
/// a path in `configuration`, update_component otherwise.
nlohmann::json applyWrite(nlohmann::json& component, const PatchWrite& write, std::string& op);

/// Patching within one evaluation pass: over `design`, recording what it
/// does in `actions`.
class Patching {
 public:
  Patching(nlohmann::json& design, const SchemaDefault& defaults, std::vector<Action>& actions)
      : design_(design), defaults_(defaults), actions_(actions) {}

  /// For a value relationship (`kind`, its declaration parsed) that no
  /// longer holds: the mutated component follows the mutator (true: the
  /// relationship stays), or, a parent gone, the child gets back the
  /// default of what named it (false: the relationship goes).
  bool follows(nlohmann::json& declaration, const registry::RelationshipDefinition& kind);
  /// Records the mutator values the relationship `found` holds with in its
  /// `declaration` (copyable ones only); an update_relationship unless the
  /// declaration is `fresh`, about to be added (its add_relationship
  /// carries them).
  void record(nlohmann::json& declaration, const FoundRelationship& found, bool fresh);
  /// Whether a component's configuration was written.
  [[nodiscard]] bool patched() const { return patched_; }

 private:
  nlohmann::json* findComponent(const std::string& id);
  void write(nlohmann::json& component, const PatchWrite& change);
  void record(nlohmann::json& declaration, const PatchSides& sides, const nlohmann::json& mutator,
              bool fresh);

  nlohmann::json& design_;
  const SchemaDefault& defaults_;
  std::vector<Action>& actions_;
  bool patched_ = false;
  std::unordered_map<std::string, const nlohmann::json*> by_id_;  ///< for record(found)
  std::size_t indexed_ = 0;  ///< how many components by_id_ was built from
};

}  // namespace meshery::policy::detail
