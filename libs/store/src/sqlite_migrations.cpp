#include "sqlite_migrations.hpp"

#include <chrono>

#include "timestamp_text.hpp"

namespace meshery::store {

void SqliteMigrationHistory::createTable() {
  retryWhileBusy(
      [&] {
        connection_.exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations ("
            " version INTEGER PRIMARY KEY NOT NULL,"
            " name TEXT NOT NULL,"
            " applied_at TEXT NOT NULL)");
      },
      connection_.busyRetries(), connection_.path());
}

int SqliteMigrationHistory::newestVersion() {
  return retryWhileBusy(
      [&] {
        auto statement =
            connection_.prepare("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        statement.step();
        return static_cast<int>(statement.integer(0));
      },
      connection_.busyRetries(), connection_.path());
}

bool SqliteMigrationHistory::applyOnce(const Migration& migration) {
  auto apply = [&] {
    auto recorded = connection_.prepare("SELECT 1 FROM schema_migrations WHERE version = ?1");
    recorded.bind(1, std::int64_t{migration.version});
    if (recorded.step()) return false;
    connection_.exec(migration.sql);
    connection_
        .prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?1, ?2, ?3)")
        .bind(1, std::int64_t{migration.version})
        .bind(2, migration.name)
        .bind(3, formatTimestamp(std::chrono::system_clock::now()))
        .step();
    return true;
  };
  return retryWhileBusy([&] { return connection_.transaction(true, apply); },
                        connection_.busyRetries(), connection_.path());
}

}  // namespace meshery::store
