// Three-party relationships (edge/binding): a from and a to component,
// each related to the same binding component through its selector item's
// `match` entries.
#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>

#include "identify_support.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/identify.hpp"
#include "meshery/policy/match_strategy.hpp"

namespace meshery::policy {
namespace {

using registry::MatchEntry;
using registry::RefPath;
using registry::SelectorItem;

const std::vector<RefPath>& pathsOf(const MatchEntry& entry) {
  return entry.mutator_ref.empty() ? entry.mutated_ref : entry.mutator_ref;
}

/// The item's "self" entry and the entry naming the binding kind.
struct MatchSides {
  const MatchEntry* self = nullptr;
  const MatchEntry* binding = nullptr;
};

std::optional<MatchSides> sidesOf(const SelectorItem& item) {
  if (!item.match) return std::nullopt;
  MatchSides sides;
  for (const auto* entries : {&item.match->from, &item.match->to}) {
    for (const MatchEntry& entry : *entries) {
      (entry.kind == "self" ? sides.self : sides.binding) = &entry;
    }
  }
  if (sides.self == nullptr || sides.binding == nullptr) return std::nullopt;
  return sides;
}

/// The values of `paths` in `component`, one tuple per element that the
/// first path's "_" reaches, the same indexes standing for "_" in the others.
std::vector<std::vector<const nlohmann::json*>> tuplesOf(const nlohmann::json& component,
                                                         const std::vector<RefPath>& paths) {
  std::vector<std::vector<const nlohmann::json*>> tuples;
  if (paths.empty()) return tuples;
  const auto wildcard = std::find_if(paths.begin(), paths.end(), [](const RefPath& path) {
    return std::find(path.begin(), path.end(), "_") != path.end();
  });
  std::vector<std::vector<std::string>> bindings;  // the indexes "_" took, in order
  if (wildcard == paths.end()) {
    bindings.emplace_back();
  } else {
    for (const RefValue& reached : resolveRef(component, *wildcard)) {
      std::vector<std::string> indexes;
      for (std::size_t i = 0; i < wildcard->size(); ++i) {
        if ((*wildcard)[i] == "_") indexes.push_back(reached.path[i]);
      }
      bindings.push_back(std::move(indexes));
    }
  }
  for (const auto& indexes : bindings) {
    std::vector<const nlohmann::json*> tuple;
    for (const RefPath& path : paths) {
      RefPath concrete = path;
      std::size_t next = 0;
      for (auto& part : concrete) {
        if (part == "_" && next < indexes.size()) part = indexes[next++];
      }
      const auto values = resolveRef(component, concrete);
      if (values.size() != 1) break;
      tuple.push_back(values.front().value);
    }
    if (tuple.size() == paths.size()) tuples.push_back(std::move(tuple));
  }
  return tuples;
}

/// Whether the item's match relates `self` to `binding`.
bool matches(const SelectorItem& item, const MatchSides& sides, const nlohmann::json& self,
             const nlohmann::json& binding) {
  const auto& self_paths = pathsOf(*sides.self);
  const auto& binding_paths = pathsOf(*sides.binding);
  if (self_paths.empty() || self_paths.size() != binding_paths.size()) return false;
  const auto self_tuples = tuplesOf(self, self_paths);
  const auto binding_tuples = tuplesOf(binding, binding_paths);
  static const std::vector<std::string> kEqual;
  for (const auto& a : self_tuples) {
    for (const auto& b : binding_tuples) {
      bool all = true;
      for (std::size_t i = 0; all && i < a.size(); ++i) {
        const auto& strategies =
            i < item.match_strategy_matrix.size() ? item.match_strategy_matrix[i] : kEqual;
        all = valuesMatch(*a[i], *b[i], strategies);
      }
      if (all) return true;
    }
  }
  return false;
}

/// Whether the item's match compares with "equal" only, so that tuples can
/// be joined by their keys.
bool equalOnly(const SelectorItem& item) {
  for (const auto& row : item.match_strategy_matrix) {
    for (const std::string& strategy : row) {
      if (strategy != "equal") return false;
    }
  }
  return true;
}

std::string tupleKey(const std::vector<const nlohmann::json*>& tuple) {
  std::string key;
  for (const nlohmann::json* value : tuple) key += detail::equalKey(*value) + '\x1f';
  return key;
}

/// The components of one side whose "self" values may match a binding's:
/// indexed by their tuples' keys when the item compares with "equal", else
/// every candidate.
class SideIndex {
 public:
  SideIndex(const SelectorItem& item, const MatchSides& sides,
            const std::vector<const nlohmann::json*>& candidates)
      : sides_(sides), all_(candidates), keyed_(equalOnly(item)) {
    if (!keyed_) return;
    for (const nlohmann::json* component : candidates) {
      for (const auto& tuple : tuplesOf(*component, pathsOf(*sides.self)))
        index_[tupleKey(tuple)].push_back(component);
    }
  }

  /// The candidates a binding's values point at, each once.
  [[nodiscard]] std::vector<const nlohmann::json*> of(const nlohmann::json& binding) const {
    if (!keyed_) return all_;
    std::vector<const nlohmann::json*> out;
    for (const auto& tuple : tuplesOf(binding, pathsOf(*sides_.binding))) {
      const auto found = index_.find(tupleKey(tuple));
      if (found != index_.end()) out.insert(out.end(), found->second.begin(), found->second.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  const MatchSides& sides_;
  const std::vector<const nlohmann::json*>& all_;
  bool keyed_;
  std::unordered_map<std::string, std::vector<const nlohmann::json*>> index_;
};

}  // namespace

std::optional<std::vector<std::string>> detail::bindingKeys(const SelectorItem& item,
                                                           bool binding_side,
                                                           const nlohmann::json& component) {
  const auto sides = sidesOf(item);
  if (!sides || !equalOnly(item)) return std::nullopt;
  std::vector<std::string> keys;
  for (const auto& tuple :
       tuplesOf(component, pathsOf(binding_side ? *sides->binding : *sides->self)))
    keys.push_back(tupleKey(tuple));
  return keys;
}

std::string detail::bindingKindOf(const SelectorItem& item) {
  const auto sides = sidesOf(item);
  return sides ? sides->binding->kind : std::string();
}

bool relatesThroughBinding(const registry::RelationshipDefinition& definition) {
  return detail::sameWord(definition.kind, "edge") && detail::sameWord(definition.type, "binding");
}

std::vector<FoundRelationship> findBindings(const nlohmann::json& design,
                                            const registry::RelationshipDefinition& definition) {
  return detail::findBindings(detail::ComponentIndex(design), definition);
}

std::vector<FoundRelationship> detail::findBindings(
    const ComponentIndex& index, const registry::RelationshipDefinition& definition) {
  std::vector<FoundRelationship> found;
  for (std::size_t s = 0; s < definition.selectors.size(); ++s) {
    const registry::Selector& selector = definition.selectors[s];
    for (std::size_t f = 0; f < selector.allow.from.size(); ++f) {
      const SelectorItem& from_item = selector.allow.from[f];
      const auto from_sides = sidesOf(from_item);
      if (!from_sides) continue;
      for (std::size_t t = 0; t < selector.allow.to.size(); ++t) {
        const SelectorItem& to_item = selector.allow.to[t];
        const auto to_sides = sidesOf(to_item);
        if (!to_sides || to_sides->binding->kind != from_sides->binding->kind) continue;
        const SideIndex froms(from_item, *from_sides, index.candidates(from_item));
        const SideIndex tos(to_item, *to_sides, index.candidates(to_item));
        for (const nlohmann::json* binding : index.ofKind(from_sides->binding->kind)) {
          const auto to_candidates = tos.of(*binding);
          for (const nlohmann::json* from : froms.of(*binding)) {
            if (from == binding || !admits(from_item, *from) ||
                !matches(from_item, *from_sides, *from, *binding))
              continue;
            for (const nlohmann::json* to : to_candidates) {
              if (to == binding || to == from || !admits(to_item, *to) ||
                  detail::denied(selector, *from, *to) ||
                  !matches(to_item, *to_sides, *to, *binding))
                continue;
              found.push_back({&definition, s, f, t, detail::idOf(*from), detail::idOf(*to),
                               detail::idOf(*binding)});
            }
          }
        }
      }
    }
  }
  detail::sortFound(found);
  return found;
}

}  // namespace meshery::policy
