#include "meshery/policy/evaluate.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <optional>
#include <set>
#include <tuple>

#include "declarations.hpp"
#include "identify_support.hpp"
#include "patching.hpp"
#include "meshery/core/error.hpp"
#include "meshery/core/uuid.hpp"
#include "meshery/policy/aliases.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/identify.hpp"
#include "meshery/policy/siblings.hpp"

namespace meshery::policy {
namespace {

using detail::boundId;
using detail::handled;
using detail::lower;
using detail::signature;
using nlohmann::json;
using registry::RelationshipDefinition;

constexpr int kMaxPasses = 5;

/// The namespace of the ids of parents the evaluation creates.
const Uuid& parentNamespace() {
  static const Uuid id = Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/relationships/parents");
  return id;
}

class Pass {
 public:
  Pass(json& design, const std::vector<const RelationshipDefinition*>& definitions,
       const ComponentFactory& factory, const SchemaDefault& defaults,
       std::vector<Action>& actions)
      : design_(design),
        definitions_(definitions),
        factory_(factory),
        defaults_(defaults),
        actions_(actions) {}

  /// Runs the four phases; true when a component was added or removed.
  bool run() {
    findAll();
    validate();
    identify();
    const bool parents = addParents();
    const bool aliases = addAliasComponents();
    const bool removed = sideEffects();
    resolveAliases();
    return parents || aliases || removed || patching_.patched();
  }

 private:
  json& relationships() { return design_["relationships"]; }

  std::map<std::string, const json*> componentsById() const {
    std::map<std::string, const json*> out;
    for (const json& component : design_["components"]) out[detail::idOf(component)] = &component;
    return out;
  }

  void setStatus(json& declaration, const std::string& status) {
    declaration["status"] = status;
    actions_.push_back(
        {"update_relationship",
         {{"id", declaration.value("id", "")}, {"path", "/status"}, {"value", status}}});
  }

  /// What the definitions find in the design as it is.
  void findAll() {
    found_.clear();
    found_signatures_.clear();
    groups_.clear();
    aliases_.clear();
    const detail::ComponentIndex index(design_);
    for (const RelationshipDefinition* definition : definitions_) {
      if (makesAliases(*definition)) {
        for (FoundAlias& alias : findAliases(design_, *definition)) {
          json declaration = declarationOf(alias);
          const std::string id = declaration.value("id", "");
          aliases_.emplace(id, std::pair{std::move(declaration), std::move(alias)});
        }
        continue;
      }
      if (groupsSiblings(*definition)) {
        for (const SiblingGroup& group : findSiblingGroups(design_, *definition)) {
          json declaration = declarationOf(group);
          groups_.emplace(declaration.value("id", ""), std::move(declaration));
        }
        continue;
      }
      if (!handled(*definition)) continue;
      for (FoundRelationship& relationship : detail::find(index, *definition)) {
        found_signatures_.insert(signatureOf(relationship));
        found_.push_back(std::move(relationship));
      }
    }
  }

  static std::string signatureOf(const FoundRelationship& found) {
    const RelationshipDefinition& definition = *found.definition;
    return lower(definition.kind) + "/" + lower(definition.type) + "/" +
           lower(definition.sub_type) + " " + found.from_id + " -> " + found.to_id;
  }

  void validate() {
    std::optional<std::map<std::string, const json*>> components;
    for (json& declaration : relationships()) {
      if (declaration.value("status", "") == "deleted") continue;
      // Found again by the definitions: it holds, no need to read it.
      if (found_signatures_.contains(signature(declaration))) continue;
      RelationshipDefinition kind;
      try {
        kind = RelationshipDefinition::fromJson(declaration);
      } catch (const Error&) {
        continue;  // not a declaration the engine reads
      }
      if (makesAliases(kind)) {
        // An alias holds while its parent has the part it stands for.
        if (!aliases_.contains(declaration.value("id", ""))) setStatus(declaration, "deleted");
        continue;
      }
      if (groupsSiblings(kind)) {
        // A group holds while its key=value still groups two or more; its id
        // says which (one recorded by another engine is replaced by ours).
        if (!groups_.contains(declaration.value("id", ""))) setStatus(declaration, "deleted");
        continue;
      }
      if (!handled(kind)) continue;
      if (!components) components = componentsById();
      if (detail::stillHolds(declaration, *components)) continue;
      if (relatesByValue(kind) && patching_.follows(declaration, kind)) continue;
      setStatus(declaration, "deleted");
    }
  }

  void identify() {
    std::map<std::string, std::size_t> existing;
    for (std::size_t i = 0; i < relationships().size(); ++i) {
      existing[signature(relationships()[i])] = i;
    }
    identifyGroups();
    identifyAliases();
    for (const FoundRelationship& found : found_) {
      const std::string key = signatureOf(found);
      const auto known = existing.find(key);
      if (known != existing.end()) {
        json& current = relationships()[known->second];
        if (current.value("status", "") == "deleted")
          setStatus(current, declarationOf(found)["status"]);
        patching_.record(current, found, false);
        continue;
      }
      json declaration = declarationOf(found);
      patching_.record(declaration, found, true);  // the add_relationship carries it
      existing[key] = relationships().size();
      actions_.push_back({"add_relationship", {{"item", declaration}}});
      relationships().push_back(std::move(declaration));
    }
  }

  /// Sibling groups: added, revived, or given their members anew.
  void identifyGroups() {
    std::map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < relationships().size(); ++i)
      by_id[relationships()[i].value("id", "")] = i;
    for (auto& [id, declaration] : groups_) {
      const auto known = by_id.find(id);
      if (known == by_id.end()) {
        actions_.push_back({"add_relationship", {{"item", declaration}}});
        relationships().push_back(declaration);
        continue;
      }
      json& current = relationships()[known->second];
      if (membersOf(current) != membersOf(declaration)) {
        current["selectors"] = declaration["selectors"];
        actions_.push_back(
            {"update_relationship",
             {{"id", id}, {"path", "/selectors"}, {"value", declaration["selectors"]}}});
      }
      if (current.value("status", "") == "deleted") setStatus(current, "identified");
    }
  }

  /// Alias declarations: added, or revived.
  void identifyAliases() {
    std::map<std::string, std::size_t> by_id;
    for (std::size_t i = 0; i < relationships().size(); ++i)
      by_id[relationships()[i].value("id", "")] = i;
    for (auto& [id, found] : aliases_) {
      const auto known = by_id.find(id);
      if (known == by_id.end()) {
        actions_.push_back({"add_relationship", {{"item", found.first}}});
        relationships().push_back(found.first);
      } else if (relationships()[known->second].value("status", "") == "deleted") {
        setStatus(relationships()[known->second], "identified");
      }
    }
  }

  /// The alias components the design lacks, made through the factory.
  bool addAliasComponents() {
    if (!factory_ || aliases_.empty()) return false;
    std::set<std::string> present;
    for (const json& component : design_["components"]) present.insert(detail::idOf(component));
    bool added = false;
    for (const auto& [id, found] : aliases_) {
      const FoundAlias& alias = found.second;
      if (present.contains(alias.alias_id)) continue;
      const registry::SelectorItem& item =
          alias.definition->selectors[alias.selector].allow.from[alias.from_item];
      auto base = factory_(item.model.name, item.kind);
      if (!base) continue;
      json component = aliasComponent(alias, std::move(*base));
      actions_.push_back({"add_component", {{"item", component}}});
      design_["components"].push_back(std::move(component));
      present.insert(alias.alias_id);
      added = true;
    }
    return added;
  }

  /// metadata.resolvedAliases: each alias component, the relationship that
  /// makes it, its parent and the path in the parent (without the leading
  /// "configuration", as Meshery writes it).
  void resolveAliases() {
    json resolved = json::object();
    for (const auto& [id, found] : aliases_) {
      const FoundAlias& alias = found.second;
      json path = json::array();
      for (std::size_t i = 0; i < alias.path.size(); ++i) {
        if (i == 0 && alias.path[i] == "configuration") continue;
        path.push_back(alias.path[i]);
      }
      resolved[alias.alias_id] = {{"relationship_id", id},
                                  {"alias_component_id", alias.alias_id},
                                  {"immediate_parent_id", alias.parent_id},
                                  {"immediate_ref_field_path", path},
                                  {"resolved_parent_id", alias.parent_id},
                                  {"resolved_ref_field_path", path}};
    }
    const bool had = design_.contains("metadata") && design_["metadata"].is_object() &&
                     design_["metadata"].contains("resolvedAliases");
    if (resolved.empty() && !had) return;
    design_["metadata"]["resolvedAliases"] = std::move(resolved);
  }

  /// Parents that children name and the design lacks (inventory only: a
  /// wallet's parent must exist already).
  bool addParents() {
    if (!factory_) return false;
    // What is wanted is read first, through one index of the components as
    // they are; creating parents then grows the list of components.
    std::vector<std::pair<const registry::SelectorItem*, std::set<std::string>>> missing;
    {
      const detail::ComponentIndex index(design_);
      for (const RelationshipDefinition* definition : definitions_) {
        if (!detail::sameWord(definition->kind, "hierarchical") ||
            !detail::sameWord(definition->sub_type, "inventory"))
          continue;
        for (const registry::Selector& selector : definition->selectors) {
          for (const registry::SelectorItem& parent : selector.allow.to) {
            if (!parent.patch || parent.patch->mutator_ref.empty() || parent.kind == "*") continue;
            std::set<std::string> names;
            for (const registry::SelectorItem& child : selector.allow.from) {
              if (!child.patch || child.patch->mutated_ref.empty()) continue;
              namesFor(index, selector, child, parent, names);
            }
            for (const json* component : index.candidates(parent)) {
              if (!admits(parent, *component)) continue;
              for (const RefValue& value : resolveRef(*component, parent.patch->mutator_ref.front()))
                if (value.value->is_string()) names.erase(value.value->get<std::string>());
            }
            if (!names.empty()) missing.emplace_back(&parent, std::move(names));
          }
        }
      }
    }
    bool added = false;
    std::set<std::string> taken;
    for (const json& component : design_["components"]) taken.insert(detail::idOf(component));
    std::set<std::pair<std::string, std::string>> created;  // (kind, name)
    for (const auto& [parent, names] : missing) {
      for (const std::string& name : names) {
        if (!created.emplace(parent->kind, name).second) continue;
        added = addParent(*parent, name, taken) || added;
      }
    }
    return added;
  }

  /// The names `child` components give their parents (at the child's
  /// mutatedRef), unless a deny clause keeps them from `parent`.
  static void namesFor(const detail::ComponentIndex& index, const registry::Selector& selector,
                       const registry::SelectorItem& child, const registry::SelectorItem& parent,
                       std::set<std::string>& names) {
    const registry::RefPath& child_path = child.patch->mutated_ref.front();
    const bool child_denied =
        std::any_of(selector.deny.to.begin(), selector.deny.to.end(),
                    [&](const auto& item) { return item.kind == parent.kind; });
    for (const json* component : index.candidates(child)) {
      if (!admits(child, *component)) continue;
      if (child_denied && std::any_of(selector.deny.from.begin(), selector.deny.from.end(),
                                      [&](const auto& item) { return admits(item, *component); }))
        continue;
      for (const RefValue& value : resolveRef(*component, child_path)) {
        if (value.value->is_string() && !value.value->get<std::string>().empty())
          names.insert(value.value->get<std::string>());
      }
    }
  }

  /// A `parent` component named `name`, made through the factory. Its id
  /// is a UUID v5 of its kind and name, or, when a component has that one
  /// already (a parent created for that name, then renamed), of its kind,
  /// name and the first free number from 2.
  bool addParent(const registry::SelectorItem& parent, const std::string& name,
                 std::set<std::string>& taken) {
    auto created = factory_(parent.model.name, parent.kind);
    if (!created) return false;
    json& component = *created;
    const registry::RefPath& parent_path = parent.patch->mutator_ref.front();
    const std::string base = parent.kind + "/" + name;
    std::string id = Uuid::v5(parentNamespace(), base).toString();
    for (int n = 2; taken.contains(id); ++n)
      id = Uuid::v5(parentNamespace(), base + "#" + std::to_string(n)).toString();
    taken.insert(id);
    component["id"] = id;
    setAt(component, parent_path, name);
    if (parent_path == registry::RefPath{"displayName"})
      component["configuration"]["metadata"]["name"] = name;
    actions_.push_back({"add_component", {{"item", component}}});
    design_["components"].push_back(std::move(component));
    return true;
  }

  static void setAt(json& target, const registry::RefPath& path, const std::string& value) {
    json* node = &target;
    for (const std::string& part : path) node = &(*node)[part];
    *node = value;
  }

  /// identified → approved; deleted → removed, with the alias component a
  /// deleted alias stood for. True when a component was removed.
  bool sideEffects() {
    json& all = relationships();
    for (json& declaration : all) {
      if (declaration.value("status", "") == "identified") setStatus(declaration, "approved");
    }
    std::set<std::string> gone;
    for (auto it = all.begin(); it != all.end();) {
      if (it->value("status", "") != "deleted") {
        ++it;
        continue;
      }
      if (lower(it->value("kind", "")) == "hierarchical" &&
          lower(it->value("subType", "")) == "alias")
        gone.insert(boundId(*it, "from"));
      actions_.push_back({"delete_relationship", {{"id", it->value("id", "")}}});
      it = all.erase(it);
    }
    auto& components = design_["components"];
    const auto before = components.size();
    for (auto it = components.begin(); it != components.end();) {
      if (gone.contains(detail::idOf(*it))) {
        actions_.push_back({"delete_component", {{"id", detail::idOf(*it)}}});
        it = components.erase(it);
      } else {
        ++it;
      }
    }
    return components.size() != before;
  }

  json& design_;
  const std::vector<const RelationshipDefinition*>& definitions_;
  const ComponentFactory& factory_;
  const SchemaDefault& defaults_;
  std::vector<Action>& actions_;
  detail::Patching patching_{design_, defaults_, actions_};
  std::vector<FoundRelationship> found_;  ///< what the definitions find this pass
  std::set<std::string> found_signatures_;
  std::map<std::string, json> groups_;  ///< sibling groups found, by declaration id
  std::map<std::string, std::pair<json, FoundAlias>> aliases_;  ///< by declaration id
};

}  // namespace

EvaluationResult evaluateDesign(json design,
                                const std::vector<const RelationshipDefinition*>& definitions,
                                const ComponentFactory& factory, const SchemaDefault& defaults) {
  if (!design.contains("components") || !design["components"].is_array())
    design["components"] = json::array();
  if (!design.contains("relationships") || !design["relationships"].is_array())
    design["relationships"] = json::array();
  std::vector<Action> actions;
  for (int pass = 0; pass < kMaxPasses; ++pass) {
    const std::size_t before = actions.size();
    const bool components_changed = Pass(design, definitions, factory, defaults, actions).run();
    if (actions.size() > before) detail::bumpPatchVersion(design);
    if (!components_changed) break;
  }
  return {std::move(design), detail::deduplicated(std::move(actions))};
}

}  // namespace meshery::policy
