#include "sqlite_store.hpp"

#include <algorithm>
#include <string>

#include "backends.hpp"
#include "entity_text.hpp"
#include "meshery/core/error.hpp"

namespace meshery::store {
namespace {

/// Every table but SQLite's own and the migration history.
std::vector<std::string> domainTables(SqliteConnection& connection) {
  auto statement = connection.prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
      "ESCAPE '\\' AND name <> 'schema_migrations' ORDER BY name");
  std::vector<std::string> tables;
  while (statement.step()) tables.emplace_back(statement.text(0));
  return tables;
}

}  // namespace

SqliteStore::SqliteStore(const std::filesystem::path& path) : database_(path) {}

void SqliteStore::ping() {
  try {
    database_.read([](SqliteConnection& connection) { connection.prepare("SELECT 1").step(); });
  } catch (const Error& error) {
    throw Error(ErrorCode::kUnavailable,
                "the SQLite database " + database_.path().string() + " does not answer",
                error.cause().empty() ? error.message() : error.cause(),
                "check that the file and its directory still exist and the disk is not full");
  }
}

std::vector<TableCount> SqliteStore::tableCounts() {
  auto counts = database_.read([](SqliteConnection& connection) {
    std::vector<TableCount> result;
    for (const std::string& table : domainTables(connection)) {
      auto statement = connection.prepare("SELECT COUNT(*) FROM " + quoteIdentifier(table));
      statement.step();
      result.push_back({table, statement.integer(0)});
    }
    return result;
  });
  std::sort(counts.begin(), counts.end(),
            [](const TableCount& a, const TableCount& b) { return a.name < b.name; });
  return counts;
}

void SqliteStore::reset() {
  database_.write([](SqliteConnection& connection) {
    // Foreign keys are checked at COMMIT, when every referencing row is gone too.
    connection.exec("PRAGMA defer_foreign_keys = ON");
    for (const std::string& table : domainTables(connection)) {
      connection.exec("DELETE FROM " + quoteIdentifier(table));
    }
  });
}

int SqliteStore::schemaVersion() {
  return database_.read([](SqliteConnection& connection) {
    auto statement = connection.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
    statement.step();
    return static_cast<int>(statement.integer(0));
  });
}

StoreStats SqliteStore::stats() {
  const StoreCounters& counters = database_.counters();
  StoreStats stats;
  stats.backend = "sqlite";
  stats.reads = counters.reads.load();
  stats.writes = counters.writes.load();
  stats.failures = counters.failures.load();
  stats.busy_retries = counters.busy_retries.load();
  stats.write_queue_depth = counters.write_queue_depth.load();
  stats.connections = database_.connections();
  return stats;
}

std::unique_ptr<Store> openSqliteStore(const std::filesystem::path& path) {
  return std::make_unique<SqliteStore>(path);
}

}  // namespace meshery::store
