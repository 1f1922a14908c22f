#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <utility>

#include "sqlite_readers.hpp"
#include "sqlite_writer.hpp"
#include "store_counters.hpp"

namespace meshery::store {

/// An open, migrated SQLite database: the writer thread, the reader pool and
/// the counters. Reads and writes are counted here. Thread-safe.
class SqliteDatabase {
 public:
  /// Readers in the pool; with the writer, the connections a store holds.
  static constexpr std::size_t kReaders = 4;

  /// Creates the parent directories and the file as needed, enables WAL and
  /// applies pending migrations. Throws Error(kUnavailable) when the file
  /// cannot be created or opened, or is not a SQLite database.
  explicit SqliteDatabase(const std::filesystem::path& path);

  /// Runs `query(SqliteConnection&)` on a reader, in a read transaction.
  template <class Query>
  auto read(Query&& query) {
    OperationCount count(counters_.reads, counters_.failures);
    return readers_->read(std::forward<Query>(query));
  }

  /// Runs `change(SqliteConnection&)` on the writer, in a write transaction.
  template <class Change>
  auto write(Change&& change) {
    OperationCount count(counters_.writes, counters_.failures);
    return writer_->write(std::forward<Change>(change));
  }

  [[nodiscard]] const std::filesystem::path& path() const { return path_; }
  [[nodiscard]] StoreCounters& counters() { return counters_; }
  [[nodiscard]] std::size_t connections() const { return readers_->size() + 1; }

 private:
  std::filesystem::path path_;
  StoreCounters counters_;
  std::unique_ptr<SqliteWriter> writer_;
  std::unique_ptr<SqliteReaders> readers_;
};

}  // namespace meshery::store
