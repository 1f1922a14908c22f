#pragma once

#include <pqxx/pqxx>

#include "migrations.hpp"

namespace meshery::store {

/// schema_migrations on PostgreSQL. Every call holds a transaction-scoped
/// advisory lock, so replicas starting together migrate once.
class PostgresMigrationHistory final : public MigrationHistory {
 public:
  explicit PostgresMigrationHistory(pqxx::connection& connection) : connection_(connection) {}
  void createTable() override;
  int newestVersion() override;
  bool applyOnce(const Migration& migration) override;

 private:
  pqxx::connection& connection_;
};

}  // namespace meshery::store
