#include "meshery/policy/aliases.hpp"

#include <algorithm>
#include <tuple>

#include "identify_support.hpp"
#include "meshery/core/uuid.hpp"
#include "meshery/policy/component_refs.hpp"
#include "meshery/policy/identify.hpp"

namespace meshery::policy {
namespace {

using nlohmann::json;

const Uuid& aliasNamespace() {
  static const Uuid id = Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/relationships/aliases");
  return id;
}

std::string joined(const registry::RefPath& path) {
  std::string out;
  for (const auto& part : path) out += (out.empty() ? "" : "/") + part;
  return out;
}

json pathJson(const registry::RefPath& path) {
  json out = json::array();
  for (const auto& part : path) out.push_back(part);
  return out;
}

}  // namespace

bool makesAliases(const registry::RelationshipDefinition& definition) {
  return detail::sameWord(definition.kind, "hierarchical") &&
         detail::sameWord(definition.type, "parent") &&
         detail::sameWord(definition.sub_type, "alias");
}

std::vector<FoundAlias> findAliases(const json& design,
                                    const registry::RelationshipDefinition& definition) {
  std::vector<FoundAlias> found;
  const detail::ComponentIndex index(design);
  for (std::size_t s = 0; s < definition.selectors.size(); ++s) {
    const registry::Selector& selector = definition.selectors[s];
    for (std::size_t f = 0; f < selector.allow.from.size(); ++f) {
      const registry::SelectorItem& alias_item = selector.allow.from[f];
      if (!alias_item.patch || alias_item.patch->mutator_ref.empty()) continue;
      const registry::RefPath& path = alias_item.patch->mutator_ref.front();
      for (std::size_t t = 0; t < selector.allow.to.size(); ++t) {
        const registry::SelectorItem& parent_item = selector.allow.to[t];
        for (const json* parent : index.candidates(parent_item)) {
          if (!admits(parent_item, *parent)) continue;
          const std::string parent_id = detail::idOf(*parent);
          for (const RefValue& part : resolveRef(*parent, path)) {
            const std::string alias_id =
                Uuid::v5(aliasNamespace(), parent_id + "/" + joined(part.path)).toString();
            found.push_back({&definition, s, f, t, parent_id, part.path, alias_id});
          }
        }
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const FoundAlias& a, const FoundAlias& b) {
    return std::tie(a.parent_id, a.path) < std::tie(b.parent_id, b.path);
  });
  return found;
}

json declarationOf(const FoundAlias& alias) {
  const registry::RelationshipDefinition& definition = *alias.definition;
  json declaration = detail::declarationBase(definition);
  const json& selector = definition.document.at("selectors").at(alias.selector);
  const json& allow = selector.at("allow");
  json from = allow.at("from").at(alias.from_item);
  from["id"] = alias.alias_id;
  from["patch"] = {{"patchStrategy", "replace"},
                   {"mutatorRef", json::array({pathJson(alias.path)})}};
  json to = allow.at("to").at(alias.to_item);
  to["id"] = alias.parent_id;
  to["patch"] = {{"patchStrategy", "replace"}, {"mutatedRef", json::array({pathJson(alias.path)})}};
  json from_items = json::array();
  from_items.push_back(std::move(from));
  json to_items = json::array();
  to_items.push_back(std::move(to));
  json selectors = json::array();
  selectors.push_back(detail::boundSelector(selector, std::move(from_items), std::move(to_items)));
  declaration["selectors"] = std::move(selectors);
  declaration["id"] = Uuid::v5(aliasNamespace(), "relationship/" + alias.alias_id).toString();
  declaration["status"] = "identified";
  return declaration;
}

json aliasComponent(const FoundAlias& alias, json base) {
  base["id"] = alias.alias_id;
  const std::size_t n = alias.path.size();
  base["displayName"] = n >= 2 ? alias.path[n - 2] + " " + alias.path[n - 1]
                               : (n == 1 ? alias.path[0] : std::string("alias"));
  if (!base.contains("metadata") || !base["metadata"].is_object())
    base["metadata"] = json::object();
  base["metadata"]["isAnnotation"] = true;
  base["configuration"] = json::object();
  return base;
}

}  // namespace meshery::policy
