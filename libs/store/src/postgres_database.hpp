#pragma once

#include <string>
#include <utility>

#include "postgres_pool.hpp"
#include "store_counters.hpp"

namespace meshery::store {

/// An open, migrated PostgreSQL database: the pool and the counters. Reads
/// and writes run in their own transaction and are counted. Thread-safe.
class PostgresDatabase {
 public:
  static constexpr std::size_t kConnections = 4;

  /// Connects and applies pending migrations. Throws Error(kUnavailable)
  /// when the server cannot be reached.
  explicit PostgresDatabase(const std::string& url);

  /// Runs `query(pqxx::read_transaction&)` and returns its result.
  template <class Query>
  auto read(Query&& query) {
    OperationCount count(counters_.reads, counters_.failures);
    return pool_.run([&](pqxx::connection& connection) {
      return inTransaction<pqxx::read_transaction>(connection, query);
    });
  }

  /// Runs `change(pqxx::work&)`, commits, and returns its result.
  template <class Change>
  auto write(Change&& change) {
    OperationCount count(counters_.writes, counters_.failures);
    return pool_.run([&](pqxx::connection& connection) {
      return inTransaction<pqxx::work>(connection, change);
    });
  }

  [[nodiscard]] PostgresPool& pool() { return pool_; }
  [[nodiscard]] StoreCounters& counters() { return counters_; }

 private:
  PostgresPool pool_;
  StoreCounters counters_;
};

}  // namespace meshery::store
