#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace meshery::http {

/// Request counters and latency histograms per route, plus collectors that
/// other parts (the store) add, rendered in the Prometheus text format 0.0.4.
/// Thread-safe.
class Metrics {
 public:
  /// Upper bounds (seconds) of the latency histogram buckets.
  static constexpr std::array<double, 12> kLatencyBuckets = {
      0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 5.0};

  /// Records one finished request. `route` is the route pattern ("" when none matched).
  void observe(std::string_view method, std::string_view route, int status,
               std::chrono::nanoseconds latency);
  /// Adds text appended to every rendering (must be valid exposition format).
  void addCollector(std::function<void(std::string& out)> collector);
  /// The whole exposition, e.g. for GET /metrics.
  [[nodiscard]] std::string render() const;

 private:
  struct Series {
    std::uint64_t count = 0;
    double sum_seconds = 0;
    std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};
  };
  /// Hashes std::string and std::string_view alike, so lookups need no key copy.
  struct KeyHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  template <typename Value>
  using Table = std::unordered_map<std::string, Value, KeyHash, std::equal_to<>>;

  mutable std::mutex mutex_;
  Table<std::uint64_t> requests_;  // "method\x1froute\x1fstatus"
  Table<Series> latency_;          // "method\x1froute"
  std::vector<std::function<void(std::string&)>> collectors_;
};

}  // namespace meshery::http
