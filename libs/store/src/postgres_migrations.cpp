#include "postgres_migrations.hpp"

#include <string>

namespace meshery::store {
namespace {

/// The advisory lock key of Meshery migrations ("meshery1" in ASCII).
constexpr const char* kLockMigrations = "SELECT pg_advisory_xact_lock(7882825952909589041)";

}  // namespace

void PostgresMigrationHistory::createTable() {
  pqxx::work transaction(connection_);
  transaction.exec(kLockMigrations);
  transaction.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " version integer PRIMARY KEY,"
      " name text NOT NULL,"
      " applied_at timestamptz NOT NULL DEFAULT now())");
  transaction.commit();
}

int PostgresMigrationHistory::newestVersion() {
  pqxx::read_transaction transaction(connection_);
  auto result = transaction.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  return result[0][0].as<int>();
}

bool PostgresMigrationHistory::applyOnce(const Migration& migration) {
  pqxx::work transaction(connection_);
  transaction.exec(kLockMigrations);
  auto recorded = transaction.exec_params("SELECT 1 FROM schema_migrations WHERE version = $1",
                                          migration.version);
  if (!recorded.empty()) return false;
  transaction.exec(std::string(migration.sql));
  transaction.exec_params("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)",
                          migration.version, std::string(migration.name));
  transaction.commit();
  return true;
}

}  // namespace meshery::store
