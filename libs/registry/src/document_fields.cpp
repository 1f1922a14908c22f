#include "document_fields.hpp"

#include <algorithm>
#include <cctype>

namespace meshery::registry::detail {
namespace {

const Uuid& registryNamespace() {
  static const Uuid kNamespace =
      Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/registry/definitions");
  return kNamespace;
}

std::string typeName(const nlohmann::json& value) {
  return value.type_name();
}

}  // namespace

Error invalidField(std::string_view entity, std::string_view field, std::string_view problem) {
  std::string message =
      std::string(entity) + " definition: `" + std::string(field) + "` " + std::string(problem);
  std::string cause =
      "The document does not follow Meshery's " + std::string(entity) + " definition schema.";
  std::string remedy = "Correct `" + std::string(field) + "` in the " + std::string(entity) +
                       " definition and import it again.";
  return Error(ErrorCode::kInvalidArgument, std::move(message), std::move(cause),
               std::move(remedy));
}

const nlohmann::json* member(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) return nullptr;
  auto found = object.find(key);
  if (found == object.end() || found->is_null()) return nullptr;
  return &*found;
}

std::string optionalString(const nlohmann::json& object, std::string_view key,
                           std::string_view entity, std::string_view field) {
  const nlohmann::json* value = member(object, key);
  if (value == nullptr) return {};
  if (!value->is_string()) {
    throw invalidField(entity, field, "must be a string, not " + typeName(*value));
  }
  return value->get<std::string>();
}

std::string requiredString(const nlohmann::json& object, std::string_view key,
                           std::string_view entity, std::string_view field) {
  const nlohmann::json* value = member(object, key);
  if (value == nullptr) throw invalidField(entity, field, "is required");
  if (!value->is_string()) {
    throw invalidField(entity, field, "must be a string, not " + typeName(*value));
  }
  if (value->get_ref<const std::string&>().empty()) {
    throw invalidField(entity, field, "must not be empty");
  }
  return value->get<std::string>();
}

bool optionalBool(const nlohmann::json& object, std::string_view key, std::string_view entity,
                  std::string_view field) {
  const nlohmann::json* value = member(object, key);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    throw invalidField(entity, field, "must be a boolean, not " + typeName(*value));
  }
  return value->get<bool>();
}

EntityStatus readStatus(const nlohmann::json& document, std::string_view entity) {
  std::string text = optionalString(document, "status", entity, "status");
  if (text.empty()) return EntityStatus::kEnabled;
  auto status = parseEntityStatus(text);
  if (!status) throw invalidField(entity, "status", "has the unknown value \"" + text + "\"");
  return *status;
}

ModelRef readModelRef(const nlohmann::json& model, std::string_view entity,
                      std::string_view field) {
  ModelRef ref;
  if (model.is_string()) {
    ref.name = model.get<std::string>();
    return ref;
  }
  if (model.is_null()) return ref;
  if (!model.is_object()) {
    throw invalidField(entity, field, "must be an object or a model name, not " + typeName(model));
  }
  const std::string prefix(field);
  ref.name = optionalString(model, "name", entity, prefix + ".name");
  ref.version = optionalString(model, "version", entity, prefix + ".version");
  if (const nlohmann::json* upstream = member(model, "model")) {
    ref.upstream_version = optionalString(*upstream, "version", entity, prefix + ".model.version");
  }
  if (const nlohmann::json* registrant = member(model, "registrant")) {
    ref.registrant_kind = optionalString(*registrant, "kind", entity, prefix + ".registrant.kind");
  }
  if (const nlohmann::json* category = member(model, "category")) {
    ref.category = category->is_string()
                       ? category->get<std::string>()
                       : optionalString(*category, "name", entity, prefix + ".category.name");
  }
  return ref;
}

std::optional<Uuid> readId(const nlohmann::json& document, std::string_view entity) {
  std::string text = optionalString(document, "id", entity, "id");
  if (text.empty()) return std::nullopt;
  auto id = Uuid::parse(text);
  if (!id) throw invalidField(entity, "id", "is not a UUID: \"" + text + "\"");
  if (id->isNil()) return std::nullopt;
  return id;
}

Uuid derivedId(std::string_view kind_of_entity, std::initializer_list<std::string_view> identity) {
  std::string name(kind_of_entity);
  for (std::string_view part : identity) {
    name += '\n';
    name += part;
  }
  return Uuid::v5(registryNamespace(), name);
}

Uuid assignId(nlohmann::json& document, std::string_view entity,
              std::initializer_list<std::string_view> identity) {
  std::optional<Uuid> given = readId(document, entity);
  Uuid id = given ? *given : derivedId(entity, identity);
  document["id"] = id.toString();
  return id;
}

std::string toLower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

void writeStatus(nlohmann::json& document, EntityStatus status) {
  if (document.contains("status") || status != EntityStatus::kEnabled) {
    document["status"] = std::string(toString(status));
  }
}


ModelRef requiredModelRef(const nlohmann::json& document, std::string_view entity) {
  const nlohmann::json* model = member(document, "model");
  if (model == nullptr) throw invalidField(entity, "model", "is required");
  ModelRef ref = readModelRef(*model, entity, "model");
  if (ref.name.empty()) throw invalidField(entity, "model.name", "is required");
  return ref;
}

void requireDocumentObject(const nlohmann::json& input, std::string_view entity) {
  if (!input.is_object()) {
    throw invalidField(entity, "document",
                       std::string("must be a JSON object, not ") + input.type_name());
  }
}
}  // namespace meshery::registry::detail
