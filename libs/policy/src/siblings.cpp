#include "meshery/policy/siblings.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "identify_support.hpp"
#include "meshery/core/uuid.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/identify.hpp"

namespace meshery::policy {
namespace {

using nlohmann::json;

const Uuid& groupNamespace() {
  static const Uuid id =
      Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/relationships/sibling-groups");
  return id;
}

/// A label value as text; nullopt for values that are not scalars.
std::optional<std::string> scalarText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return std::nullopt;
}

/// The item's first match ref, or nullptr.
const registry::RefPath* labelPath(const registry::SelectorItem& item) {
  if (!item.match || item.match->refs.empty()) return nullptr;
  return &item.match->refs.front();
}

/// The item of the definition's document that admits the member, bound
/// to it, its patch naming the grouping label.
json memberItem(const json& item, const std::string& id, const registry::RefPath& label) {
  json bound = item;
  bound["id"] = id;
  json ref = json::array();
  for (const auto& part : label) ref.push_back(part);
  bound["patch"] = {{"patchStrategy", "replace"}, {"mutatorRef", json::array({ref})}};
  return bound;
}

}  // namespace

bool groupsSiblings(const registry::RelationshipDefinition& definition) {
  return detail::sameWord(definition.type, "sibling");
}

std::vector<SiblingGroup> findSiblingGroups(const json& design,
                                            const registry::RelationshipDefinition& definition) {
  std::vector<SiblingGroup> groups;
  const detail::ComponentIndex index(design);
  for (std::size_t s = 0; s < definition.selectors.size(); ++s) {
    const registry::Selector& selector = definition.selectors[s];
    if (selector.allow.from.empty()) continue;
    const registry::RefPath* path = labelPath(selector.allow.from.front());
    if (path == nullptr) continue;
    // key=value -> members, over every component an allow item admits.
    std::map<std::pair<std::string, std::string>, std::set<std::string>> shared;
    for (const auto* items : {&selector.allow.from, &selector.allow.to}) {
      for (const registry::SelectorItem& item : *items) {
        for (const json* component : index.candidates(item)) {
          if (!admits(item, *component)) continue;
          for (const RefValue& labels : resolveRef(*component, *path)) {
            if (!labels.value->is_object()) continue;
            for (const auto& [key, value] : labels.value->items()) {
              if (auto text = scalarText(value))
                shared[{key, *text}].insert(detail::idOf(*component));
            }
          }
        }
      }
    }
    for (auto& [label, members] : shared) {
      if (members.size() < 2) continue;
      if (groups.size() >= kMaxSiblingGroups) break;
      groups.push_back({&definition, s, *path, label.first, label.second,
                        std::vector<std::string>(members.begin(), members.end())});
    }
  }
  return groups;
}

json declarationOf(const SiblingGroup& group) {
  const registry::RelationshipDefinition& definition = *group.definition;
  json declaration = detail::declarationBase(definition);
  const json& selector = definition.document.at("selectors").at(group.selector);
  const json& allow = selector.at("allow");
  registry::RefPath label = group.path;
  label.push_back(group.key);
  json from = json::array();
  json to = json::array();
  for (const std::string& id : group.members) {
    from.push_back(memberItem(allow.at("from").at(0), id, label));
    to.push_back(memberItem(allow.at("to").empty() ? allow.at("from").at(0) : allow.at("to").at(0),
                            id, label));
  }
  json selectors = json::array();
  selectors.push_back(detail::boundSelector(selector, std::move(from), std::move(to)));
  declaration["selectors"] = std::move(selectors);
  declaration["id"] =
      Uuid::v5(groupNamespace(), definition.id.toString() + "/" + group.key + "=" + group.value)
          .toString();
  declaration["status"] = "identified";
  return declaration;
}

std::vector<std::string> membersOf(const json& declaration) {
  std::vector<std::string> members;
  try {
    for (const json& item : declaration.at("selectors").at(0).at("allow").at("from"))
      members.push_back(item.value("id", ""));
  } catch (const json::exception&) {
    return {};
  }
  std::sort(members.begin(), members.end());
  return members;
}

}  // namespace meshery::policy
