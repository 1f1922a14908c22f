#pragma once

#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "sqlite_connection.hpp"
#include "store_counters.hpp"

namespace meshery::store {

/// A fixed pool of query_only connections. WAL lets them read while the
/// writer writes; each read runs in its own (snapshot) transaction.
/// Thread-safe; a caller waits when every connection is lent out.
class SqliteReaders {
 public:
  /// Opens `size` connections to an existing database.
  SqliteReaders(const std::filesystem::path& path, std::size_t size, StoreCounters& counters);

  /// Runs `query(SqliteConnection&)` in a read transaction, retried while busy.
  template <class Query>
  auto read(Query&& query);

  [[nodiscard]] std::size_t size() const { return all_.size(); }

 private:
  /// Lends one connection for the lifetime of the lease.
  class Lease {
   public:
    Lease(SqliteReaders& pool, SqliteConnection& connection)
        : pool_(pool), connection_(connection) {}
    ~Lease() { pool_.giveBack(connection_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    SqliteConnection& connection() { return connection_; }

   private:
    SqliteReaders& pool_;
    SqliteConnection& connection_;
  };

  SqliteConnection& take();
  void giveBack(SqliteConnection& connection);

  StoreCounters& counters_;
  std::filesystem::path path_;
  std::vector<std::unique_ptr<SqliteConnection>> all_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<SqliteConnection*> idle_;
};

template <class Query>
auto SqliteReaders::read(Query&& query) {
  Lease lease(*this, take());
  SqliteConnection& connection = lease.connection();
  return retryWhileBusy(
      [&] { return connection.transaction(false, [&] { return query(connection); }); },
      counters_.busy_retries, path_);
}

}  // namespace meshery::store
