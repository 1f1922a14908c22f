#pragma once

// The load generator's latency histogram: log-linear buckets with 3
// significant decimal digits over 100 ns … 1 h (values in nanoseconds), as
// HdrHistogram lays them out. Every recorded value lands in a bucket no
// wider than 1/1000 of it, so percentiles are within 0.1 %; count, min,
// max, sum and standard deviation are exact. Histograms of different threads or processes
// merge exactly (counts add bucket by bucket), and encode() is lossless.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::perf {

class Histogram {
 public:
  static constexpr std::int64_t kLowest = 100;                    ///< 100 ns
  static constexpr std::int64_t kHighest = 3'600'000'000'000;     ///< 1 h
  static constexpr int kSignificantDigits = 3;

  Histogram();

  /// Records `value` (ns) `count` times. A value below 0 counts as 0; above
  /// kHighest it is kept as kHighest and counted in clamped().
  void record(std::int64_t value, std::int64_t count = 1);
  /// Adds every count of `other` (exact: as if its values were recorded here).
  void merge(const Histogram& other);
  void reset();

  [[nodiscard]] std::int64_t count() const { return total_; }
  [[nodiscard]] std::int64_t min() const { return total_ == 0 ? 0 : min_; }
  [[nodiscard]] std::int64_t max() const { return max_; }
  /// Exact sum of the values recorded (clamped ones as kHighest).
  [[nodiscard]] double sum() const { return sum_; }
  [[nodiscard]] double mean() const;
  /// Values recorded above kHighest.
  [[nodiscard]] std::int64_t clamped() const { return clamped_; }
  /// Population standard deviation (exact: from the sum of squares).
  [[nodiscard]] double stddev() const;

  /// The smallest value that `percentile` % of the values are at or below,
  /// as the highest value of its bucket, never above max() (0 when empty).
  [[nodiscard]] std::int64_t valueAtPercentile(double percentile) const;

  struct Bucket {
    std::int64_t lowest;   ///< the smallest value the bucket holds
    std::int64_t highest;  ///< the largest
    std::int64_t count;
  };
  /// The non-empty buckets, from the lowest.
  [[nodiscard]] std::vector<Bucket> buckets() const;

  /// A compact, lossless encoding ("MPH1", then varints).
  [[nodiscard]] std::string encode() const;
  /// nullopt for bytes encode() did not make.
  static std::optional<Histogram> decode(std::string_view bytes);

  friend bool operator==(const Histogram& a, const Histogram& b);

 private:
  [[nodiscard]] std::size_t indexOf(std::int64_t value) const;
  [[nodiscard]] std::int64_t lowestAt(std::size_t index) const;
  [[nodiscard]] std::int64_t highestAt(std::size_t index) const;

  std::vector<std::int64_t> counts_;
  std::int64_t total_ = 0;
  std::int64_t min_ = 0;
  std::int64_t max_ = 0;
  double sum_ = 0;
  double sum_of_squares_ = 0;
  std::int64_t clamped_ = 0;
};

}  // namespace meshery::perf
