#pragma once

#include <atomic>
#include <cstdint>
#include <exception>

namespace meshery::store {

/// The monotonic counters behind StoreStats, shared by a backend's parts.
struct StoreCounters {
  std::atomic<std::uint64_t> reads{0};
  std::atomic<std::uint64_t> writes{0};
  std::atomic<std::uint64_t> failures{0};
  std::atomic<std::uint64_t> busy_retries{0};
  std::atomic<std::uint64_t> write_queue_depth{0};
};

/// Counts one operation when it ends: in `success` when it returns, in
/// `failures` when it leaves by an exception.
class OperationCount {
 public:
  OperationCount(std::atomic<std::uint64_t>& success, std::atomic<std::uint64_t>& failures)
      : success_(success), failures_(failures), exceptions_(std::uncaught_exceptions()) {}
  ~OperationCount() {
    (std::uncaught_exceptions() > exceptions_ ? failures_ : success_).fetch_add(1);
  }
  OperationCount(const OperationCount&) = delete;
  OperationCount& operator=(const OperationCount&) = delete;

 private:
  std::atomic<std::uint64_t>& success_;
  std::atomic<std::uint64_t>& failures_;
  int exceptions_;
};

}  // namespace meshery::store
