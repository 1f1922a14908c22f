#include "sqlite_cluster_resources.hpp"

#include <set>

#include "cluster_resource_rows.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

constexpr std::string_view kUpsert =
    "INSERT INTO cluster_resources (id, cluster_id, api_version, kind, namespace, name, uid, "
    "resource_version, label_index, object, updated_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
    "ON CONFLICT (id) DO UPDATE SET api_version = excluded.api_version, kind = excluded.kind, "
    "namespace = excluded.namespace, name = excluded.name, "
    "resource_version = excluded.resource_version, label_index = excluded.label_index, "
    "object = excluded.object, updated_at = excluded.updated_at";

void upsert(SqliteStatement& statement, const ClusterResource& resource) {
  statement.reset();
  statement.bind(1, resource.id.toString())
      .bind(2, resource.cluster_id.toString())
      .bind(3, resource.api_version)
      .bind(4, resource.kind)
      .bind(5, resource.namespace_)
      .bind(6, resource.name)
      .bind(7, resource.uid)
      .bind(8, resource.resource_version)
      .bind(9, labelIndexOf(resource))
      .bind(10, resource.object.dump())
      .bind(11, formatTimestamp(resource.updated_at))
      .step();
}

ClusterResource readRow(const SqliteStatement& row) {
  return clusterResourceFromColumns(row.text(0), row.text(1), row.text(2), row.text(3),
                                    row.text(4), row.text(5), row.text(6), row.text(7),
                                    row.text(8), row.text(9));
}

void bindAll(SqliteStatement& statement, const std::vector<std::string>& params) {
  for (std::size_t i = 0; i < params.size(); ++i) statement.bind(static_cast<int>(i + 1), params[i]);
}

}  // namespace

void SqliteClusterResources::apply(const std::vector<ClusterResourceChange>& changes) {
  if (changes.empty()) return;
  database_.write([&](SqliteConnection& connection) {
    auto insert = connection.prepare(kUpsert);
    auto erase = connection.prepare("DELETE FROM cluster_resources WHERE id = ?1");
    for (const ClusterResourceChange& change : changes) {
      if (change.deleted) {
        erase.reset();
        erase.bind(1, change.resource.id.toString()).step();
      } else {
        upsert(insert, change.resource);
      }
    }
  });
}

std::vector<Uuid> SqliteClusterResources::replaceKind(const Uuid& cluster_id,
                                                      std::string_view api_version,
                                                      std::string_view kind,
                                                      const std::vector<ClusterResource>& items) {
  std::vector<Uuid> deleted;
  database_.write([&](SqliteConnection& connection) {
    std::set<std::string> kept;
    auto insert = connection.prepare(kUpsert);
    for (const ClusterResource& item : items) {
      upsert(insert, item);
      kept.insert(item.id.toString());
    }
    auto stored = connection.prepare(
        "SELECT id FROM cluster_resources WHERE cluster_id = ?1 AND api_version = ?2 AND kind = ?3");
    stored.bind(1, cluster_id.toString()).bind(2, api_version).bind(3, kind);
    std::vector<std::string> gone;
    while (stored.step()) {
      if (!kept.contains(std::string(stored.text(0)))) gone.emplace_back(stored.text(0));
    }
    auto erase = connection.prepare("DELETE FROM cluster_resources WHERE id = ?1");
    for (const std::string& id : gone) {
      erase.reset();
      erase.bind(1, id).step();
      deleted.push_back(Uuid::parse(id).value_or(Uuid()));
    }
  });
  return deleted;
}

ClusterResourcePage SqliteClusterResources::list(const ClusterResourceQuery& query) {
  const ClusterResourceFilter filter = clusterResourceFilter(query, false);
  return database_.read([&](SqliteConnection& connection) {
    ClusterResourcePage page;
    auto count = connection.prepare("SELECT COUNT(*) FROM cluster_resources" + filter.where);
    bindAll(count, filter.params);
    count.step();
    page.total_count = count.integer(0);
    const std::int64_t limit = query.page_size > 0 ? query.page_size : -1;
    const std::int64_t offset = query.page_size > 0 ? query.page * query.page_size : 0;
    auto select = connection.prepare("SELECT " + std::string(kClusterResourceColumns) +
                                     " FROM cluster_resources" + filter.where +
                                     " ORDER BY kind, namespace, name, id LIMIT " +
                                     std::to_string(limit) + " OFFSET " + std::to_string(offset));
    bindAll(select, filter.params);
    while (select.step()) page.resources.push_back(readRow(select));
    return page;
  });
}

ClusterResourceSummary SqliteClusterResources::summary(const ClusterResourceQuery& query) {
  const ClusterResourceFilter filter = clusterResourceFilter(query, false);
  return database_.read([&](SqliteConnection& connection) {
    ClusterResourceSummary summary;
    auto kinds = connection.prepare("SELECT kind, COUNT(*) FROM cluster_resources" + filter.where +
                                    " GROUP BY kind ORDER BY kind");
    bindAll(kinds, filter.params);
    while (kinds.step()) {
      summary.kinds.push_back({std::string(kinds.text(0)), kinds.integer(1)});
      summary.total_count += kinds.integer(1);
    }
    auto namespaces =
        connection.prepare("SELECT DISTINCT namespace FROM cluster_resources" + filter.where +
                           std::string(filter.where.empty() ? " WHERE" : " AND") +
                           " namespace <> '' ORDER BY namespace");
    bindAll(namespaces, filter.params);
    while (namespaces.step()) summary.namespaces.emplace_back(namespaces.text(0));
    return summary;
  });
}

std::optional<ClusterResource> SqliteClusterResources::find(const Uuid& id) {
  return database_.read([&](SqliteConnection& connection) -> std::optional<ClusterResource> {
    auto statement = connection.prepare("SELECT " + std::string(kClusterResourceColumns) +
                                        " FROM cluster_resources WHERE id = ?1");
    statement.bind(1, id.toString());
    if (!statement.step()) return std::nullopt;
    return readRow(statement);
  });
}

bool SqliteClusterResources::remove(const Uuid& id) {
  bool removed = false;
  database_.write([&](SqliteConnection& connection) {
    connection.prepare("DELETE FROM cluster_resources WHERE id = ?1").bind(1, id.toString()).step();
    removed = connection.changes() > 0;
  });
  return removed;
}

std::int64_t SqliteClusterResources::removeCluster(const Uuid& cluster_id) {
  std::int64_t removed = 0;
  database_.write([&](SqliteConnection& connection) {
    connection.prepare("DELETE FROM cluster_resources WHERE cluster_id = ?1")
        .bind(1, cluster_id.toString())
        .step();
    removed = connection.changes();
  });
  return removed;
}

}  // namespace meshery::store
