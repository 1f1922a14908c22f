#include "meshery/registry/schema_default.hpp"

#include <algorithm>

namespace meshery::registry {
namespace {

using nlohmann::json;

/// The object or array node `path` names in `root`, following local
/// "$ref"s; nullptr when it names none.
const json* schemaNode(const json& root, const json* node, int depth = 0) {
  while (node != nullptr && node->is_object() && depth < 32) {
    const auto ref = node->find("$ref");
    if (ref == node->end() || !ref->is_string()) return node;
    const std::string& target = ref->get_ref<const std::string&>();
    if (!target.starts_with("#")) return node;
    try {
      node = &root.at(json::json_pointer(target.substr(1)));
    } catch (const json::exception&) {
      return nullptr;
    }
    ++depth;
  }
  return node;
}

/// The schema of `key` (a property, or an item for "_" and digits) under
/// `node`, looking through allOf/anyOf/oneOf.
const json* childSchema(const json& root, const json* node, const std::string& key,
                        int depth = 0) {
  node = schemaNode(root, node);
  if (node == nullptr || !node->is_object() || depth > 8) return nullptr;
  const bool item = key == "_" || (!key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
                                      return c >= '0' && c <= '9';
                                    }));
  if (item) {
    const auto items = node->find("items");
    if (items != node->end() && items->is_object()) return schemaNode(root, &*items);
  } else {
    const auto properties = node->find("properties");
    if (properties != node->end() && properties->is_object()) {
      const auto property = properties->find(key);
      if (property != properties->end()) return schemaNode(root, &*property);
    }
  }
  for (const char* combinator : {"allOf", "anyOf", "oneOf"}) {
    const auto parts = node->find(combinator);
    if (parts == node->end() || !parts->is_array()) continue;
    for (const json& part : *parts) {
      if (const json* found = childSchema(root, &part, key, depth + 1)) return found;
    }
  }
  return nullptr;
}

}  // namespace

std::optional<json> schemaDefaultAt(const json& schema, const std::vector<std::string>& path) {
  const json* node = schemaNode(schema, &schema);
  for (const std::string& key : path) {
    node = childSchema(schema, node, key);
    if (node == nullptr) return std::nullopt;
  }
  if (!node->is_object()) return std::nullopt;
  const auto found = node->find("default");
  if (found == node->end()) return std::nullopt;
  return *found;
}

}  // namespace meshery::registry
