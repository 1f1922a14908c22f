#include "rate_limiter.hpp"

#include <algorithm>
#include <thread>

namespace meshery::kube::detail {

RateLimiter::RateLimiter(double qps, int burst)
    : qps_(qps), burst_(std::max(1, burst)), tokens_(burst_), last_(Clock::now()) {}

void RateLimiter::acquire() {
  if (qps_ <= 0) return;  // unlimited
  std::chrono::duration<double> wait{0};
  {
    std::lock_guard lock(mutex_);
    const auto now = Clock::now();
    tokens_ = std::min(burst_, tokens_ + std::chrono::duration<double>(now - last_).count() * qps_);
    last_ = now;
    tokens_ -= 1;  // taken now; a debt is waited off below
    if (tokens_ < 0) wait = std::chrono::duration<double>(-tokens_ / qps_);
  }
  if (wait.count() > 0) std::this_thread::sleep_for(wait);
}

}  // namespace meshery::kube::detail
