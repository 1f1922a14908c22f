#include "meshery/registry/model.hpp"

#include <algorithm>

#include "document_fields.hpp"
#include "wire_casing.hpp"

namespace meshery::registry {
namespace {

constexpr std::string_view kEntity = "model";

bool isModelName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

Category readCategory(const nlohmann::json& document) {
  Category category;
  const nlohmann::json* value = detail::member(document, "category");
  if (value == nullptr) return category;
  if (value->is_string()) {
    if (!value->get_ref<const std::string&>().empty()) category.name = value->get<std::string>();
    return category;
  }
  if (!value->is_object()) {
    throw detail::invalidField(kEntity, "category", "must be an object with a name");
  }
  std::string name = detail::optionalString(*value, "name", kEntity, "category.name");
  if (!name.empty()) category.name = std::move(name);
  std::string id = detail::optionalString(*value, "id", kEntity, "category.id");
  if (auto parsed = Uuid::parse(id)) category.id = *parsed;
  if (const nlohmann::json* metadata = detail::member(*value, "metadata")) {
    category.metadata = *metadata;
  }
  return category;
}

Registrant readRegistrant(const nlohmann::json& document) {
  Registrant registrant;
  const nlohmann::json* value = detail::member(document, "registrant");
  if (value == nullptr) return registrant;
  if (!value->is_object()) {
    throw detail::invalidField(kEntity, "registrant", "must be an object (a connection)");
  }
  registrant.kind = detail::optionalString(*value, "kind", kEntity, "registrant.kind");
  registrant.name = detail::optionalString(*value, "name", kEntity, "registrant.name");
  std::string id = detail::optionalString(*value, "id", kEntity, "registrant.id");
  if (auto parsed = Uuid::parse(id)) registrant.id = *parsed;
  registrant.document = *value;
  return registrant;
}

}  // namespace

Model Model::fromJson(const nlohmann::json& input) {
  detail::requireDocumentObject(input, kEntity);
  Model model;
  model.document = input;
  nlohmann::json& document = model.document;
  std::string schema_version =
      detail::optionalString(document, "schemaVersion", kEntity, "schemaVersion");
  detail::modelToV1beta1(document, detail::isCamelCaseSchemaVersion(schema_version));
  schema_version = detail::optionalString(document, "schemaVersion", kEntity, "schemaVersion");

  model.name = detail::requiredString(document, "name", kEntity, "name");
  if (!isModelName(model.name)) {
    throw detail::invalidField(kEntity, "name",
                               "\"" + model.name +
                                   "\" does not match ^[a-z0-9-]+$ (lowercase "
                                   "letters, digits and hyphens)");
  }
  model.version = detail::optionalString(document, "version", kEntity, "version");
  if (const nlohmann::json* upstream = detail::member(document, "model")) {
    model.upstream_version = detail::optionalString(*upstream, "version", kEntity, "model.version");
  }
  model.display_name = detail::optionalString(document, "displayName", kEntity, "displayName");
  if (model.display_name.empty()) model.display_name = model.name;
  model.category = readCategory(document);
  model.sub_category = detail::optionalString(document, "subCategory", kEntity, "subCategory");
  model.registrant = readRegistrant(document);
  model.status = detail::readStatus(document, kEntity);
  if (const nlohmann::json* metadata = detail::member(document, "metadata")) {
    model.is_annotation =
        detail::optionalBool(*metadata, "isAnnotation", kEntity, "metadata.isAnnotation");
  }
  model.id = detail::assignId(document, kEntity,
                              {schema_version, model.name, model.version, model.upstream_version,
                               detail::toLower(model.registrant.kind)});
  return model;
}

nlohmann::json Model::toJson(WireFormat format) const {
  nlohmann::json result = document;
  result["id"] = id.toString();
  detail::writeStatus(result, status);
  if (components_count) result["components_count"] = *components_count;
  if (relationships_count) result["relationships_count"] = *relationships_count;
  if (format == WireFormat::kCamelCase) detail::modelToCamelCase(result);
  return result;
}

std::string modelIdentityKey(const Model& model) {
  return model.name + '\x1f' + model.version + '\x1f' + model.upstream_version + '\x1f' +
         detail::toLower(model.registrant.kind);
}

}  // namespace meshery::registry
