#include "entity_text.hpp"

#include "meshery/core/error.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

[[noreturn]] void throwDamaged(std::string_view table, std::string_view column,
                               std::string_view value) {
  throw Error(ErrorCode::kStoreFailure,
              "stored " + std::string(table) + "." + std::string(column) + " value '" +
                  std::string(value) + "' is not valid",
              "the row was written by another program or the database is damaged",
              "repair or delete the row, or restore the database from a backup");
}

}  // namespace

Uuid uuidColumn(std::string_view value, std::string_view table, std::string_view column) {
  auto parsed = Uuid::parse(value);
  if (!parsed) throwDamaged(table, column, value);
  return *parsed;
}

Timestamp timeColumn(std::string_view value, std::string_view table, std::string_view column) {
  auto parsed = parseTimestamp(value);
  if (!parsed) throwDamaged(table, column, value);
  return *parsed;
}

EntityMeta metaFromColumns(const MetaColumns& columns, std::string_view table) {
  EntityMeta meta;
  meta.id = uuidColumn(columns[0], table, "id");
  meta.owner_id = uuidColumn(columns[1], table, "owner_id");
  meta.organization_id = uuidColumn(columns[2], table, "organization_id");
  try {
    meta.visibility = parseVisibility(columns[3]);
  } catch (const Error&) {
    throwDamaged(table, "visibility", columns[3]);
  }
  meta.created_at = timeColumn(columns[4], table, "created_at");
  meta.updated_at = timeColumn(columns[5], table, "updated_at");
  return meta;
}

std::string quoteIdentifier(std::string_view identifier) {
  std::string quoted = "\"";
  for (char c : identifier) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

}  // namespace meshery::store
