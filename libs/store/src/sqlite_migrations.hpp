#pragma once

#include "migrations.hpp"
#include "sqlite_connection.hpp"

namespace meshery::store {

/// schema_migrations on a SQLite connection that no other thread uses yet
/// (the writer, before its thread starts). Each call retries while busy, so
/// two processes opening the same new file migrate it once.
class SqliteMigrationHistory final : public MigrationHistory {
 public:
  explicit SqliteMigrationHistory(SqliteConnection& connection) : connection_(connection) {}
  void createTable() override;
  int newestVersion() override;
  bool applyOnce(const Migration& migration) override;

 private:
  SqliteConnection& connection_;
};

}  // namespace meshery::store
