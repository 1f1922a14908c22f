#include "sqlite_readers.hpp"

namespace meshery::store {

SqliteReaders::SqliteReaders(const std::filesystem::path& path, std::size_t size,
                             StoreCounters& counters)
    : counters_(counters), path_(path) {
  for (std::size_t i = 0; i < size; ++i) {
    all_.push_back(std::make_unique<SqliteConnection>(path, SqliteConnection::Role::kReader,
                                                      counters.busy_retries));
    idle_.push_back(all_.back().get());
  }
}

SqliteConnection& SqliteReaders::take() {
  std::unique_lock lock(mutex_);
  returned_.wait(lock, [this] { return !idle_.empty(); });
  SqliteConnection* connection = idle_.back();
  idle_.pop_back();
  return *connection;
}

void SqliteReaders::giveBack(SqliteConnection& connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(&connection);
  }
  returned_.notify_one();
}

}  // namespace meshery::store
