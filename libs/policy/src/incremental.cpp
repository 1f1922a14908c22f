#include "meshery/policy/incremental.hpp"

#include <algorithm>
#include <optional>
#include <set>
#include <unordered_map>

#include "declarations.hpp"
#include "identify_support.hpp"
#include "relation_index.hpp"
#include "meshery/core/error.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/siblings.hpp"

namespace meshery::policy {
namespace {

using nlohmann::json;
using registry::RelationshipDefinition;
using Ids = std::set<std::string>;

constexpr int kMaxRounds = 5;

/// A component an edit (or its evaluation) changed, already written to the
/// design: as it was (nullopt: new) and as it is (nullopt: removed).
struct Change {
  std::string id;
  std::optional<json> before;
  std::optional<json> after;
};

/// Every component id a declaration names: its items' and their match
/// entries' (a binding's third party).
Ids namedIds(const json& declaration) {
  Ids ids;
  const auto add = [&ids](const json& item) {
    const auto id = item.find("id");
    if (id != item.end() && id->is_string() && !id->get_ref<const std::string&>().empty())
      ids.insert(id->get<std::string>());
  };
  const auto items = [](const json& parent, const char* side, const auto& each) {
    const auto list = parent.find(side);
    if (list == parent.end() || !list->is_array()) return;
    for (const json& item : *list) {
      if (item.is_object()) each(item);
    }
  };
  const auto selectors = declaration.find("selectors");
  if (selectors == declaration.end() || !selectors->is_array()) return ids;
  for (const json& selector : *selectors) {
    const auto allow = selector.find("allow");
    if (allow == selector.end() || !allow->is_object()) continue;
    for (const char* side : {"from", "to"}) {
      items(*allow, side, [&](const json& item) {
        add(item);
        const auto match = item.find("match");
        if (match == item.end() || !match->is_object()) return;
        for (const char* end : {"from", "to"}) items(*match, end, add);
      });
    }
  }
  return ids;
}

bool isSibling(const json& declaration) {
  return detail::sameWord(declaration.value("type", ""), "sibling");
}

bool isAlias(const json& declaration) {
  return detail::sameWord(declaration.value("kind", ""), "hierarchical") &&
         detail::sameWord(declaration.value("subType", ""), "alias");
}

/// What the evaluation of a part reads off a declaration, read once.
struct Facts {
  std::string from;  ///< the bound from and to ids (its signature's)
  std::string to;
  Ids named;  ///< every component id it names
  bool alias = false;
  bool sibling = false;
};

Facts factsOf(const json& declaration) {
  return {detail::boundId(declaration, "from"), detail::boundId(declaration, "to"),
          namedIds(declaration), isAlias(declaration), isSibling(declaration)};
}

}  // namespace

struct IncrementalEvaluation::State {
  json design;
  std::vector<const RelationshipDefinition*> definitions;
  std::vector<const RelationshipDefinition*> partial;  ///< all but sibling definitions
  std::vector<const RelationshipDefinition*> siblings;
  ComponentFactory factory;
  SchemaDefault defaults;
  std::vector<Action> initial;
  EditStats stats;
  std::optional<detail::RelationIndex> index;
  std::unordered_map<std::string, std::size_t> component_at;
  std::unordered_map<std::string, std::size_t> declaration_at;
  std::unordered_map<std::string, Ids> declarations_of;  ///< by the component ids they name
  std::unordered_map<std::string, Facts> facts;          ///< by declaration id

  json& components() { return design["components"]; }
  json& relationships() { return design["relationships"]; }

  const json* component(const std::string& id) const {
    const auto at = component_at.find(id);
    return at == component_at.end() ? nullptr : &design["components"][at->second];
  }

  void rebuild() {
    index.emplace(partial);
    component_at.clear();
    for (std::size_t i = 0; i < components().size(); ++i) {
      const std::string id = detail::idOf(components()[i]);
      if (id.empty()) continue;
      component_at[id] = i;
      index->add(components()[i]);
    }
    declarations_of.clear();
    facts.clear();
    for (const json& declaration : relationships()) noteDeclaration(declaration, true);
    placeDeclarations();
  }

  /// Removes the components at `at` (sorted, descending), keeping the
  /// order of the others.
  void eraseComponents(const std::vector<std::size_t>& at) {
    if (at.empty()) return;
    for (std::size_t i : at) {
      component_at.erase(detail::idOf(components()[i]));
      components().erase(components().begin() + static_cast<std::ptrdiff_t>(i));
    }
    for (std::size_t i = at.back(); i < components().size(); ++i)
      component_at[detail::idOf(components()[i])] = i;
  }

  void placeDeclarations() {
    declaration_at.clear();
    for (std::size_t i = 0; i < relationships().size(); ++i)
      declaration_at[detail::idOf(relationships()[i])] = i;
  }

  void noteDeclaration(const json& declaration, bool named) {
    const std::string id = detail::idOf(declaration);
    if (named) {
      const Facts& noted = facts[id] = factsOf(declaration);
      for (const std::string& component : noted.named) declarations_of[component].insert(id);
      return;
    }
    const auto found = facts.find(id);
    if (found == facts.end()) return;
    for (const std::string& component : found->second.named) {
      const auto of = declarations_of.find(component);
      if (of == declarations_of.end()) continue;
      of->second.erase(id);
      if (of->second.empty()) declarations_of.erase(of);
    }
    facts.erase(found);
  }

  const Ids& declarationsOf(const std::string& component) const {
    static const Ids kNone;
    const auto found = declarations_of.find(component);
    return found == declarations_of.end() ? kNone : found->second;
  }


  /// Whether the change moves the component between sibling groups.
  bool regroups(const Change& change) const {
    const auto labels = [](const std::optional<json>& component, const registry::SelectorItem& item,
                           const registry::RefPath& path) {
      std::vector<json> values;
      if (!component || !admits(item, *component)) return values;
      for (const RefValue& value : resolveRef(*component, path)) values.push_back(*value.value);
      return values;
    };
    for (const RelationshipDefinition* definition : siblings) {
      for (const registry::Selector& selector : definition->selectors) {
        for (const auto* items : {&selector.allow.from, &selector.allow.to}) {
          for (const registry::SelectorItem& item : *items) {
            if (!item.match || item.match->refs.empty()) continue;
            const registry::RefPath& path = item.match->refs.front();
            if (labels(change.before, item, path) != labels(change.after, item, path)) return true;
          }
        }
      }
    }
    return false;
  }

  /// The components the changes touch (see IncrementalEvaluation);
  /// nullopt when they are more than the part worth evaluating apart.
  std::optional<Ids> gather(const std::vector<Change>& changes) const {
    Ids members;
    Ids gone;
    for (const Change& change : changes) {
      (change.after ? members : gone).insert(change.id);
      for (const auto* version : {&change.before, &change.after}) {
        if (!*version) continue;
        members.merge(index->partners(**version));
        members.merge(index->parents(**version));
      }
      for (const std::string& declaration : declarationsOf(change.id))
        members.insert(facts.at(declaration).named.begin(), facts.at(declaration).named.end());
    }
    const std::size_t cap = std::max<std::size_t>(64, component_at.size() / 4);
    Ids frontier;
    for (const std::string& id : members) {
      if (component(id) != nullptr) frontier.insert(id);
    }
    members = frontier;
    const auto inside = [&](const std::string& id) {
      return members.contains(id) || gone.contains(id);
    };
    while (!frontier.empty()) {
      Ids next;
      for (const std::string& id : frontier) {
        next.merge(index->parents(*component(id)));
        for (const std::string& declaration_id : declarationsOf(id)) {
          const Facts& declaration = facts.at(declaration_id);
          if (declaration.alias) {
            next.insert(declaration.named.begin(), declaration.named.end());
          } else if (inside(declaration.from) && inside(declaration.to)) {
            // The binding that relates them, with what else it binds.
            for (const std::string& named : declaration.named) {
              if (inside(named) || component(named) == nullptr) continue;
              next.insert(named);
              next.merge(index->partners(*component(named)));
            }
          }
        }
      }
      frontier.clear();
      for (const std::string& id : next) {
        if (!inside(id) && component(id) != nullptr) frontier.insert(id);
      }
      members.insert(frontier.begin(), frontier.end());
      if (members.size() > cap) return std::nullopt;
    }
    return members;
  }

  /// The design's part to evaluate: the members, and the declarations
  /// (but sibling groups) between them and the removed components.
  json partOf(const Ids& members, const Ids& gone, std::vector<std::size_t>& included) const {
    json part = {{"components", json::array()}, {"relationships", json::array()}};
    std::vector<std::size_t> at;
    for (const std::string& id : members) at.push_back(component_at.at(id));
    std::sort(at.begin(), at.end());
    for (std::size_t i : at) part["components"].push_back(design["components"][i]);
    const auto inside = [&](const std::string& id) {
      return members.contains(id) || gone.contains(id);
    };
    Ids candidates;
    for (const auto* ids : {&members, &gone}) {
      for (const std::string& id : *ids) {
        const Ids& named = declarationsOf(id);
        candidates.insert(named.begin(), named.end());
      }
    }
    for (const std::string& id : candidates) {
      const Facts& declaration = facts.at(id);
      if (declaration.sibling || !inside(declaration.from) || !inside(declaration.to)) continue;
      included.push_back(declaration_at.at(id));
    }
    std::sort(included.begin(), included.end());
    for (std::size_t i : included) part["relationships"].push_back(design["relationships"][i]);
    return part;
  }

  /// Whether the part's evaluation added a component under an id the
  /// design has outside the part (a parent created under the id of one
  /// renamed since): only the whole design tells which id is free.
  bool collides(const EvaluationResult& result, const Ids& members) const {
    for (const json& component : result.design["components"]) {
      const std::string id = detail::idOf(component);
      if (!members.contains(id) && component_at.contains(id)) return true;
    }
    return false;
  }

  /// Writes the part's evaluation back; the components it changed, added
  /// or removed.
  std::vector<Change> writeBack(EvaluationResult& result, const Ids& members, const Ids& gone,
                                const std::vector<std::size_t>& included) {
    std::vector<Change> changes;
    std::unordered_map<std::string, json*> evaluated;
    for (json& component : result.design["components"])
      evaluated[detail::idOf(component)] = &component;
    std::vector<std::size_t> erase;
    for (const std::string& id : members) {
      json& current = components()[component_at.at(id)];
      const auto found = evaluated.find(id);
      if (found == evaluated.end()) {
        changes.push_back({id, current, std::nullopt});
        erase.push_back(component_at.at(id));
        index->remove(id);
      } else if (*found->second != current) {
        changes.push_back({id, current, *found->second});
        current = std::move(*found->second);
        index->add(current);
      }
      if (found != evaluated.end()) evaluated.erase(found);
    }
    for (json& component : result.design["components"]) {
      const std::string id = detail::idOf(component);
      if (!evaluated.contains(id)) continue;  // a member, written above
      changes.push_back({id, std::nullopt, component});
      index->add(component);
      component_at[id] = components().size();
      components().push_back(std::move(component));
    }
    std::sort(erase.rbegin(), erase.rend());
    eraseComponents(erase);
    writeBackDeclarations(result.design["relationships"], included);
    writeBackAliases(result.design, members, gone);
    return changes;
  }

  void writeBackDeclarations(json& evaluated, const std::vector<std::size_t>& included) {
    std::unordered_map<std::string, json*> by_id;
    for (json& declaration : evaluated) by_id[detail::idOf(declaration)] = &declaration;
    std::vector<std::size_t> erase;
    for (std::size_t i : included) {
      json& current = relationships()[i];
      const auto found = by_id.find(detail::idOf(current));
      if (found == by_id.end()) {
        noteDeclaration(current, false);
        erase.push_back(i);
        continue;
      }
      if (*found->second != current) {
        noteDeclaration(current, false);
        current = std::move(*found->second);
        noteDeclaration(current, true);
      }
      by_id.erase(found);
    }
    for (json& declaration : evaluated) {
      const std::string id = detail::idOf(declaration);
      if (!by_id.contains(id)) continue;
      noteDeclaration(declaration, true);
      declaration_at[id] = relationships().size();
      relationships().push_back(std::move(declaration));
    }
    // Each removed declaration's place goes to the last one: no shift of
    // the thousands after it.
    std::sort(erase.rbegin(), erase.rend());
    for (std::size_t i : erase) {
      json& all = relationships();
      declaration_at.erase(detail::idOf(all[i]));
      if (i + 1 != all.size()) {
        all[i] = std::move(all.back());
        declaration_at[detail::idOf(all[i])] = i;
      }
      all.erase(all.size() - 1);
    }
  }

  /// metadata.resolvedAliases: the part's entries replace those of its
  /// components.
  void writeBackAliases(const json& part, const Ids& members, const Ids& gone) {
    const json* found = nullptr;
    if (part.contains("metadata") && part["metadata"].contains("resolvedAliases"))
      found = &part["metadata"]["resolvedAliases"];
    const bool had = design.contains("metadata") && design["metadata"].is_object() &&
                     design["metadata"].contains("resolvedAliases");
    if (!had && (found == nullptr || found->empty())) return;
    json& resolved = design["metadata"]["resolvedAliases"];
    if (!resolved.is_object()) resolved = json::object();
    const auto ours = [&](const json& entry, const char* key) {
      const std::string id = entry.value(key, "");
      return members.contains(id) || gone.contains(id);
    };
    for (auto it = resolved.begin(); it != resolved.end();) {
      if (ours(*it, "immediate_parent_id") || ours(*it, "alias_component_id"))
        it = resolved.erase(it);
      else
        ++it;
    }
    if (found != nullptr) {
      for (const auto& [id, entry] : found->items()) resolved[id] = entry;
    }
  }

  std::vector<Action> whole(std::vector<Action> actions) {
    EvaluationResult result = evaluateDesign(std::move(design), definitions, factory, defaults);
    design = std::move(result.design);
    actions.insert(actions.end(), result.actions.begin(), result.actions.end());
    rebuild();
    stats.whole = true;
    return detail::deduplicated(std::move(actions));
  }

  std::vector<Action> evaluate(Change change) {
    stats = {};
    std::vector<Action> actions;
    std::vector<Change> changes{std::move(change)};
    for (int round = 0; !changes.empty(); ++round) {
      if (round == kMaxRounds) return whole(std::move(actions));
      for (const Change& each : changes) {
        if (regroups(each)) return whole(std::move(actions));
      }
      const auto members = gather(changes);
      if (!members) return whole(std::move(actions));
      Ids gone;
      for (const Change& each : changes) {
        if (!each.after) gone.insert(each.id);
      }
      std::vector<std::size_t> included;
      EvaluationResult result =
          evaluateDesign(partOf(*members, gone, included), partial, factory, defaults);
      ++stats.rounds;
      stats.components += members->size();
      if (collides(result, *members)) return whole(std::move(actions));
      changes = writeBack(result, *members, gone, included);
      actions.insert(actions.end(), std::make_move_iterator(result.actions.begin()),
                     std::make_move_iterator(result.actions.end()));
    }
    if (!actions.empty()) detail::bumpPatchVersion(design);
    return detail::deduplicated(std::move(actions));
  }
};

IncrementalEvaluation::IncrementalEvaluation(
    json design, std::vector<const RelationshipDefinition*> definitions, ComponentFactory factory,
    SchemaDefault defaults)
    : state_(std::make_unique<State>()) {
  State& state = *state_;
  state.definitions = std::move(definitions);
  for (const RelationshipDefinition* definition : state.definitions)
    (groupsSiblings(*definition) ? state.siblings : state.partial).push_back(definition);
  state.factory = std::move(factory);
  state.defaults = std::move(defaults);
  EvaluationResult result =
      evaluateDesign(std::move(design), state.definitions, state.factory, state.defaults);
  state.design = std::move(result.design);
  state.initial = std::move(result.actions);
  state.rebuild();
}

IncrementalEvaluation::~IncrementalEvaluation() = default;

std::vector<Action> IncrementalEvaluation::upsert(json component) {
  State& state = *state_;
  const std::string id = detail::idOf(component);
  if (id.empty())
    throw Error(ErrorCode::kInvalidArgument, "the component has no id",
                "an edit names the component it replaces by its id",
                "give the component declaration an \"id\"");
  Change change{id, std::nullopt, component};
  if (const auto at = state.component_at.find(id); at != state.component_at.end()) {
    json& current = state.components()[at->second];
    change.before = std::move(current);
    current = std::move(component);
    state.index->add(current);
  } else {
    state.index->add(component);
    state.component_at[id] = state.components().size();
    state.components().push_back(std::move(component));
  }
  return state.evaluate(std::move(change));
}

std::vector<Action> IncrementalEvaluation::remove(const std::string& id) {
  State& state = *state_;
  const auto at = state.component_at.find(id);
  if (at == state.component_at.end()) return {};
  Change change{id, state.components()[at->second], std::nullopt};
  state.eraseComponents({at->second});
  state.index->remove(id);
  return state.evaluate(std::move(change));
}

const json& IncrementalEvaluation::design() const { return state_->design; }

const std::vector<Action>& IncrementalEvaluation::initialActions() const {
  return state_->initial;
}

const IncrementalEvaluation::EditStats& IncrementalEvaluation::lastEdit() const {
  return state_->stats;
}

}  // namespace meshery::policy
