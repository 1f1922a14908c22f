#include "meshery/core/disposal.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>
#include <utility>

namespace meshery {
namespace {

// Counts its live instances and notes the thread that destroyed the last one.
struct Tracked {
  explicit Tracked(std::atomic<int>& live) : live_(&live) { ++*live_; }
  Tracked(Tracked&& other) noexcept : live_(std::exchange(other.live_, nullptr)) {}
  Tracked(const Tracked&) = delete;
  ~Tracked() {
    if (live_ != nullptr) --*live_;
  }
  std::atomic<int>* live_;
};

bool waitUntilZero(const std::atomic<int>& live) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (live.load() != 0 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return live.load() == 0;
}

TEST(Disposal, DestroysWhatItIsGivenOnAnotherThread) {
  std::atomic<int> live = 0;
  std::atomic<std::thread::id> destroyed_on;
  // Records the thread that destroys the probe still owning its Tracked
  // (before Tracked's destructor lowers the count).
  struct Probe {
    Probe(Tracked owned, std::atomic<std::thread::id>* on)
        : tracked(std::move(owned)), destroyed_on(on) {}
    Probe(Probe&&) noexcept = default;
    Probe(const Probe&) = delete;
    Probe& operator=(const Probe&) = delete;
    Probe& operator=(Probe&&) = delete;
    ~Probe() {
      if (tracked.live_ != nullptr) destroyed_on->store(std::this_thread::get_id());
    }
    Tracked tracked;
    std::atomic<std::thread::id>* destroyed_on;
  };
  disposeLater(Probe(Tracked(live), &destroyed_on));
  EXPECT_TRUE(waitUntilZero(live));
  EXPECT_NE(destroyed_on.load(), std::this_thread::get_id());
}

TEST(Disposal, ABurstIsReleasedInFullWhateverTheQueueHolds) {
  std::atomic<int> live = 0;
  for (int i = 0; i < 1000; ++i) disposeLater(std::make_unique<Tracked>(live));
  EXPECT_TRUE(waitUntilZero(live));
}

}  // namespace
}  // namespace meshery
