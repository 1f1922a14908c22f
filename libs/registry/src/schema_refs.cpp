#include "schema_refs.hpp"

namespace meshery::registry {

std::string referencedName(const std::string& ref) {
  for (std::string_view prefix : {"#/definitions/", "#/components/schemas/"}) {
    if (ref.starts_with(prefix)) return ref.substr(prefix.size());
  }
  return {};
}

SchemaResolver::SchemaResolver(const nlohmann::json& definitions) : definitions_(definitions) {}

nlohmann::json SchemaResolver::resolveDefinition(const std::string& name) {
  return expandReference(name, nlohmann::json::object());
}

nlohmann::json SchemaResolver::resolve(const nlohmann::json& schema) { return expand(schema); }

nlohmann::json SchemaResolver::expand(const nlohmann::json& node) {
  if (node.is_array()) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : node) out.push_back(expand(item));
    return out;
  }
  if (!node.is_object()) return node;
  auto ref = node.find("$ref");
  if (ref != node.end() && ref->is_string()) {
    std::string name = referencedName(ref->get<std::string>());
    if (!name.empty() && definitions_.contains(name)) return expandReference(name, node);
  }
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, value] : node.items()) {
    // Keys of these maps are property names, not keywords, but their values
    // are schemas all the same: expanding every value covers both.
    out[key] = expand(value);
  }
  return out;
}

nlohmann::json SchemaResolver::expandReference(const std::string& name, const nlohmann::json& node) {
  nlohmann::json resolved;
  if (in_progress_.contains(name)) {
    cut_ = true;
    resolved = {{"type", "object"},
                {"x-kubernetes-preserve-unknown-fields", true},
                {"$comment", "recursive reference to " + name + " is not expanded"}};
  } else if (auto done = complete_.find(name); done != complete_.end()) {
    resolved = done->second;
  } else {
    bool outer_cut = cut_;
    cut_ = false;
    in_progress_.insert(name);
    resolved = expand(definitions_.at(name));
    in_progress_.erase(name);
    // Expansions that cut a recursion depend on where they started: only
    // the others can be reused.
    if (!cut_) complete_.emplace(name, resolved);
    cut_ = cut_ || outer_cut;
  }
  nlohmann::json siblings = nlohmann::json::object();
  for (const auto& [key, value] : node.items()) {
    if (key != "$ref") siblings[key] = expand(value);
  }
  if (siblings.empty()) return resolved;
  siblings["allOf"] = nlohmann::json::array({resolved});
  return siblings;
}

}  // namespace meshery::registry
