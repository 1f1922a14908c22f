#pragma once

#include <string>

#include "meshery/store/store.hpp"
#include "postgres_database.hpp"
#include "postgres_designs.hpp"
#include "postgres_registry.hpp"
#include "postgres_cluster_resources.hpp"
#include "postgres_repositories.hpp"

namespace meshery::store {

/// The scale-out store: one PostgreSQL database shared by server replicas.
/// Thread-safe.
class PostgresStore final : public Store {
 public:
  /// See PostgresDatabase for what opening does and throws.
  explicit PostgresStore(const std::string& url);

  [[nodiscard]] std::string_view backend() const override { return "postgres"; }
  void ping() override;
  std::vector<TableCount> tableCounts() override;
  void reset() override;
  int schemaVersion() override;
  StoreStats stats() override;

  OrganizationRepository& organizations() override { return organizations_; }
  UserRepository& users() override { return users_; }
  PreferenceRepository& preferences() override { return preferences_; }
  RegistryRepository& registry() override { return registry_; }
  DesignRepository& designs() override { return designs_; }
  ConnectionRepository& connections() override { return connections_; }
  ClusterResourceRepository& clusterResources() override { return cluster_resources_; }

 private:
  PostgresDatabase database_;
  PostgresOrganizations organizations_{database_};
  PostgresUsers users_{database_};
  PostgresPreferences preferences_{database_};
  PostgresRegistry registry_{database_};
  PostgresDesigns designs_{database_};
  PostgresConnections connections_{database_};
  PostgresClusterResources cluster_resources_{database_};
};

}  // namespace meshery::store
