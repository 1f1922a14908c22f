#include "sqlite_designs.hpp"

#include <string>

#include "design_rows.hpp"
#include "entity_text.hpp"
#include "json_check.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

constexpr std::string_view kWhere =
    " WHERE organization_id = ?1 AND (?2 = '' OR instr(lower(name), lower(?2)) > 0) "
    "AND (?3 = '' OR visibility = ?3)";

StoredDesign readDesign(const SqliteStatement& row, bool with_content) {
  StoredDesign design;
  design.meta = metaFromColumns(
      {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)}, "designs");
  design.name = std::string(row.text(6));
  design.source_type = std::string(row.text(7));
  design.revision = row.integer(8);
  design.document = std::string(row.text(9));
  design.source_name = std::string(row.text(10));
  if (with_content) design.source_content = std::string(row.blob(11));
  return design;
}

// The current revision's document is the design's own (migration 0004).
constexpr std::string_view kRevisionColumns =
    "SELECT r.design_id, r.revision, r.saved_at, r.saved_by, r.name, "
    "COALESCE(r.design, d.design) FROM design_revisions r JOIN designs d ON d.id = r.design_id";

DesignRevision readRevision(const SqliteStatement& row) {
  return revisionFromColumns(row.text(0), row.integer(1), row.text(2), row.text(3), row.text(4),
                             row.text(5));
}

}  // namespace

StoredDesign SqliteDesigns::save(const StoredDesign& design) {
  requireJson(design.document, "the design document");  // checked here, not by a CHECK (0005)
  StoredDesign stored = design;
  database_.write([&](SqliteConnection& connection) {
    auto existing = connection.prepare(
        "SELECT revision, created_at, owner_id FROM designs WHERE id = ?1");
    existing.bind(1, design.meta.id.toString());
    if (existing.step()) {
      stored.revision = existing.integer(0) + 1;
      stored.meta.created_at = timeColumn(existing.text(1), "designs", "created_at");
      stored.meta.owner_id = uuidColumn(existing.text(2), "designs", "owner_id");
      // The revision being superseded keeps its document.
      auto keep = connection.prepare(
          "UPDATE design_revisions SET design = (SELECT design FROM designs WHERE id = ?1) "
          "WHERE design_id = ?1 AND revision = ?2 AND design IS NULL");
      keep.bind(1, design.meta.id.toString()).bind(2, stored.revision - 1).step();
      auto update = connection.prepare(
          "UPDATE designs SET visibility = ?2, updated_at = ?3, name = ?4, source_type = ?5, "
          "revision = ?6, design = ?7, source_name = CASE WHEN ?8 = '' THEN source_name ELSE ?8 END, "
          "source_content = CASE WHEN length(?9) = 0 THEN source_content ELSE ?9 END WHERE id = ?1");
      update.bind(1, design.meta.id.toString())
          .bind(2, toString(design.meta.visibility))
          .bind(3, formatTimestamp(design.meta.updated_at))
          .bind(4, design.name)
          .bind(5, design.source_type)
          .bind(6, stored.revision)
          .bind(7, design.document)
          .bind(8, design.source_name)
          .bindBlob(9, design.source_content)
          .step();
    } else {
      stored.revision = 1;
      auto insert = connection.prepare(
          "INSERT INTO designs (id, owner_id, organization_id, visibility, created_at, updated_at, "
          "name, source_type, revision, design, source_name, source_content) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 1, ?9, ?10, ?11)");
      insert.bind(1, design.meta.id.toString())
          .bind(2, design.meta.owner_id.toString())
          .bind(3, design.meta.organization_id.toString())
          .bind(4, toString(design.meta.visibility))
          .bind(5, formatTimestamp(design.meta.created_at))
          .bind(6, formatTimestamp(design.meta.updated_at))
          .bind(7, design.name)
          .bind(8, design.source_type)
          .bind(9, design.document)
          .bind(10, design.source_name)
          .bindBlob(11, design.source_content)
          .step();
    }
    auto revision = connection.prepare(
        "INSERT INTO design_revisions (design_id, revision, saved_at, saved_by, name, design) "
        "VALUES (?1, ?2, ?3, ?4, ?5, NULL)");
    revision.bind(1, design.meta.id.toString())
        .bind(2, stored.revision)
        .bind(3, formatTimestamp(design.meta.updated_at))
        .bind(4, design.meta.owner_id.toString())
        .bind(5, design.name)
        .step();
  });
  return stored;
}

std::optional<StoredDesign> SqliteDesigns::find(const Uuid& id) {
  return database_.read([&](SqliteConnection& connection) -> std::optional<StoredDesign> {
    auto statement = connection.prepare("SELECT " + std::string(kDesignColumns) +
                                        ", source_content FROM designs WHERE id = ?1");
    statement.bind(1, id.toString());
    if (!statement.step()) return std::nullopt;
    return readDesign(statement, true);
  });
}

DesignPage SqliteDesigns::list(const DesignQuery& query) {
  std::string order = designOrderClause(query, "");
  return database_.read([&](SqliteConnection& connection) {
    auto bindFilters = [&](SqliteStatement& statement) {
      statement.bind(1, query.organization_id.toString())
          .bind(2, query.search)
          .bind(3, query.visibility ? toString(*query.visibility) : std::string_view());
    };
    DesignPage page;
    auto count = connection.prepare("SELECT COUNT(*) FROM designs" + std::string(kWhere));
    bindFilters(count);
    count.step();
    page.total = static_cast<std::size_t>(count.integer(0));
    auto select = connection.prepare("SELECT " + std::string(kDesignColumns) + " FROM designs" +
                                     std::string(kWhere) + " ORDER BY " + order +
                                     " LIMIT ?4 OFFSET ?5");
    bindFilters(select);
    select.bind(4, query.limit == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(query.limit))
        .bind(5, static_cast<std::int64_t>(query.offset));
    while (select.step()) page.items.push_back(readDesign(select, false));
    return page;
  });
}

std::size_t SqliteDesigns::remove(const Uuid& organization_id, const std::vector<Uuid>& ids) {
  std::size_t removed = 0;
  if (ids.empty()) return removed;
  database_.write([&](SqliteConnection& connection) {
    auto statement =
        connection.prepare("DELETE FROM designs WHERE id = ?1 AND organization_id = ?2");
    for (const Uuid& id : ids) {
      statement.reset();
      statement.bind(1, id.toString()).bind(2, organization_id.toString()).step();
      removed += static_cast<std::size_t>(connection.changes());
    }
  });
  return removed;
}

std::vector<DesignRevision> SqliteDesigns::revisions(const Uuid& id) {
  return database_.read([&](SqliteConnection& connection) {
    auto statement = connection.prepare(
        std::string(kRevisionColumns) + " WHERE r.design_id = ?1 ORDER BY r.revision DESC");
    statement.bind(1, id.toString());
    std::vector<DesignRevision> result;
    while (statement.step()) result.push_back(readRevision(statement));
    return result;
  });
}

std::optional<DesignRevision> SqliteDesigns::revision(const Uuid& id, std::int64_t number) {
  return database_.read([&](SqliteConnection& connection) -> std::optional<DesignRevision> {
    auto statement = connection.prepare(
        std::string(kRevisionColumns) + " WHERE r.design_id = ?1 AND r.revision = ?2");
    statement.bind(1, id.toString()).bind(2, number);
    if (!statement.step()) return std::nullopt;
    return readRevision(statement);
  });
}

}  // namespace meshery::store
