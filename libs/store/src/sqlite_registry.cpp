#include "sqlite_registry.hpp"

#include <string>

#include "entity_text.hpp"
#include "registry_rows.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

constexpr std::string_view kUpsertDocument =
    "INSERT INTO registry_definitions (id, owner_id, organization_id, visibility, created_at, "
    "updated_at, entity_type, document) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, "
    "organization_id = excluded.organization_id, visibility = excluded.visibility, "
    "updated_at = excluded.updated_at, entity_type = excluded.entity_type, "
    "document = excluded.document";

constexpr std::string_view kSelectDocuments =
    "SELECT id, owner_id, organization_id, visibility, created_at, updated_at, entity_type, "
    "document FROM registry_definitions";

constexpr std::string_view kUpsertStatus =
    "INSERT INTO registry_statuses (id, entity_type, status, updated_at) "
    "VALUES (?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET entity_type = excluded.entity_type, "
    "status = excluded.status, updated_at = excluded.updated_at";

}  // namespace

void SqliteRegistry::save(const std::vector<RegistryDocument>& documents) {
  if (documents.empty()) return;
  database_.write([&](SqliteConnection& connection) {
    auto statement = connection.prepare(kUpsertDocument);
    for (const RegistryDocument& document : documents) {
      const EntityMeta& meta = document.meta;
      statement.reset();
      statement.bind(1, meta.id.toString())
          .bind(2, meta.owner_id.toString())
          .bind(3, meta.organization_id.toString())
          .bind(4, toString(meta.visibility))
          .bind(5, formatTimestamp(meta.created_at))
          .bind(6, formatTimestamp(meta.updated_at))
          .bind(7, toString(document.type))
          .bind(8, document.document)
          .step();
    }
  });
}

void SqliteRegistry::scan(const std::function<void(RegistryDocument&&)>& visit) {
  database_.read([&](SqliteConnection& connection) {
    auto statement =
        connection.prepare(std::string(kSelectDocuments) + std::string(kRegistryScanOrder));
    while (statement.step()) {
      RegistryDocument document;
      document.meta = metaFromColumns({statement.text(0), statement.text(1), statement.text(2),
                                       statement.text(3), statement.text(4), statement.text(5)},
                                      "registry_definitions");
      document.type = parseRegistryEntityType(statement.text(6));
      document.document = std::string(statement.text(7));
      visit(std::move(document));
    }
  });
}

std::size_t SqliteRegistry::remove(const std::vector<Uuid>& ids) {
  if (ids.empty()) return 0;
  std::size_t removed = 0;
  database_.write([&](SqliteConnection& connection) {
    auto documents = connection.prepare("DELETE FROM registry_definitions WHERE id = ?1");
    auto statuses = connection.prepare("DELETE FROM registry_statuses WHERE id = ?1");
    for (const Uuid& id : ids) {
      documents.reset();
      documents.bind(1, id.toString()).step();
      removed += static_cast<std::size_t>(connection.changes());
      statuses.reset();
      statuses.bind(1, id.toString()).step();
    }
  });
  return removed;
}

void SqliteRegistry::setStatus(const RegistryStatus& status) {
  database_.write([&](SqliteConnection& connection) {
    auto statement = connection.prepare(kUpsertStatus);
    statement.bind(1, status.id.toString())
        .bind(2, toString(status.type))
        .bind(3, status.status)
        .bind(4, formatTimestamp(status.updated_at))
        .step();
  });
}

std::vector<RegistryStatus> SqliteRegistry::statuses() {
  return database_.read([&](SqliteConnection& connection) {
    auto statement = connection.prepare(
        "SELECT id, entity_type, status, updated_at FROM registry_statuses "
        "ORDER BY updated_at, id");
    std::vector<RegistryStatus> result;
    while (statement.step()) {
      result.push_back(statusFromColumns(statement.text(0), statement.text(1),
                                         statement.text(2), statement.text(3)));
    }
    return result;
  });
}

}  // namespace meshery::store
