#include "sqlite_writer.hpp"

#include <utility>

#include "meshery/core/log.hpp"

namespace meshery::store {

void SqliteWriter::Task::finish(std::exception_ptr failure) {
  // Notify while holding the lock: the waiter may destroy the task as soon as
  // it can take the lock, and the exception must be handed over, not shared.
  std::lock_guard lock(mutex_);
  failure_ = std::move(failure);
  done_ = true;
  finished_.notify_one();
}

void SqliteWriter::Task::wait() {
  std::exception_ptr failure;
  {
    std::unique_lock lock(mutex_);
    finished_.wait(lock, [this] { return done_; });
    failure = std::exchange(failure_, nullptr);
  }
  if (failure) std::rethrow_exception(failure);
}

SqliteWriter::SqliteWriter(std::unique_ptr<SqliteConnection> connection, StoreCounters& counters)
    : connection_(std::move(connection)), counters_(counters), thread_([this] { serve(); }) {}

SqliteWriter::~SqliteWriter() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  queued_.notify_one();
  thread_.join();
}

void SqliteWriter::enqueue(Task& task) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(&task);
    counters_.write_queue_depth.fetch_add(1);
  }
  queued_.notify_one();
}

void SqliteWriter::serve() {
  for (;;) {
    Task* task = nullptr;
    bool idle = false;
    {
      std::unique_lock lock(mutex_);
      queued_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      task = queue_.front();
      queue_.pop_front();
      counters_.write_queue_depth.fetch_sub(1);
    }
    execute(*task);
    {
      std::lock_guard lock(mutex_);
      idle = queue_.empty();
    }
    checkpointIfDue(idle);
  }
}

void SqliteWriter::checkpointIfDue(bool idle) {
  // SQLite's own threshold when idle (1,000 pages of 4 KiB, whatever the page
  // size); under a steady stream of writes the log may grow a few times
  // larger before a write waits for a checkpoint.
  constexpr std::int64_t kIdleBytes = 1000 * 4096;
  constexpr std::int64_t kBusyBytes = 4 * kIdleBytes;
  if (connection_->walBytes() < (idle ? kIdleBytes : kBusyBytes)) return;
  try {
    connection_->checkpoint();
  } catch (const std::exception& error) {
    log::warn("write-ahead log checkpoint failed; retried after the next write",
              {{"database", connection_->path().string()}, {"error", error.what()}});
  }
}

void SqliteWriter::execute(Task& task) {
  std::exception_ptr failure;
  try {
    retryWhileBusy([&] { connection_->transaction(true, [&] { task.run(*connection_); }); },
                   counters_.busy_retries, connection_->path());
  } catch (...) {
    failure = std::current_exception();
  }
  task.finish(std::move(failure));
}

}  // namespace meshery::store
