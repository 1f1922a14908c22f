// The fields declarations share with their component definition, kept once.
#include <array>

#include "document_fields.hpp"
#include "meshery/design/design.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

/// What a declaration copies from its definition unchanged and no reader of
/// the design's document needs: the model is named again in modelReference.
constexpr std::array<std::string_view, 2> kSharedFields = {"capabilities", "model"};

const std::string* stringMember(const json& object, std::string_view key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? &it->get_ref<const std::string&>() : nullptr;
}

/// The definition a declaration names: its model (modelReference's name,
/// version and id), kind and apiVersion; "" when it names none.
std::string definitionKey(const json& declaration) {
  if (!declaration.is_object()) return {};
  const auto reference = declaration.find("modelReference");
  if (reference == declaration.end() || !reference->is_object()) return {};
  const auto component = declaration.find("component");
  if (component == declaration.end() || !component->is_object()) return {};
  const std::string* model = stringMember(*reference, "name");
  const std::string* kind = stringMember(*component, "kind");
  const std::string* api_version = stringMember(*component, "version");
  if (model == nullptr || kind == nullptr || api_version == nullptr) return {};
  const std::string* version = stringMember(*reference, "version");
  const std::string* id = stringMember(*reference, "id");
  std::string key;
  key.reserve(model->size() + kind->size() + api_version->size() + 64);
  for (const std::string* part : {model, version, id, kind, api_version}) {
    if (part != nullptr) key += *part;
    key += '\x1f';
  }
  return key;
}

}  // namespace

bool SharedDefinitionFields::moveFrom(json& declaration) {
  std::string key = definitionKey(declaration);
  if (key.empty()) return false;
  json fields = json::object();
  for (std::string_view name : kSharedFields) {
    const auto it = declaration.find(name);
    if (it != declaration.end()) fields[std::string(name)] = *it;
  }
  if (fields.empty()) return false;
  auto [slot, added] = fields_.try_emplace(std::move(key), std::move(fields));
  if (!added && slot->second != fields) return false;  // another definition under the same name
  for (std::string_view name : kSharedFields) declaration.erase(std::string(name));
  return true;
}

const json* SharedDefinitionFields::find(const json& declaration) const {
  if (fields_.empty()) return nullptr;
  const std::string key = definitionKey(declaration);
  if (key.empty()) return nullptr;
  const auto it = fields_.find(key);
  return it == fields_.end() ? nullptr : &it->second;
}

void SharedDefinitionFields::expand(json& declaration) const {
  const json* fields = find(declaration);
  if (fields == nullptr) return;
  for (const auto& [name, value] : fields->items()) {
    if (!declaration.contains(name)) declaration[name] = value;
  }
}

}  // namespace meshery::design
