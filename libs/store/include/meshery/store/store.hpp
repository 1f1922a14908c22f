#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/uuid.hpp"
#include "meshery/store/cluster_resource_repository.hpp"
#include "meshery/store/connection_repository.hpp"
#include "meshery/store/design_repository.hpp"
#include "meshery/store/entity.hpp"
#include "meshery/store/registry_repository.hpp"

namespace meshery::store {

struct Organization {
  EntityMeta meta;
  std::string name;
  std::string description;
};

struct User {
  EntityMeta meta;      ///< meta.id is the user's id; owner_id == id
  std::string user_id;  ///< login name, unique
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string avatar_url;
  std::string provider;  ///< "Local", or a remote provider's name
};

/// Rows in one table, for GET /api/system/database.
struct TableCount {
  std::string name;
  std::int64_t count = 0;
};

/// Counters for /metrics. Monotonic since the store was opened.
struct StoreStats {
  std::string backend;  ///< "sqlite" or "postgres"
  std::uint64_t reads = 0;
  std::uint64_t writes = 0;
  std::uint64_t failures = 0;
  std::uint64_t busy_retries = 0;      ///< SQLite only: SQLITE_BUSY seen and retried
  std::uint64_t write_queue_depth = 0; ///< writes waiting for the writer connection
  std::uint64_t connections = 0;       ///< open connections (readers + writer / pool size)
};

class OrganizationRepository {
 public:
  virtual ~OrganizationRepository() = default;
  virtual std::optional<Organization> find(const Uuid& id) = 0;
  /// Inserts or replaces by id; created_at of an existing row is kept.
  virtual void upsert(const Organization& organization) = 0;
  virtual std::vector<Organization> list() = 0;
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<User> find(const Uuid& id) = 0;
  /// Inserts or replaces by id; created_at of an existing row is kept.
  /// Throws Error(kAlreadyExists) when another user has the same user_id.
  virtual void upsert(const User& user) = 0;
  virtual std::vector<User> list() = 0;
};

/// A user's preferences (Meshery's /api/user/prefs), one JSON object per user.
class PreferenceRepository {
 public:
  virtual ~PreferenceRepository() = default;
  /// The stored object, or an empty object when none is stored.
  virtual nlohmann::json get(const Uuid& user_id) = 0;
  /// Replaces the stored object. Precondition: `value` is a JSON object.
  virtual void put(const Uuid& user_id, const nlohmann::json& value) = 0;
  /// Applies an RFC 7386 merge patch (null removes a key) to the stored
  /// object in one transaction, so concurrent merges never lose each other's
  /// keys; returns the stored object after it. Precondition: `patch` is an object.
  virtual nlohmann::json merge(const Uuid& user_id, const nlohmann::json& patch) = 0;
};

/// The storage of the server: SQLite (embedded default) or PostgreSQL, behind
/// one interface that speaks the domain. All methods are blocking and
/// thread-safe; call them from the blocking pool, never from an I/O thread.
/// Failures throw meshery::Error (kStoreFailure, kUnavailable, kAlreadyExists…);
/// "database is locked" never reaches a caller.
class Store {
 public:
  virtual ~Store() = default;

  [[nodiscard]] virtual std::string_view backend() const = 0;
  /// Throws Error(kUnavailable) unless the database answers a trivial query.
  virtual void ping() = 0;
  /// Row counts of every domain table (migrations bookkeeping excluded), by name.
  virtual std::vector<TableCount> tableCounts() = 0;
  /// Deletes every row of every domain table in one transaction. The schema
  /// and migration history are kept.
  virtual void reset() = 0;
  /// The number of the newest applied migration.
  virtual int schemaVersion() = 0;
  virtual StoreStats stats() = 0;

  virtual OrganizationRepository& organizations() = 0;
  virtual UserRepository& users() = 0;
  virtual PreferenceRepository& preferences() = 0;
  virtual RegistryRepository& registry() = 0;
  virtual DesignRepository& designs() = 0;
  virtual ConnectionRepository& connections() = 0;
  virtual ClusterResourceRepository& clusterResources() = 0;
};

/// Opens (creating and migrating as needed) the store named by `url`:
/// `sqlite:PATH` (directories are created) or `postgres://user@host:port/db`
/// (also `postgresql://`). Throws Error(kInvalidConfiguration) for another
/// scheme, Error(kUnavailable) when the database cannot be reached.
std::unique_ptr<Store> openStore(const std::string& url);

}  // namespace meshery::store
