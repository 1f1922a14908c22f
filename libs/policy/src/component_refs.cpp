#include "meshery/policy/component_refs.hpp"

#include <algorithm>

namespace meshery::policy {
namespace {

bool isIndex(const std::string& part) {
  return !part.empty() &&
         std::all_of(part.begin(), part.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
         part.size() < 10;
}

void walk(const nlohmann::json& node, const registry::RefPath& path, std::size_t depth,
          registry::RefPath& reached, std::vector<RefValue>& out) {
  if (depth == path.size()) {
    out.push_back({reached, &node});
    return;
  }
  const std::string& part = path[depth];
  if (node.is_array()) {
    if (part == "_") {
      for (std::size_t i = 0; i < node.size(); ++i) {
        reached.push_back(std::to_string(i));
        walk(node[i], path, depth + 1, reached, out);
        reached.pop_back();
      }
    } else if (isIndex(part) && std::stoul(part) < node.size()) {
      reached.push_back(part);
      walk(node[std::stoul(part)], path, depth + 1, reached, out);
      reached.pop_back();
    }
    return;
  }
  if (!node.is_object()) return;
  const auto found = node.find(part);
  if (found == node.end()) return;
  reached.push_back(part);
  walk(*found, path, depth + 1, reached, out);
  reached.pop_back();
}

std::string_view stringAt(const nlohmann::json& object, const char* outer, const char* inner) {
  if (!object.is_object()) return {};
  const auto found = object.find(outer);
  if (found == object.end() || !found->is_object()) return {};
  const auto value = found->find(inner);
  if (value == found->end() || !value->is_string()) return {};
  return value->get_ref<const std::string&>();
}

}  // namespace

std::vector<RefValue> resolveRef(const nlohmann::json& component, const registry::RefPath& path) {
  std::vector<RefValue> out;
  registry::RefPath reached;
  walk(component, path, 0, reached, out);
  return out;
}

std::string_view componentKind(const nlohmann::json& component) {
  return stringAt(component, "component", "kind");
}

std::string_view componentModel(const nlohmann::json& component) {
  const std::string_view name = stringAt(component, "model", "name");
  return name.empty() ? stringAt(component, "modelReference", "name") : name;
}

}  // namespace meshery::policy
