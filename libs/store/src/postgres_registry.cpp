#include "postgres_registry.hpp"

#include <string>

#include "entity_text.hpp"
#include "registry_rows.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

const std::string kUpsertDocument =
    "INSERT INTO registry_definitions (id, owner_id, organization_id, visibility, created_at, "
    "updated_at, entity_type, document) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, "
    "$5::timestamptz, $6::timestamptz, $7, $8::json) "
    "ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, "
    "organization_id = EXCLUDED.organization_id, visibility = EXCLUDED.visibility, "
    "updated_at = EXCLUDED.updated_at, entity_type = EXCLUDED.entity_type, "
    "document = EXCLUDED.document";

const std::string kSelectDocuments =
    "SELECT id, owner_id, organization_id, visibility, created_at, updated_at, entity_type, "
    "document::text FROM registry_definitions";

const std::string kUpsertStatus =
    "INSERT INTO registry_statuses (id, entity_type, status, updated_at) "
    "VALUES ($1::uuid, $2, $3, $4::timestamptz) ON CONFLICT (id) DO UPDATE SET "
    "entity_type = EXCLUDED.entity_type, status = EXCLUDED.status, "
    "updated_at = EXCLUDED.updated_at";

std::string_view text(const pqxx::field& field) {
  return {field.c_str(), field.size()};
}

}  // namespace

void PostgresRegistry::save(const std::vector<RegistryDocument>& documents) {
  if (documents.empty()) return;
  database_.write([&](pqxx::work& transaction) {
    for (const RegistryDocument& document : documents) {
      const EntityMeta& meta = document.meta;
      transaction.exec_params(kUpsertDocument, meta.id.toString(), meta.owner_id.toString(),
                              meta.organization_id.toString(),
                              std::string(toString(meta.visibility)),
                              formatTimestamp(meta.created_at), formatTimestamp(meta.updated_at),
                              std::string(toString(document.type)), document.document);
    }
  });
}

void PostgresRegistry::scan(const std::function<void(RegistryDocument&&)>& visit) {
  database_.read([&](pqxx::read_transaction& transaction) {
    // A cursor keeps memory flat however many documents are stored.
    pqxx::stateless_cursor<pqxx::cursor_base::read_only, pqxx::cursor_base::owned> cursor(
        transaction, kSelectDocuments + std::string(kRegistryScanOrder), "registry_scan", false);
    constexpr pqxx::cursor_base::difference_type kBatch = 256;
    for (pqxx::cursor_base::difference_type at = 0;; at += kBatch) {
      pqxx::result rows = cursor.retrieve(at, at + kBatch);
      for (const auto& row : rows) {
        RegistryDocument document;
        document.meta = metaFromColumns({text(row[0]), text(row[1]), text(row[2]), text(row[3]),
                                         text(row[4]), text(row[5])},
                                        "registry_definitions");
        document.type = parseRegistryEntityType(text(row[6]));
        document.document = std::string(text(row[7]));
        visit(std::move(document));
      }
      if (rows.size() < static_cast<std::size_t>(kBatch)) break;
    }
  });
}

std::size_t PostgresRegistry::remove(const std::vector<Uuid>& ids) {
  if (ids.empty()) return 0;
  std::size_t removed = 0;
  database_.write([&](pqxx::work& transaction) {
    for (const Uuid& id : ids) {
      removed += static_cast<std::size_t>(
          transaction
              .exec_params("DELETE FROM registry_definitions WHERE id = $1::uuid", id.toString())
              .affected_rows());
      transaction.exec_params("DELETE FROM registry_statuses WHERE id = $1::uuid", id.toString());
    }
  });
  return removed;
}

void PostgresRegistry::setStatus(const RegistryStatus& status) {
  database_.write([&](pqxx::work& transaction) {
    transaction.exec_params(kUpsertStatus, status.id.toString(), std::string(toString(status.type)),
                            status.status, formatTimestamp(status.updated_at));
  });
}

std::vector<RegistryStatus> PostgresRegistry::statuses() {
  return database_.read([&](pqxx::read_transaction& transaction) {
    auto rows = transaction.exec(
        "SELECT id, entity_type, status, updated_at FROM registry_statuses "
        "ORDER BY updated_at, id");
    std::vector<RegistryStatus> result;
    result.reserve(rows.size());
    for (const auto& row : rows) {
      result.push_back(
          statusFromColumns(text(row[0]), text(row[1]), text(row[2]), text(row[3])));
    }
    return result;
  });
}

}  // namespace meshery::store
