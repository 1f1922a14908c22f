#include "meshery/registry/component.hpp"

#include "document_fields.hpp"
#include "wire_casing.hpp"

namespace meshery::registry {
namespace {

constexpr std::string_view kEntity = "component";

/// Keeps `component.schema` a string, as on the wire: an object or array
/// (some generators write one) is stringified.
void normaliseSchema(nlohmann::json& component) {
  auto schema = component.find("schema");
  if (schema == component.end() || schema->is_null() || schema->is_string()) return;
  if (schema->is_object() || schema->is_array()) {
    *schema = schema->dump();
    return;
  }
  throw detail::invalidField(
      kEntity, "component.schema",
      std::string("must be a string (stringified JSON Schema), not ") + schema->type_name());
}

}  // namespace

ComponentDefinition ComponentDefinition::fromJson(const nlohmann::json& input) {
  detail::requireDocumentObject(input, kEntity);
  return fromJson(nlohmann::json(input));
}

ComponentDefinition ComponentDefinition::fromJson(nlohmann::json&& input) {
  detail::requireDocumentObject(input, kEntity);
  ComponentDefinition definition;
  definition.document = std::move(input);
  nlohmann::json& document = definition.document;
  std::string schema_version =
      detail::optionalString(document, "schemaVersion", kEntity, "schemaVersion");
  detail::componentToV1beta1(document, detail::isCamelCaseSchemaVersion(schema_version));
  schema_version = detail::optionalString(document, "schemaVersion", kEntity, "schemaVersion");

  auto component = document.find("component");
  if (component == document.end() || component->is_null()) {
    throw detail::invalidField(kEntity, "component", "is required ({version, kind, schema})");
  }
  if (!component->is_object()) {
    throw detail::invalidField(kEntity, "component", "must be an object ({version, kind, schema})");
  }
  definition.kind = detail::requiredString(*component, "kind", kEntity, "component.kind");
  definition.api_version =
      detail::requiredString(*component, "version", kEntity, "component.version");
  normaliseSchema(*component);

  definition.model = detail::requiredModelRef(document, kEntity);
  definition.display_name = detail::optionalString(document, "displayName", kEntity, "displayName");
  if (definition.display_name.empty()) definition.display_name = definition.kind;
  definition.status = detail::readStatus(document, kEntity);
  if (const nlohmann::json* metadata = detail::member(document, "metadata")) {
    definition.is_annotation =
        detail::optionalBool(*metadata, "isAnnotation", kEntity, "metadata.isAnnotation");
    definition.is_namespaced =
        detail::optionalBool(*metadata, "isNamespaced", kEntity, "metadata.isNamespaced");
  }
  definition.id = detail::assignId(
      document, kEntity,
      {schema_version, definition.model.name, definition.model.version,
       definition.model.upstream_version, detail::toLower(definition.model.registrant_kind),
       definition.kind, definition.api_version});
  return definition;
}

nlohmann::json ComponentDefinition::toJson(WireFormat format) const {
  nlohmann::json result = document;
  result["id"] = id.toString();
  detail::writeStatus(result, status);
  if (format == WireFormat::kCamelCase) detail::componentToCamelCase(result);
  return result;
}

nlohmann::json ComponentDefinition::schemaJson() const {
  const nlohmann::json* component = detail::member(document, "component");
  const nlohmann::json* schema = component ? detail::member(*component, "schema") : nullptr;
  if (schema == nullptr || !schema->is_string() || schema->get_ref<const std::string&>().empty()) {
    return nlohmann::json::object();
  }
  nlohmann::json parsed = nlohmann::json::parse(schema->get_ref<const std::string&>(), nullptr,
                                                /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    throw Error(ErrorCode::kMalformedInput,
                "component " + kind + " (" + api_version + ") of model " + model.name +
                    ": component.schema is not valid JSON",
                "component.schema must hold a JSON Schema serialised as a string.",
                "Regenerate the component definition or fix its schema string.");
  }
  return parsed;
}

std::string componentIdentityKey(const ComponentDefinition& component) {
  return component.kind + '\x1f' + component.api_version + '\x1f' + component.model.name + '\x1f' +
         component.model.upstream_version;
}

}  // namespace meshery::registry
