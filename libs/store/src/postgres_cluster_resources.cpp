#include "postgres_cluster_resources.hpp"

#include <set>

#include "cluster_resource_rows.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

const std::string kUpsert =
    "INSERT INTO cluster_resources (id, cluster_id, api_version, kind, namespace, name, uid, "
    "resource_version, label_index, object, updated_at) "
    "VALUES ($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11::timestamptz) "
    "ON CONFLICT (id) DO UPDATE SET api_version = EXCLUDED.api_version, kind = EXCLUDED.kind, "
    "namespace = EXCLUDED.namespace, name = EXCLUDED.name, "
    "resource_version = EXCLUDED.resource_version, label_index = EXCLUDED.label_index, "
    "object = EXCLUDED.object, updated_at = EXCLUDED.updated_at";

const std::string kColumns =
    "id, cluster_id, api_version, kind, namespace, name, uid, resource_version, object::text, "
    "updated_at";

std::string_view text(const pqxx::field& field) { return {field.c_str(), field.size()}; }

void upsert(pqxx::work& transaction, const ClusterResource& resource) {
  transaction.exec_params(kUpsert, resource.id.toString(), resource.cluster_id.toString(),
                          resource.api_version, resource.kind, resource.namespace_, resource.name,
                          resource.uid, resource.resource_version, labelIndexOf(resource),
                          resource.object.dump(), formatTimestamp(resource.updated_at));
}

ClusterResource readRow(const pqxx::row& row) {
  return clusterResourceFromColumns(text(row[0]), text(row[1]), text(row[2]), text(row[3]),
                                    text(row[4]), text(row[5]), text(row[6]), text(row[7]),
                                    text(row[8]), text(row[9]));
}

}  // namespace

void PostgresClusterResources::apply(const std::vector<ClusterResourceChange>& changes) {
  if (changes.empty()) return;
  database_.write([&](pqxx::work& transaction) {
    for (const ClusterResourceChange& change : changes) {
      if (change.deleted) {
        transaction.exec_params("DELETE FROM cluster_resources WHERE id = $1::uuid",
                                change.resource.id.toString());
      } else {
        upsert(transaction, change.resource);
      }
    }
  });
}

std::vector<Uuid> PostgresClusterResources::replaceKind(
    const Uuid& cluster_id, std::string_view api_version, std::string_view kind,
    const std::vector<ClusterResource>& items) {
  std::vector<Uuid> deleted;
  database_.write([&](pqxx::work& transaction) {
    std::set<std::string> kept;
    for (const ClusterResource& item : items) {
      upsert(transaction, item);
      kept.insert(item.id.toString());
    }
    const pqxx::result stored = transaction.exec_params(
        "SELECT id FROM cluster_resources WHERE cluster_id = $1::uuid AND api_version = $2 AND "
        "kind = $3",
        cluster_id.toString(), std::string(api_version), std::string(kind));
    for (const auto& row : stored) {
      const std::string id(text(row[0]));
      if (kept.contains(id)) continue;
      transaction.exec_params("DELETE FROM cluster_resources WHERE id = $1::uuid", id);
      deleted.push_back(Uuid::parse(id).value_or(Uuid()));
    }
  });
  return deleted;
}

ClusterResourcePage PostgresClusterResources::list(const ClusterResourceQuery& query) {
  const ClusterResourceFilter filter = clusterResourceFilter(query, true);
  return database_.read([&](pqxx::read_transaction& transaction) {
    ClusterResourcePage page;
    const auto params = pqxx::prepare::make_dynamic_params(filter.params);
    page.total_count =
        transaction.exec_params("SELECT count(*) FROM cluster_resources" + filter.where, params)[0][0]
            .as<std::int64_t>();
    const std::string limit = query.page_size > 0 ? std::to_string(query.page_size) : "ALL";
    const std::string offset =
        std::to_string(query.page_size > 0 ? query.page * query.page_size : 0);
    for (const auto& row : transaction.exec_params(
             "SELECT " + kColumns + " FROM cluster_resources" + filter.where +
                 " ORDER BY kind COLLATE \"C\", namespace COLLATE \"C\", name COLLATE \"C\", id "
                 "LIMIT " + limit + " OFFSET " + offset,
             params)) {
      page.resources.push_back(readRow(row));
    }
    return page;
  });
}

ClusterResourceSummary PostgresClusterResources::summary(const ClusterResourceQuery& query) {
  const ClusterResourceFilter filter = clusterResourceFilter(query, true);
  return database_.read([&](pqxx::read_transaction& transaction) {
    ClusterResourceSummary summary;
    const auto params = pqxx::prepare::make_dynamic_params(filter.params);
    for (const auto& row : transaction.exec_params(
             "SELECT kind, count(*) FROM cluster_resources" + filter.where +
                 " GROUP BY kind ORDER BY kind COLLATE \"C\"",
             params)) {
      summary.kinds.push_back({std::string(text(row[0])), row[1].as<std::int64_t>()});
      summary.total_count += row[1].as<std::int64_t>();
    }
    for (const auto& row : transaction.exec_params(
             "SELECT DISTINCT namespace COLLATE \"C\" FROM cluster_resources" + filter.where +
                 (filter.where.empty() ? " WHERE" : " AND") + " namespace <> '' ORDER BY 1",
             params)) {
      summary.namespaces.emplace_back(text(row[0]));
    }
    return summary;
  });
}

std::optional<ClusterResource> PostgresClusterResources::find(const Uuid& id) {
  return database_.read([&](pqxx::read_transaction& transaction) -> std::optional<ClusterResource> {
    const pqxx::result result = transaction.exec_params(
        "SELECT " + kColumns + " FROM cluster_resources WHERE id = $1::uuid", id.toString());
    if (result.empty()) return std::nullopt;
    return readRow(result[0]);
  });
}

bool PostgresClusterResources::remove(const Uuid& id) {
  bool removed = false;
  database_.write([&](pqxx::work& transaction) {
    removed = transaction.exec_params("DELETE FROM cluster_resources WHERE id = $1::uuid",
                                      id.toString())
                  .affected_rows() > 0;
  });
  return removed;
}

std::int64_t PostgresClusterResources::removeCluster(const Uuid& cluster_id) {
  std::int64_t removed = 0;
  database_.write([&](pqxx::work& transaction) {
    removed = static_cast<std::int64_t>(
        transaction.exec_params("DELETE FROM cluster_resources WHERE cluster_id = $1::uuid",
                                cluster_id.toString())
            .affected_rows());
  });
  return removed;
}

}  // namespace meshery::store
