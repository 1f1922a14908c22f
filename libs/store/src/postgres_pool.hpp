#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <pqxx/pqxx>
#include <string>
#include <utility>
#include <vector>

#include "postgres_error.hpp"

namespace meshery::store {

/// A small pool of libpqxx connections to one database, grown on demand up
/// to `size`. Thread-safe; a caller waits when all connections are lent out.
/// Sessions use UTC and ISO dates so timestamps read back in one format.
class PostgresPool {
 public:
  /// Connects once to check the server. Throws Error(kUnavailable) with cause
  /// and remedy when it cannot be reached.
  PostgresPool(const std::string& url, std::size_t size);
  ~PostgresPool();
  PostgresPool(const PostgresPool&) = delete;
  PostgresPool& operator=(const PostgresPool&) = delete;

  /// Runs `work(pqxx::connection&)` on a pooled connection; every failure
  /// becomes a meshery::Error. A connection found broken is dropped and the
  /// work retried once on a new one (a server restart leaves stale ones).
  template <class Work>
  auto run(Work&& work);

  /// The URL without its password, for messages.
  [[nodiscard]] const std::string& server() const { return server_; }
  /// Connections open now (lent out or idle).
  [[nodiscard]] std::size_t connections() const;

 private:
  /// One connection lent out; goes back to the pool unless discarded.
  class Lease {
   public:
    Lease(PostgresPool& pool, std::unique_ptr<pqxx::connection> connection)
        : pool_(pool), connection_(std::move(connection)) {}
    ~Lease() { pool_.giveBack(std::move(connection_), discarded_); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    pqxx::connection& connection() { return *connection_; }
    void discard() { discarded_ = true; }

   private:
    PostgresPool& pool_;
    std::unique_ptr<pqxx::connection> connection_;
    bool discarded_ = false;
  };

  Lease acquire();
  std::unique_ptr<pqxx::connection> connect();
  void giveBack(std::unique_ptr<pqxx::connection> connection, bool discarded);

  std::string url_;
  std::string server_;
  std::size_t size_;
  mutable std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<pqxx::connection>> idle_;
  std::size_t open_ = 0;
};

template <class Work>
auto PostgresPool::run(Work&& work) {
  for (int attempt = 0;; ++attempt) {
    try {
      Lease lease = acquire();
      try {
        return work(lease.connection());
      } catch (const pqxx::broken_connection&) {
        lease.discard();
        throw;
      }
    } catch (const pqxx::broken_connection&) {
      if (attempt == 0) continue;
      rethrowPostgresError(server_);
    } catch (...) {
      rethrowPostgresError(server_);
    }
  }
}

/// Runs `work(Transaction&)` in a new `Transaction` on `connection` and
/// commits it; an exception leaves it rolled back.
template <class Transaction, class Work>
auto inTransaction(pqxx::connection& connection, Work& work) {
  Transaction transaction(connection);
  if constexpr (std::is_void_v<decltype(work(transaction))>) {
    work(transaction);
    transaction.commit();
  } else {
    auto result = work(transaction);
    transaction.commit();
    return result;
  }
}

}  // namespace meshery::store
