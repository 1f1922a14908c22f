#pragma once

// Private to libs/policy: what the identification of value and binding
// relationships shares.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "meshery/policy/identify.hpp"

namespace meshery::policy::detail {

/// ASCII case-insensitive equality (Meshery compares kinds and types so).
bool sameWord(std::string_view a, std::string_view b);
/// A component declaration's `id`, "" when absent.
std::string idOf(const nlohmann::json& component);
/// Whether a deny clause of `selector` admits `from` and `to`.
bool denied(const registry::Selector& selector, const nlohmann::json& from,
            const nlohmann::json& to);
/// A value's key for the "equal" strategy: numbers by value (1 and 1.0
/// alike), everything else by its JSON text.
std::string equalKey(const nlohmann::json& value);
/// A definition's document but its selectors (an inventory's lists every
/// namespaced kind): the start of each declaration made from it.
nlohmann::json declarationBase(const registry::RelationshipDefinition& definition);
/// The definition's `selector` (its JSON) with `from` and `to` as its allow
/// lists and its own deny clause: a declaration's one selector.
nlohmann::json boundSelector(const nlohmann::json& selector, nlohmann::json from,
                             nlohmann::json to);
/// Which side of a (from, to) item pair supplies the mutator values, and
/// the paths and strategies compared.
struct Direction {
  bool from_mutates = false;
  const std::vector<registry::RefPath>* mutators = nullptr;
  const std::vector<registry::RefPath>* mutateds = nullptr;
  const std::vector<std::vector<std::string>>* matrix = nullptr;
  std::size_t count = 0;  ///< paths compared

  /// The strategies of path `i` (none: "equal").
  [[nodiscard]] const std::vector<std::string>& strategies(std::size_t i) const;
};

/// Either side may supply the mutator (a Service's selector mutates a
/// Deployment's labels; a Namespace's name mutates a child's namespace);
/// nullopt when neither item pairs a mutatorRef with the other's mutatedRef.
std::optional<Direction> directionOf(const registry::SelectorItem& from_item,
                                     const registry::SelectorItem& to_item);

/// The key of a first compared path that a component has no value at.
inline constexpr const char* kAbsentKey = "\x01" "absent";
/// The keys that join a component to its partners through `direction`'s
/// first compared path, as findRelationships joins them: on the mutator
/// side those its values look up, on the mutated side those its values are
/// found under (kAbsentKey when it has none). Two components may relate only
/// when their keys meet; nullopt when any partner may (a value matching
/// everything, or strategies that cannot be joined).
std::optional<std::vector<std::string>> joinKeys(const Direction& direction, bool mutator_side,
                                                 const nlohmann::json& component);
/// For an edge/binding selector item: the keys that join a component of the
/// item's side to the binding components it matches ("self" tuples), or,
/// with `binding_side`, a binding component to them; nullopt when the item
/// has no match sides or compares other than by "equal".
std::optional<std::vector<std::string>> bindingKeys(const registry::SelectorItem& item,
                                                    bool binding_side,
                                                    const nlohmann::json& component);
/// The binding kind an edge/binding item's match names; "" when none.
std::string bindingKindOf(const registry::SelectorItem& item);

/// Sorts by from id, to id, binding id, then selector items.
void sortFound(std::vector<FoundRelationship>& found);

/// A design's components (those with an id) by kind, so that a selector
/// item is tried only on the components of its kind.
class ComponentIndex {
 public:
  explicit ComponentIndex(const nlohmann::json& design);
  /// The components `item` may admit: those of its kind (every one for "*").
  [[nodiscard]] const std::vector<const nlohmann::json*>& candidates(
      const registry::SelectorItem& item) const;
  [[nodiscard]] const std::vector<const nlohmann::json*>& ofKind(const std::string& kind) const;

 private:
  std::vector<const nlohmann::json*> all_;
  std::unordered_map<std::string, std::vector<const nlohmann::json*>> by_kind_;
  std::vector<const nlohmann::json*> none_;
};

/// findRelationships and findBindings over an index built once for many
/// definitions (one evaluation pass).
std::vector<FoundRelationship> findRelationships(
    const ComponentIndex& index, const registry::RelationshipDefinition& definition);
std::vector<FoundRelationship> findBindings(const ComponentIndex& index,
                                            const registry::RelationshipDefinition& definition);

}  // namespace meshery::policy::detail
