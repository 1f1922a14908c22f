#pragma once

#include <filesystem>

#include "meshery/store/store.hpp"
#include "sqlite_database.hpp"
#include "sqlite_designs.hpp"
#include "sqlite_registry.hpp"
#include "sqlite_cluster_resources.hpp"
#include "sqlite_repositories.hpp"

namespace meshery::store {

/// The embedded store: one SQLite file in WAL mode. Thread-safe.
class SqliteStore final : public Store {
 public:
  /// See SqliteDatabase for what opening does and throws.
  explicit SqliteStore(const std::filesystem::path& path);

  [[nodiscard]] std::string_view backend() const override { return "sqlite"; }
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
  SqliteDatabase database_;
  SqliteOrganizations organizations_{database_};
  SqliteUsers users_{database_};
  SqlitePreferences preferences_{database_};
  SqliteRegistry registry_{database_};
  SqliteDesigns designs_{database_};
  SqliteConnections connections_{database_};
  SqliteClusterResources cluster_resources_{database_};
};

}  // namespace meshery::store
