#include <string>

#include "meshery/core/error.hpp"
#include "registry_rows.hpp"
#include "timestamp_text.hpp"

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

namespace {

[[noreturn]] void throwDamaged(std::string_view column, std::string_view value) {
  throw Error(ErrorCode::kStoreFailure,
              "registry_statuses holds an invalid " + std::string(column) + " '" +
                  std::string(value) + "'",
              "the row was changed outside meshery-server",
              "delete the row or restore the database from a backup");
}

}  // namespace

RegistryStatus statusFromColumns(std::string_view id, std::string_view type,
                                 std::string_view status, std::string_view updated_at) {
  RegistryStatus result;
  auto parsed_id = Uuid::parse(id);
  if (!parsed_id) throwDamaged("id", id);
  auto parsed_time = parseTimestamp(updated_at);
  if (!parsed_time) throwDamaged("updated_at", updated_at);
  result.id = *parsed_id;
  result.type = parseRegistryEntityType(type);
  result.status = std::string(status);
  result.updated_at = *parsed_time;
  return result;
}

}  // namespace meshery::store
