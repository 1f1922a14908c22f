#include "meshery/registry/policy.hpp"

#include "document_fields.hpp"

namespace meshery::registry {
namespace {

constexpr std::string_view kEntity = "policy";

}  // namespace

PolicyDefinition PolicyDefinition::fromJson(const nlohmann::json& input) {
  detail::requireDocumentObject(input, kEntity);
  PolicyDefinition definition;
  definition.document = input;
  nlohmann::json& document = definition.document;
  std::string schema_version =
      detail::optionalString(document, "schemaVersion", kEntity, "schemaVersion");
  definition.kind = detail::requiredString(document, "kind", kEntity, "kind");
  definition.version = detail::optionalString(document, "version", kEntity, "version");
  definition.sub_type = detail::optionalString(document, "subType", kEntity, "subType");
  definition.model = detail::requiredModelRef(document, kEntity);
  definition.status = detail::readStatus(document, kEntity);
  const nlohmann::json* expression = detail::member(document, "expression");
  const std::string expression_text = expression != nullptr ? expression->dump() : std::string();
  definition.id = detail::assignId(document, kEntity,
                                   {schema_version, definition.model.name, definition.model.version,
                                    definition.model.upstream_version, definition.kind,
                                    definition.version, definition.sub_type, expression_text});
  return definition;
}

nlohmann::json PolicyDefinition::toJson() const {
  nlohmann::json result = document;
  result["id"] = id.toString();
  detail::writeStatus(result, status);
  return result;
}

}  // namespace meshery::registry
