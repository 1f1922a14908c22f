#pragma once

#include "meshery/store/connection_repository.hpp"
#include "meshery/store/store.hpp"
#include "postgres_database.hpp"

namespace meshery::store {

/// Organisations in PostgreSQL. Thread-safe (through PostgresDatabase).
class PostgresOrganizations final : public OrganizationRepository {
 public:
  explicit PostgresOrganizations(PostgresDatabase& database) : database_(database) {}
  std::optional<Organization> find(const Uuid& id) override;
  void upsert(const Organization& organization) override;
  std::vector<Organization> list() override;

 private:
  PostgresDatabase& database_;
};

/// Users in PostgreSQL. Thread-safe (through PostgresDatabase).
class PostgresUsers final : public UserRepository {
 public:
  explicit PostgresUsers(PostgresDatabase& database) : database_(database) {}
  std::optional<User> find(const Uuid& id) override;
  void upsert(const User& user) override;
  std::vector<User> list() override;

 private:
  PostgresDatabase& database_;
};

/// User preferences in PostgreSQL, one jsonb object per user. Thread-safe.
class PostgresPreferences final : public PreferenceRepository {
 public:
  explicit PostgresPreferences(PostgresDatabase& database) : database_(database) {}
  nlohmann::json get(const Uuid& user_id) override;
  void put(const Uuid& user_id, const nlohmann::json& value) override;
  nlohmann::json merge(const Uuid& user_id, const nlohmann::json& patch) override;

 private:
  PostgresDatabase& database_;
};

/// Connections in PostgreSQL. Thread-safe.
class PostgresConnections final : public ConnectionRepository {
 public:
  explicit PostgresConnections(PostgresDatabase& database) : database_(database) {}
  std::optional<Connection> find(const Uuid& id) override;
  std::optional<Connection> findByName(const Uuid& owner_id, std::string_view kind,
                                       std::string_view name) override;
  void upsert(const Connection& connection) override;
  ConnectionPage list(const ConnectionQuery& query) override;
  bool remove(const Uuid& id) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace meshery::store
