#include "postgres_store.hpp"

#include <algorithm>

#include "backends.hpp"
#include "meshery/core/error.hpp"

namespace meshery::store {
namespace {

/// Every table of the current schema but the migration history.
std::vector<std::string> domainTables(pqxx::transaction_base& transaction) {
  auto result = transaction.exec(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
      "AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'");
  std::vector<std::string> tables;
  for (const auto& row : result) tables.push_back(row[0].as<std::string>());
  std::sort(tables.begin(), tables.end());
  return tables;
}

}  // namespace

PostgresStore::PostgresStore(const std::string& url) : database_(url) {}

void PostgresStore::ping() {
  try {
    database_.read([](pqxx::read_transaction& transaction) { transaction.exec("SELECT 1"); });
  } catch (const Error& error) {
    throw Error(ErrorCode::kUnavailable,
                "PostgreSQL at " + database_.pool().server() + " does not answer",
                error.cause().empty() ? error.message() : error.cause(),
                "check that the PostgreSQL server is running and reachable");
  }
}

std::vector<TableCount> PostgresStore::tableCounts() {
  return database_.read([](pqxx::read_transaction& transaction) {
    std::vector<TableCount> counts;
    for (const std::string& table : domainTables(transaction)) {
      auto result = transaction.exec("SELECT count(*) FROM " + transaction.quote_name(table));
      counts.push_back({table, result[0][0].as<std::int64_t>()});
    }
    return counts;
  });
}

void PostgresStore::reset() {
  database_.write([](pqxx::work& transaction) {
    std::string tables;
    for (const std::string& table : domainTables(transaction)) {
      tables += (tables.empty() ? "" : ", ") + transaction.quote_name(table);
    }
    // One TRUNCATE of all tables at once satisfies the foreign keys between them.
    if (!tables.empty()) transaction.exec("TRUNCATE " + tables);
  });
}

int PostgresStore::schemaVersion() {
  return database_.read([](pqxx::read_transaction& transaction) {
    return transaction.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migrations")[0][0]
        .as<int>();
  });
}

StoreStats PostgresStore::stats() {
  const StoreCounters& counters = database_.counters();
  StoreStats stats;
  stats.backend = "postgres";
  stats.reads = counters.reads.load();
  stats.writes = counters.writes.load();
  stats.failures = counters.failures.load();
  stats.connections = database_.pool().connections();
  return stats;
}

std::unique_ptr<Store> openPostgresStore(const std::string& url) {
  return std::make_unique<PostgresStore>(url);
}

}  // namespace meshery::store
