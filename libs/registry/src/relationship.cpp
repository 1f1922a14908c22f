#include "meshery/registry/relationship.hpp"

#include "document_fields.hpp"
#include "relationship_selectors.hpp"

namespace meshery::registry {
namespace {

constexpr std::string_view kEntity = "relationship";

}  // namespace

RelationshipDefinition RelationshipDefinition::fromJson(const nlohmann::json& input) {
  detail::requireDocumentObject(input, kEntity);
  RelationshipDefinition definition;
  definition.document = input;
  nlohmann::json& document = definition.document;
  std::string schema_version =
      detail::optionalString(document, "schemaVersion", kEntity, "schemaVersion");
  definition.kind = detail::requiredString(document, "kind", kEntity, "kind");
  definition.type = detail::optionalString(document, "type", kEntity, "type");
  definition.sub_type = detail::optionalString(document, "subType", kEntity, "subType");
  definition.model = detail::requiredModelRef(document, kEntity);
  definition.status = detail::readStatus(document, kEntity);
  if (const nlohmann::json* metadata = detail::member(document, "metadata")) {
    definition.is_annotation =
        detail::optionalBool(*metadata, "isAnnotation", kEntity, "metadata.isAnnotation");
  }
  const nlohmann::json* selectors = detail::member(document, "selectors");
  definition.selectors = detail::readSelectors(selectors);
  const std::string selectors_text = selectors != nullptr ? selectors->dump() : std::string();
  definition.id = detail::assignId(document, kEntity,
                                   {schema_version, definition.model.name, definition.model.version,
                                    definition.model.upstream_version, definition.kind,
                                    definition.type, definition.sub_type, selectors_text});
  return definition;
}

nlohmann::json RelationshipDefinition::toJson() const {
  nlohmann::json result = document;
  result["id"] = id.toString();
  detail::writeStatus(result, status);
  return result;
}

}  // namespace meshery::registry
