#pragma once

// Private to libs/kube: client-side request rate limits (a token bucket:
// `burst` requests at once, then `qps` per second), as client-go's.

#include <chrono>
#include <mutex>

namespace meshery::kube::detail {

class RateLimiter {
 public:
  RateLimiter(double qps, int burst);
  /// Waits until a request may go.
  void acquire();

 private:
  using Clock = std::chrono::steady_clock;
  std::mutex mutex_;
  double qps_;
  double burst_;
  double tokens_;
  Clock::time_point last_;
};

}  // namespace meshery::kube::detail
