#include "sqlite_busy.hpp"

#include <algorithm>
#include <thread>

#include "meshery/core/error.hpp"

namespace meshery::store {
namespace {

std::chrono::milliseconds backOff(int attempt) {
  return std::min(std::chrono::milliseconds(1 << std::clamp(attempt, 0, 6)),
                  std::chrono::milliseconds(50));
}

}  // namespace

int waitWhileBusy(void* busy_wait, int attempt) {
  auto* wait = static_cast<BusyWait*>(busy_wait);
  auto now = std::chrono::steady_clock::now();
  if (attempt == 0) wait->started = now;
  if (now - wait->started >= kBusyTimeout) return 0;
  wait->retries->fetch_add(1);
  std::this_thread::sleep_for(backOff(attempt));
  return 1;
}

void backOffAfterBusy(int round, std::chrono::steady_clock::time_point started,
                      std::atomic<std::uint64_t>& retries, const std::filesystem::path& path) {
  if (std::chrono::steady_clock::now() - started >= kBusyGiveUp) {
    throw Error(ErrorCode::kUnavailable,
                "the SQLite database " + path.string() + " stayed locked for " +
                    std::to_string(kBusyGiveUp.count()) + " s",
                "another process holds a long write transaction on the same file",
                "let only one meshery-server use this file; for several replicas use PostgreSQL");
  }
  retries.fetch_add(1);
  std::this_thread::sleep_for(backOff(round));
}

}  // namespace meshery::store
