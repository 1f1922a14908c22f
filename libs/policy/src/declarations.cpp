#include "declarations.hpp"

#include <cctype>
#include <cstdio>
#include <set>

#include "meshery/core/error.hpp"

namespace meshery::policy::detail {

using nlohmann::json;
using registry::RelationshipDefinition;

bool handled(const RelationshipDefinition& definition) {
  return relatesByValue(definition) || relatesThroughBinding(definition);
}

std::vector<FoundRelationship> find(const ComponentIndex& index,
                                    const RelationshipDefinition& definition) {
  return relatesByValue(definition) ? findRelationships(index, definition)
                                    : findBindings(index, definition);
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string boundId(const json& declaration, const char* side) {
  try {
    const json& item = declaration.at("selectors").at(0).at("allow").at(side).at(0);
    return item.is_object() ? item.value("id", "") : "";
  } catch (const json::exception&) {
    return {};  // not a declaration of ours to compare
  }
}

std::string signature(const json& declaration) {
  return lower(declaration.value("kind", "")) + "/" + lower(declaration.value("type", "")) + "/" +
         lower(declaration.value("subType", "")) + " " + boundId(declaration, "from") + " -> " +
         boundId(declaration, "to");
}

bool stillHolds(const json& declaration, const std::map<std::string, const json*>& components) {
  RelationshipDefinition definition;
  try {
    definition = RelationshipDefinition::fromJson(declaration);
  } catch (const Error&) {
    return false;
  }
  if (definition.selectors.size() != 1) return false;
  const auto& allow = definition.selectors.front().allow;
  if (allow.from.size() != 1 || allow.to.size() != 1) return false;
  std::vector<std::string> ids = {allow.from[0].id, allow.to[0].id};
  if (relatesThroughBinding(definition) && allow.from[0].match) {
    for (const auto& entry : allow.from[0].match->to) ids.push_back(entry.id);
    for (const auto& entry : allow.from[0].match->from) ids.push_back(entry.id);
  }
  json subset = {{"components", json::array()}};
  std::set<std::string> added;
  for (const std::string& id : ids) {
    if (id.empty() || added.contains(id)) continue;
    const auto found = components.find(id);
    if (found == components.end()) return false;  // a component is gone
    subset["components"].push_back(*found->second);
    added.insert(id);
  }
  for (const FoundRelationship& relationship : find(ComponentIndex(subset), definition)) {
    if (relationship.from_id == allow.from[0].id && relationship.to_id == allow.to[0].id)
      return true;
  }
  return false;
}

void bumpPatchVersion(json& design) {
  const std::string version = design.value("version", "");
  int major = 0;
  int minor = 0;
  int patch = 0;
  char extra = 0;
  const bool prefixed = version.starts_with('v');  // "v0.0.1" stays prefixed
  const std::string plain = prefixed ? version.substr(1) : version;
  if (std::sscanf(plain.c_str(), "%d.%d.%d%c", &major, &minor, &patch, &extra) != 3 || major < 0 ||
      minor < 0 || patch < 0) {
    design["version"] = "0.0.1";
    return;
  }
  design["version"] = std::string(prefixed ? "v" : "") + std::to_string(major) + "." +
                      std::to_string(minor) + "." + std::to_string(patch + 1);
}

std::vector<Action> deduplicated(std::vector<Action> actions) {
  std::vector<Action> out;
  std::map<std::pair<std::string, std::string>, std::size_t> seen;
  for (Action& action : actions) {
    const json& value = action.value;
    std::string id = value.contains("id") ? value["id"].get<std::string>() : "";
    if (id.empty() && value.contains("item")) id = value["item"].value("id", "");
    // Updates of one component or relationship at different paths are kept apart.
    if (value.contains("path")) id += " " + value["path"].dump();
    const auto key = std::pair{action.op, id};
    const auto found = seen.find(key);
    if (found == seen.end()) {
      seen[key] = out.size();
      out.push_back(std::move(action));
    } else {
      out[found->second].value = std::move(action.value);
    }
  }
  return out;
}

}  // namespace meshery::policy::detail
