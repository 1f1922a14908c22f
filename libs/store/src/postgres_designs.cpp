#include "postgres_designs.hpp"

#include <string>

#include "design_rows.hpp"
#include "entity_text.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

const std::string kWhere =
    " WHERE organization_id = $1::uuid AND ($2 = '' OR strpos(lower(name), lower($2)) > 0) "
    "AND ($3 = '' OR visibility = $3)";

// The current revision's document is the design's own (migration 0004).
const std::string kRevisionColumns =
    "SELECT r.design_id, r.revision, r.saved_at, r.saved_by, r.name, "
    "COALESCE(r.design, d.design)::text FROM design_revisions r JOIN designs d ON d.id = r.design_id";

std::string_view text(const pqxx::field& field) {
  return {field.c_str(), field.size()};
}

StoredDesign readDesign(const pqxx::row& row, bool with_content) {
  StoredDesign design;
  design.meta = metaFromColumns({text(row[0]), text(row[1]), text(row[2]), text(row[3]),
                                 text(row[4]), text(row[5])},
                                "designs");
  design.name = std::string(text(row[6]));
  design.source_type = std::string(text(row[7]));
  design.revision = row[8].as<std::int64_t>();
  design.document = std::string(text(row[9]));
  design.source_name = std::string(text(row[10]));
  if (with_content) {
    pqxx::binarystring bytes(row[11]);
    design.source_content = bytes.str();
  }
  return design;
}

DesignRevision readRevision(const pqxx::row& row) {
  return revisionFromColumns(text(row[0]), row[1].as<std::int64_t>(), text(row[2]), text(row[3]),
                             text(row[4]), text(row[5]));
}

}  // namespace

StoredDesign PostgresDesigns::save(const StoredDesign& design) {
  StoredDesign stored = design;
  const EntityMeta& meta = design.meta;
  pqxx::binarystring content(design.source_content.data(), design.source_content.size());
  database_.write([&](pqxx::work& transaction) {
    auto existing = transaction.exec_params(
        "SELECT revision, created_at, owner_id FROM designs WHERE id = $1::uuid FOR UPDATE",
        meta.id.toString());
    if (!existing.empty()) {
      stored.revision = existing[0][0].as<std::int64_t>() + 1;
      stored.meta.created_at = timeColumn(text(existing[0][1]), "designs", "created_at");
      stored.meta.owner_id = uuidColumn(text(existing[0][2]), "designs", "owner_id");
      // The revision being superseded keeps its document.
      transaction.exec_params(
          "UPDATE design_revisions SET design = (SELECT design FROM designs WHERE id = $1::uuid) "
          "WHERE design_id = $1::uuid AND revision = $2 AND design IS NULL",
          meta.id.toString(), stored.revision - 1);
      transaction.exec_params(
          "UPDATE designs SET visibility = $2, updated_at = $3::timestamptz, name = $4, "
          "source_type = $5, revision = $6, design = $7::json, "
          "source_name = CASE WHEN $8 = '' THEN source_name ELSE $8 END, "
          "source_content = CASE WHEN length($9::bytea) = 0 THEN source_content ELSE $9::bytea END "
          "WHERE id = $1::uuid",
          meta.id.toString(), std::string(toString(meta.visibility)),
          formatTimestamp(meta.updated_at), design.name, design.source_type, stored.revision,
          design.document, design.source_name, content);
    } else {
      stored.revision = 1;
      transaction.exec_params(
          "INSERT INTO designs (id, owner_id, organization_id, visibility, created_at, "
          "updated_at, name, source_type, revision, design, source_name, source_content) "
          "VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::timestamptz, $6::timestamptz, $7, $8, 1, "
          "$9::json, $10, $11::bytea)",
          meta.id.toString(), meta.owner_id.toString(), meta.organization_id.toString(),
          std::string(toString(meta.visibility)), formatTimestamp(meta.created_at),
          formatTimestamp(meta.updated_at), design.name, design.source_type, design.document,
          design.source_name, content);
    }
    transaction.exec_params(
        "INSERT INTO design_revisions (design_id, revision, saved_at, saved_by, name, design) "
        "VALUES ($1::uuid, $2, $3::timestamptz, $4::uuid, $5, NULL)",
        meta.id.toString(), stored.revision, formatTimestamp(meta.updated_at),
        meta.owner_id.toString(), design.name);
  });
  return stored;
}

std::optional<StoredDesign> PostgresDesigns::find(const Uuid& id) {
  return database_.read([&](pqxx::read_transaction& transaction) -> std::optional<StoredDesign> {
    auto result = transaction.exec_params(
        "SELECT " + std::string(kDesignColumns) + ", source_content FROM designs WHERE id = $1::uuid",
        id.toString());
    if (result.empty()) return std::nullopt;
    return readDesign(result[0], true);
  });
}

DesignPage PostgresDesigns::list(const DesignQuery& query) {
  std::string order = designOrderClause(query, " COLLATE \"C\"");
  std::string visibility = query.visibility ? std::string(toString(*query.visibility)) : "";
  return database_.read([&](pqxx::read_transaction& transaction) {
    DesignPage page;
    auto count = transaction.exec_params("SELECT count(*) FROM designs" + kWhere,
                                         query.organization_id.toString(), query.search, visibility);
    page.total = count[0][0].as<std::size_t>();
    std::string limit = query.limit == 0 ? "ALL" : std::to_string(query.limit);
    auto rows = transaction.exec_params(
        "SELECT " + std::string(kDesignColumns) + " FROM designs" + kWhere + " ORDER BY " + order +
            " LIMIT " + limit + " OFFSET " + std::to_string(query.offset),
        query.organization_id.toString(), query.search, visibility);
    for (const auto& row : rows) page.items.push_back(readDesign(row, false));
    return page;
  });
}

std::size_t PostgresDesigns::remove(const Uuid& organization_id,
                                    const std::vector<Uuid>& ids) {
  std::size_t removed = 0;
  if (ids.empty()) return removed;
  database_.write([&](pqxx::work& transaction) {
    for (const Uuid& id : ids) {
      removed += static_cast<std::size_t>(
          transaction
              .exec_params("DELETE FROM designs WHERE id = $1::uuid AND organization_id = $2::uuid",
                           id.toString(), organization_id.toString())
              .affected_rows());
    }
  });
  return removed;
}

std::vector<DesignRevision> PostgresDesigns::revisions(const Uuid& id) {
  return database_.read([&](pqxx::read_transaction& transaction) {
    auto rows = transaction.exec_params(
        kRevisionColumns + " WHERE r.design_id = $1::uuid ORDER BY r.revision DESC", id.toString());
    std::vector<DesignRevision> result;
    for (const auto& row : rows) result.push_back(readRevision(row));
    return result;
  });
}

std::optional<DesignRevision> PostgresDesigns::revision(const Uuid& id, std::int64_t number) {
  return database_.read([&](pqxx::read_transaction& transaction) -> std::optional<DesignRevision> {
    auto rows = transaction.exec_params(
        kRevisionColumns + " WHERE r.design_id = $1::uuid AND r.revision = $2", id.toString(), number);
    if (rows.empty()) return std::nullopt;
    return readRevision(rows[0]);
  });
}

}  // namespace meshery::store
