#pragma once

#include "meshery/store/cluster_resource_repository.hpp"
#include "postgres_database.hpp"

namespace meshery::store {

/// Discovered cluster objects in PostgreSQL. Thread-safe.
class PostgresClusterResources final : public ClusterResourceRepository {
 public:
  explicit PostgresClusterResources(PostgresDatabase& database) : database_(database) {}
  void apply(const std::vector<ClusterResourceChange>& changes) override;
  std::vector<Uuid> replaceKind(const Uuid& cluster_id, std::string_view api_version,
                                std::string_view kind,
                                const std::vector<ClusterResource>& items) override;
  ClusterResourcePage list(const ClusterResourceQuery& query) override;
  ClusterResourceSummary summary(const ClusterResourceQuery& query) override;
  std::optional<ClusterResource> find(const Uuid& id) override;
  bool remove(const Uuid& id) override;
  std::int64_t removeCluster(const Uuid& cluster_id) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace meshery::store
