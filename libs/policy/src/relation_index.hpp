#pragma once

// Private to libs/policy: which components of a design may relate to a
// given one, kept up to date as components change, so that an edit is
// evaluated among the components it touches (incremental evaluation).

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "identify_support.hpp"

namespace meshery::policy::detail {

/// Components by the keys the value and binding relationships join them
/// on (joinKeys, bindingKeys): for every (selector, from item, to item) of
/// a definition, one link between the side that holds the mutator values
/// and the side that holds the mutated ones; for a binding, one link
/// between each side and the binding components. Alias and sibling
/// definitions are not indexed.
class RelationIndex {
 public:
  explicit RelationIndex(const std::vector<const registry::RelationshipDefinition*>& definitions);

  /// Indexes `component` under its id (replacing what the id had).
  void add(const nlohmann::json& component);
  /// Forgets the component with `id`.
  void remove(const std::string& id);

  /// The ids of the indexed components that may relate to `component`
  /// (as given, indexed or not), with the other parties of the bindings
  /// that may relate it. A value that joins everything (an empty selector,
  /// strategies that cannot be joined) brings every component of the other
  /// side.
  [[nodiscard]] std::set<std::string> partners(const nlohmann::json& component) const;
  /// The ids of the components that may be `component`'s parents
  /// (hierarchical links on which it is the child).
  [[nodiscard]] std::set<std::string> parents(const nlohmann::json& component) const;

 private:
  struct Side {
    const registry::SelectorItem* item = nullptr;  ///< admits the side's components
    std::string binding_kind;                      ///< or: binding components of this kind
    std::unordered_map<std::string, std::set<std::string>> ids;  ///< by key
    std::set<std::string> any;  ///< components whose keys cannot be told
  };
  struct Link {
    std::optional<Direction> direction;        ///< a value link: [0] mutator, [1] mutated
    const registry::SelectorItem* self_item = nullptr;  ///< a binding link: [0] self, [1] binding
    Side sides[2];
    bool hierarchical = false;  ///< a parent link; the from item is on side child_side
    int child_side = 0;
    int group = -1;  ///< the links of one binding (self ↔ binding) share a group
  };

  [[nodiscard]] bool onSide(const Link& link, int side, const nlohmann::json& component) const;
  [[nodiscard]] std::optional<std::vector<std::string>> keysOf(
      const Link& link, int side, const nlohmann::json& component) const;
  /// Adds the ids across `link` from a component on `side` with `keys`.
  void across(const Link& link, int side, const std::optional<std::vector<std::string>>& keys,
              std::set<std::string>& out) const;
  /// The keys the indexed component `id` has on (link, side), if any.
  [[nodiscard]] const std::optional<std::vector<std::string>>* storedKeys(const std::string& id,
                                                                         std::size_t link,
                                                                         int side) const;

  std::vector<Link> links_;
  /// Each indexed component's keys: (link, side) → keys (nullopt: any).
  struct Entry {
    std::size_t link;
    int side;
    std::optional<std::vector<std::string>> keys;
  };
  std::unordered_map<std::string, std::vector<Entry>> entries_;
};

}  // namespace meshery::policy::detail
