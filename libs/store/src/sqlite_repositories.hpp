#pragma once

#include "meshery/store/connection_repository.hpp"
#include "meshery/store/store.hpp"
#include "sqlite_database.hpp"

namespace meshery::store {

/// Organisations in SQLite. Thread-safe (through SqliteDatabase).
class SqliteOrganizations final : public OrganizationRepository {
 public:
  explicit SqliteOrganizations(SqliteDatabase& database) : database_(database) {}
  std::optional<Organization> find(const Uuid& id) override;
  void upsert(const Organization& organization) override;
  std::vector<Organization> list() override;

 private:
  SqliteDatabase& database_;
};

/// Users in SQLite. Thread-safe (through SqliteDatabase).
class SqliteUsers final : public UserRepository {
 public:
  explicit SqliteUsers(SqliteDatabase& database) : database_(database) {}
  std::optional<User> find(const Uuid& id) override;
  void upsert(const User& user) override;
  std::vector<User> list() override;

 private:
  SqliteDatabase& database_;
};

/// User preferences in SQLite, one JSON text per user. Thread-safe.
class SqlitePreferences final : public PreferenceRepository {
 public:
  explicit SqlitePreferences(SqliteDatabase& database) : database_(database) {}
  nlohmann::json get(const Uuid& user_id) override;
  void put(const Uuid& user_id, const nlohmann::json& value) override;
  nlohmann::json merge(const Uuid& user_id, const nlohmann::json& patch) override;

 private:
  SqliteDatabase& database_;
};

/// Connections in SQLite. Thread-safe.
class SqliteConnections final : public ConnectionRepository {
 public:
  explicit SqliteConnections(SqliteDatabase& database) : database_(database) {}
  std::optional<Connection> find(const Uuid& id) override;
  std::optional<Connection> findByName(const Uuid& owner_id, std::string_view kind,
                                       std::string_view name) override;
  void upsert(const Connection& connection) override;
  ConnectionPage list(const ConnectionQuery& query) override;
  bool remove(const Uuid& id) override;

 private:
  SqliteDatabase& database_;
};

}  // namespace meshery::store
