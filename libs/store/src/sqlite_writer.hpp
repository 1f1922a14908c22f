#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>

#include "sqlite_connection.hpp"
#include "store_counters.hpp"

namespace meshery::store {

/// The one connection that writes, owned by one thread fed by a queue. Each
/// write runs in its own BEGIN IMMEDIATE transaction, retried as a whole while
/// the file is busy; the caller blocks until its write is done and gets its
/// result or exception. Thread-safe. The destructor finishes queued writes,
/// then joins the thread.
class SqliteWriter {
 public:
  SqliteWriter(std::unique_ptr<SqliteConnection> connection, StoreCounters& counters);
  ~SqliteWriter();
  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;

  /// Runs `change(SqliteConnection&)` on the writer thread in a transaction
  /// and returns its result. `change` may run more than once (busy retries)
  /// and must not call write() itself.
  template <class Change>
  auto write(Change&& change) -> std::invoke_result_t<Change&, SqliteConnection&>;

 private:
  /// A queued write. It lives in the caller's frame; the caller waits in
  /// wait() until the writer thread has called finish(), its last access.
  class Task {
   public:
    virtual void run(SqliteConnection& connection) = 0;
    void finish(std::exception_ptr failure);
    /// Blocks until finish(); rethrows the failure, if any, in this thread.
    void wait();

   protected:
    ~Task() = default;

   private:
    std::mutex mutex_;
    std::condition_variable finished_;
    bool done_ = false;
    std::exception_ptr failure_;
  };

  template <class Change, class Result>
  class TaskFor;

  void enqueue(Task& task);
  void serve();
  void execute(Task& task);
  /// Checkpoints once the log is large: at SQLite's usual size when no
  /// write waits, at a larger one when writes keep coming.
  void checkpointIfDue(bool idle);

  std::unique_ptr<SqliteConnection> connection_;
  StoreCounters& counters_;
  std::mutex mutex_;
  std::condition_variable queued_;
  std::deque<Task*> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

template <class Change, class Result>
class SqliteWriter::TaskFor final : public Task {
 public:
  explicit TaskFor(Change& change) : change_(change) {}

  void run(SqliteConnection& connection) override {
    if constexpr (std::is_void_v<Result>) {
      change_(connection);
    } else {
      result_.reset();
      result_.emplace(change_(connection));
    }
  }

  Result take() {
    if constexpr (!std::is_void_v<Result>) return std::move(*result_);
  }

 private:
  struct Nothing {};
  Change& change_;
  std::conditional_t<std::is_void_v<Result>, Nothing, std::optional<Result>> result_;
};

template <class Change>
auto SqliteWriter::write(Change&& change) -> std::invoke_result_t<Change&, SqliteConnection&> {
  using Result = std::invoke_result_t<Change&, SqliteConnection&>;
  TaskFor<std::remove_reference_t<Change>, Result> task(change);
  enqueue(task);
  task.wait();
  return task.take();
}

}  // namespace meshery::store
