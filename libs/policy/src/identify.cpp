// Two-party relationships that hold by value (edge/non-binding,
// hierarchical/parent inventory and wallet): one component's mutatorRef
// values against the other's mutatedRef values.
#include "meshery/policy/identify.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "identify_support.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/match_strategy.hpp"

namespace meshery::policy {
namespace {

using detail::Direction;
using detail::directionOf;
using registry::SelectorItem;

/// Whether two fields both absent are alike: for plain equality on fields
/// (not list elements), as two components without metadata.namespace are
/// both in the namespace they are deployed to.
bool absentAlike(const registry::RefPath& mutator, const registry::RefPath& mutated,
                 const std::vector<std::string>& strategies) {
  const auto listed = [](const registry::RefPath& path) {
    return std::find(path.begin(), path.end(), "_") != path.end();
  };
  if (listed(mutator) || listed(mutated)) return false;
  return std::all_of(strategies.begin(), strategies.end(), [](const std::string& strategy) {
    return strategy == "equal" || strategy == "equal_as_strings";
  });
}

/// How the values at one pair of paths compare.
enum class Likeness { kUnlike, kAlike, kBothAbsent };

/// Some value at `mutator` in one component matches some value at
/// `mutated` in the other (kAlike), or neither has one and absentAlike
/// allows that (kBothAbsent).
Likeness pathsMatch(const nlohmann::json& mutator_component, const registry::RefPath& mutator,
                    const nlohmann::json& mutated_component, const registry::RefPath& mutated,
                    const std::vector<std::string>& strategies) {
  const auto sources = resolveRef(mutator_component, mutator);
  const auto targets = resolveRef(mutated_component, mutated);
  if (sources.empty() && targets.empty())
    return absentAlike(mutator, mutated, strategies) ? Likeness::kBothAbsent : Likeness::kUnlike;
  for (const RefValue& source : sources) {
    for (const RefValue& target : targets) {
      if (valuesMatch(*source.value, *target.value, strategies)) return Likeness::kAlike;
    }
  }
  return Likeness::kUnlike;
}

/// Every pair of paths alike, and at least one by values present on both
/// sides: components are never related by what neither of them has.
bool valuesRelate(const Direction& direction, const nlohmann::json& from,
                  const nlohmann::json& to) {
  const nlohmann::json& mutator_component = direction.from_mutates ? from : to;
  const nlohmann::json& mutated_component = direction.from_mutates ? to : from;
  bool present = false;
  for (std::size_t i = 0; i < direction.count; ++i) {
    const Likeness likeness = pathsMatch(mutator_component, (*direction.mutators)[i],
                                         mutated_component, (*direction.mutateds)[i],
                                         direction.strategies(i));
    if (likeness == Likeness::kUnlike) return false;
    present = present || likeness == Likeness::kAlike;
  }
  return present;
}

/// How the first compared path can be joined through a hash index, so that
/// a mutator is compared only with the components that may match it.
enum class Join { kNone, kEqual, kStrings, kContains };

Join joinOf(const std::vector<std::string>& strategies) {
  Join join = Join::kEqual;  // no strategy means "equal"
  for (const std::string& strategy : strategies) {
    if (strategy == "not_null") continue;
    const Join next = strategy == "equal"              ? Join::kEqual
                      : strategy == "equal_as_strings" ? Join::kStrings
                      : strategy == "to_contains_from" ? Join::kContains
                                                       : Join::kNone;
    if (next == Join::kNone) return Join::kNone;
    join = next;  // the last one decides; all must hold, so any is a valid filter
  }
  return join;
}

std::string stringKey(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

/// The keys a mutated value is found under.
void indexKeys(const nlohmann::json& value, Join join, std::vector<std::string>& keys) {
  if (join == Join::kStrings) {
    keys.push_back(stringKey(value));
  } else if (join == Join::kContains && value.is_object()) {
    for (const auto& [key, item] : value.items()) keys.push_back(key + "=" + item.dump());
  } else if (join == Join::kContains && value.is_array()) {
    for (const auto& item : value) keys.push_back(item.dump());
  } else {
    keys.push_back(join == Join::kContains ? value.dump() : detail::equalKey(value));
  }
}

/// The key a mutator value looks up; nullopt when any mutated value may
/// match (an empty object or array is contained in everything).
std::optional<std::string> lookupKey(const nlohmann::json& value, Join join) {
  if (join == Join::kStrings) return stringKey(value);
  if (join == Join::kContains && value.is_object()) {
    if (value.empty()) return std::nullopt;
    return value.begin().key() + "=" + value.begin()->dump();
  }
  if (join == Join::kContains && value.is_array()) {
    if (value.empty()) return std::nullopt;
    return value.front().dump();
  }
  return join == Join::kContains ? value.dump() : detail::equalKey(value);
}

/// The mutated-side candidates a mutator may relate to: looked up by the
/// first path's values when the strategies allow, else every candidate.
class Partners {
 public:
  Partners(const Direction& direction, const std::vector<const nlohmann::json*>& mutated)
      : direction_(direction), all_(mutated), join_(joinOf(direction.strategies(0))) {
    if (join_ == Join::kNone) return;
    std::vector<std::string> keys;
    for (const nlohmann::json* component : mutated) {
      keys.clear();
      const auto values = resolveRef(*component, (*direction.mutateds)[0]);
      if (values.empty()) absent_.push_back(component);
      for (const RefValue& value : values) indexKeys(*value.value, join_, keys);
      std::sort(keys.begin(), keys.end());
      keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
      for (const std::string& key : keys) index_[key].push_back(component);
    }
  }

  /// The candidates for `mutator`, each once, in the order given.
  std::vector<const nlohmann::json*> of(const nlohmann::json& mutator) const {
    if (join_ == Join::kNone) return all_;
    const auto values = resolveRef(mutator, (*direction_.mutators)[0]);
    if (values.empty()) return absent_;  // both absent may be alike (absentAlike)
    std::vector<const nlohmann::json*> out;
    for (const RefValue& value : values) {
      const auto key = lookupKey(*value.value, join_);
      if (!key) return all_;
      const auto found = index_.find(*key);
      if (found != index_.end()) out.insert(out.end(), found->second.begin(), found->second.end());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }

 private:
  const Direction& direction_;
  const std::vector<const nlohmann::json*>& all_;
  Join join_;
  std::unordered_map<std::string, std::vector<const nlohmann::json*>> index_;
  std::vector<const nlohmann::json*> absent_;  // no value at the first path
};

/// Whether every allow item names values to compare (a patch) and none a
/// third component (a match): a binding written as two parties, such as a
/// ConfigMap mounted by the workloads whose volumes name it.
bool twoPartyBinding(const registry::RelationshipDefinition& definition) {
  bool any = false;
  for (const registry::Selector& selector : definition.selectors) {
    for (const auto* items : {&selector.allow.from, &selector.allow.to}) {
      for (const SelectorItem& item : *items) {
        if (item.match || !item.patch) return false;
        any = true;
      }
    }
  }
  return any;
}

}  // namespace

std::optional<std::vector<std::string>> detail::joinKeys(const Direction& direction,
                                                        bool mutator_side,
                                                        const nlohmann::json& component) {
  const Join join = joinOf(direction.strategies(0));
  if (join == Join::kNone) return std::nullopt;
  const auto& paths = mutator_side ? *direction.mutators : *direction.mutateds;
  const auto values = resolveRef(component, paths[0]);
  std::vector<std::string> keys;
  if (values.empty()) keys.emplace_back(kAbsentKey);
  for (const RefValue& value : values) {
    if (!mutator_side) {
      indexKeys(*value.value, join, keys);
      continue;
    }
    auto key = lookupKey(*value.value, join);
    if (!key) return std::nullopt;
    keys.push_back(std::move(*key));
  }
  return keys;
}

bool relatesByValue(const registry::RelationshipDefinition& definition) {
  using detail::sameWord;
  if (sameWord(definition.kind, "edge") && sameWord(definition.type, "binding"))
    return twoPartyBinding(definition);
  if (sameWord(definition.kind, "edge")) return sameWord(definition.type, "non-binding");
  return sameWord(definition.kind, "hierarchical") && sameWord(definition.type, "parent") &&
         (sameWord(definition.sub_type, "inventory") || sameWord(definition.sub_type, "wallet"));
}

std::vector<FoundRelationship> findRelationships(
    const nlohmann::json& design, const registry::RelationshipDefinition& definition) {
  return detail::findRelationships(detail::ComponentIndex(design), definition);
}

std::vector<FoundRelationship> detail::findRelationships(
    const ComponentIndex& index, const registry::RelationshipDefinition& definition) {
  std::vector<FoundRelationship> found;
  for (std::size_t s = 0; s < definition.selectors.size(); ++s) {
    const registry::Selector& selector = definition.selectors[s];
    for (std::size_t f = 0; f < selector.allow.from.size(); ++f) {
      const SelectorItem& from_item = selector.allow.from[f];
      for (std::size_t t = 0; t < selector.allow.to.size(); ++t) {
        const SelectorItem& to_item = selector.allow.to[t];
        const auto direction = directionOf(from_item, to_item);
        if (!direction) continue;
        const auto& mutators = index.candidates(direction->from_mutates ? from_item : to_item);
        const Partners partners(*direction,
                                index.candidates(direction->from_mutates ? to_item : from_item));
        for (const nlohmann::json* mutator : mutators) {
          for (const nlohmann::json* partner : partners.of(*mutator)) {
            const nlohmann::json* from = direction->from_mutates ? mutator : partner;
            const nlohmann::json* to = direction->from_mutates ? partner : mutator;
            if (from == to || !admits(from_item, *from) || !admits(to_item, *to)) continue;
            if (!valuesRelate(*direction, *from, *to) || detail::denied(selector, *from, *to))
              continue;
            const std::string from_id = detail::idOf(*from);
            const std::string to_id = detail::idOf(*to);
            if (from_id != to_id) found.push_back({&definition, s, f, t, from_id, to_id, ""});
          }
        }
      }
    }
  }
  detail::sortFound(found);
  return found;
}

}  // namespace meshery::policy
