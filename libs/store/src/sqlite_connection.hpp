#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <type_traits>

#include "sqlite_busy.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace meshery::store {

/// One prepared SQLite statement of a connection (which must outlive it).
/// Errors: SqliteBusy when locked, meshery::Error otherwise.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  /// Binds parameter `index` (1-based); the text is copied.
  SqliteStatement& bind(int index, std::string_view text);
  SqliteStatement& bind(int index, std::int64_t value);
  /// Binds bytes as a BLOB (copied).
  SqliteStatement& bindBlob(int index, std::string_view bytes);
  /// Advances to the next row; false when there is none.
  bool step();
  /// Makes the statement ready to run again with new bindings.
  void reset();
  /// Column `index` (0-based) of the current row; valid until the next step().
  [[nodiscard]] std::string_view text(int index) const;
  [[nodiscard]] std::int64_t integer(int index) const;
  /// Column `index` as bytes (a BLOB, or the text's bytes).
  [[nodiscard]] std::string_view blob(int index) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* statement_ = nullptr;
};

/// One SQLite connection, used by one thread at a time. The writer has
/// WAL, synchronous=NORMAL and foreign_keys=ON; readers are query_only.
/// Both wait for locks in a counting busy handler (see sqlite_busy.hpp).
class SqliteConnection {
 public:
  enum class Role { kWriter, kReader };

  /// Opens (the writer also creates) `path`. Throws Error(kUnavailable) when
  /// the file cannot be opened or is not a SQLite database.
  SqliteConnection(const std::filesystem::path& path, Role role,
                   std::atomic<std::uint64_t>& busy_retries);
  ~SqliteConnection();
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  /// Runs one or more statements without results.
  void exec(std::string_view sql);
  [[nodiscard]] SqliteStatement prepare(std::string_view sql);
  /// Rows changed by the last INSERT/UPDATE/DELETE.
  [[nodiscard]] std::int64_t changes() const;
  /// Runs `body` between BEGIN (IMMEDIATE for writes) and COMMIT; rolls back
  /// when it throws. No retry here: callers wrap it in retryWhileBusy.
  template <class Body>
  auto transaction(bool immediate, Body&& body);

  /// Bytes in the write-ahead log after the last commit (writers only).
  [[nodiscard]] std::int64_t walBytes() const {
    return static_cast<std::int64_t>(wal_pages_) * page_size_;
  }
  /// Copies the log back into the database file where no reader needs it
  /// (a passive checkpoint); never blocks readers. The writer does this after
  /// answering its caller, rather than inside a commit as SQLite would.
  void checkpoint();

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] std::atomic<std::uint64_t>& busyRetries() const { return *busy_wait_->retries; }

 private:
  void configure(Role role);
  void rollbackQuietly() noexcept;

  std::filesystem::path path_;
  std::unique_ptr<BusyWait> busy_wait_;
  sqlite3* db_ = nullptr;
  int wal_pages_ = 0;
  int page_size_ = 4096;  ///< the database's, read when a writer opens it
};

/// Throws the exception for SQLite result `rc`: SqliteBusy when busy or
/// locked, else an Error whose code follows the failure (kAlreadyExists for
/// unique violations, kUnavailable for unreadable or non-database files,
/// kStoreFailure otherwise). `doing` says what was attempted.
[[noreturn]] void throwSqliteError(sqlite3* db, int rc, std::string_view doing);

template <class Body>
auto SqliteConnection::transaction(bool immediate, Body&& body) {
  exec(immediate ? "BEGIN IMMEDIATE" : "BEGIN");
  try {
    if constexpr (std::is_void_v<decltype(body())>) {
      body();
      exec("COMMIT");
    } else {
      auto result = body();
      exec("COMMIT");
      return result;
    }
  } catch (...) {
    rollbackQuietly();
    throw;
  }
}

}  // namespace meshery::store
