#include <string>

#include "entity_text.hpp"
#include "meshery/core/error.hpp"
#include "registry_rows.hpp"

namespace meshery::store {

std::string_view toString(RegistryEntityType type) {
  switch (type) {
    case RegistryEntityType::kModel:
      return "model";
    case RegistryEntityType::kComponent:
      return "component";
    case RegistryEntityType::kRelationship:
      return "relationship";
    case RegistryEntityType::kPolicy:
      return "policy";
  }
  return "model";
}

RegistryEntityType parseRegistryEntityType(std::string_view text) {
  if (text == "model") return RegistryEntityType::kModel;
  if (text == "component") return RegistryEntityType::kComponent;
  if (text == "relationship") return RegistryEntityType::kRelationship;
  if (text == "policy") return RegistryEntityType::kPolicy;
  throw Error(ErrorCode::kInvalidArgument,
              "unknown registry entity type '" + std::string(text) + "'",
              "a registry entity is a model, component, relationship or policy",
              "use one of: model, component, relationship, policy");
}

RegistryStatus statusFromColumns(std::string_view id, std::string_view type,
                                 std::string_view status, std::string_view updated_at) {
  RegistryStatus result;
  result.id = uuidColumn(id, "registry_statuses", "id");
  result.type = parseRegistryEntityType(type);
  result.status = std::string(status);
  result.updated_at = timeColumn(updated_at, "registry_statuses", "updated_at");
  return result;
}

}  // namespace meshery::store
