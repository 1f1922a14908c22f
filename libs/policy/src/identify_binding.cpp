// Three-party relationships (edge/binding): a from and a to component,
// each related to the same binding component through its selector item's
// `match` entries.
#include <algorithm>
#include <optional>
#include <tuple>

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

}  // namespace

bool relatesThroughBinding(const registry::RelationshipDefinition& definition) {
  return detail::sameWord(definition.kind, "edge") && detail::sameWord(definition.type, "binding");
}

std::vector<FoundRelationship> findBindings(const nlohmann::json& design,
                                            const registry::RelationshipDefinition& definition) {
  std::vector<FoundRelationship> found;
  const auto components = design.find("components");
  if (components == design.end() || !components->is_array()) return found;
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
        for (const nlohmann::json& binding : *components) {
          if (componentKind(binding) != from_sides->binding->kind) continue;
          for (const nlohmann::json& from : *components) {
            if (&from == &binding || !admits(from_item, from) ||
                !matches(from_item, *from_sides, from, binding))
              continue;
            for (const nlohmann::json& to : *components) {
              if (&to == &binding || &to == &from || !admits(to_item, to) ||
                  detail::denied(selector, from, to) || !matches(to_item, *to_sides, to, binding))
                continue;
              const std::string from_id = detail::idOf(from);
              const std::string to_id = detail::idOf(to);
              const std::string binding_id = detail::idOf(binding);
              if (from_id.empty() || to_id.empty() || binding_id.empty()) continue;
              found.push_back({&definition, s, f, t, from_id, to_id, binding_id});
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
