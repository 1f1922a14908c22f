#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <utility>

namespace meshery::store {

/// SQLITE_BUSY / SQLITE_LOCKED inside the SQLite backend. The retry loop
/// below catches it; it never leaves the library.
class SqliteBusy : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// How long one statement waits for a lock inside SQLite's busy handler.
inline constexpr std::chrono::milliseconds kBusyTimeout{5000};
/// How long a whole operation is retried before giving up with kUnavailable.
inline constexpr std::chrono::seconds kBusyGiveUp{60};

/// State of a connection's busy handler: counts every wait in `retries`.
struct BusyWait {
  std::atomic<std::uint64_t>* retries = nullptr;
  std::chrono::steady_clock::time_point started{};
};

/// The sqlite3_busy_handler callback: backs off 1, 2, 4 … 50 ms per attempt
/// until kBusyTimeout has passed (it replaces sqlite3_busy_timeout, which
/// cannot count).
int waitWhileBusy(void* busy_wait, int attempt);

/// Sleeps before retry `round` of an operation that met SqliteBusy and
/// counts it; throws Error(kUnavailable) naming `path` once kBusyGiveUp has
/// passed since `started`.
void backOffAfterBusy(int round, std::chrono::steady_clock::time_point started,
                      std::atomic<std::uint64_t>& retries, const std::filesystem::path& path);

/// Runs `attempt` (a whole transaction) again after each SqliteBusy.
template <class Attempt>
auto retryWhileBusy(Attempt&& attempt, std::atomic<std::uint64_t>& retries,
                    const std::filesystem::path& path) {
  auto started = std::chrono::steady_clock::now();
  for (int round = 0;; ++round) {
    try {
      return std::forward<Attempt>(attempt)();
    } catch (const SqliteBusy&) {
      backOffAfterBusy(round, started, retries, path);
    }
  }
}

}  // namespace meshery::store
