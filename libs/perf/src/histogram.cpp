#include "meshery/perf/histogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>

namespace meshery::perf {
namespace {

// 100 ns rounds down to a unit of 64 ns; 2 × 10^3 distinguishable values
// need 2,048 sub-buckets; each bucket after the first doubles the range
// with half of them.
constexpr int kUnitMagnitude = 6;
constexpr int kSubBucketMagnitude = 11;
constexpr std::int64_t kSubBucketCount = std::int64_t{1} << kSubBucketMagnitude;
constexpr int kHalfMagnitude = kSubBucketMagnitude - 1;
constexpr std::int64_t kHalfCount = std::int64_t{1} << kHalfMagnitude;
constexpr std::uint64_t kSubBucketMask = static_cast<std::uint64_t>(kSubBucketCount - 1)
                                         << kUnitMagnitude;

constexpr std::size_t countsLength() {
  std::int64_t smallest_untrackable = kSubBucketCount << kUnitMagnitude;
  std::size_t buckets = 1;
  while (smallest_untrackable <= Histogram::kHighest) {
    smallest_untrackable <<= 1;
    ++buckets;
  }
  return (buckets + 1) * static_cast<std::size_t>(kHalfCount);
}

constexpr char kMagic[] = "MPH1";

void putVarint(std::string& out, std::uint64_t value) {
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

bool getVarint(std::string_view& in, std::uint64_t& value) {
  value = 0;
  for (int shift = 0; shift < 64; shift += 7) {
    if (in.empty()) return false;
    const auto byte = static_cast<unsigned char>(in.front());
    in.remove_prefix(1);
    value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
    if ((byte & 0x80) == 0) return true;
  }
  return false;
}

}  // namespace

Histogram::Histogram() : counts_(countsLength(), 0) {}

std::size_t Histogram::indexOf(std::int64_t value) const {
  const auto v = static_cast<std::uint64_t>(value);
  const int pow2ceiling = 64 - std::countl_zero(v | kSubBucketMask);
  const int bucket = pow2ceiling - kUnitMagnitude - (kHalfMagnitude + 1);
  const auto sub_bucket = static_cast<std::int64_t>(v >> (bucket + kUnitMagnitude));
  return static_cast<std::size_t>(((static_cast<std::int64_t>(bucket) + 1) << kHalfMagnitude) +
                                  (sub_bucket - kHalfCount));
}

std::int64_t Histogram::lowestAt(std::size_t index) const {
  int bucket = static_cast<int>(index >> kHalfMagnitude) - 1;
  std::int64_t sub_bucket = static_cast<std::int64_t>(index & (kHalfCount - 1)) + kHalfCount;
  if (bucket < 0) {
    sub_bucket -= kHalfCount;
    bucket = 0;
  }
  return sub_bucket << (bucket + kUnitMagnitude);
}

std::int64_t Histogram::highestAt(std::size_t index) const {
  const int bucket = std::max(0, static_cast<int>(index >> kHalfMagnitude) - 1);
  return lowestAt(index) + (std::int64_t{1} << (bucket + kUnitMagnitude)) - 1;
}

void Histogram::record(std::int64_t value, std::int64_t count) {
  if (count <= 0) return;
  value = std::max<std::int64_t>(value, 0);
  if (value > kHighest) {
    value = kHighest;
    clamped_ += count;
  }
  counts_[indexOf(value)] += count;
  min_ = total_ == 0 ? value : std::min(min_, value);
  max_ = std::max(max_, value);
  total_ += count;
  sum_ += static_cast<double>(value) * static_cast<double>(count);
  sum_of_squares_ += static_cast<double>(value) * static_cast<double>(value) * static_cast<double>(count);
}

void Histogram::merge(const Histogram& other) {
  if (other.total_ == 0) return;
  for (std::size_t i = 0; i < counts_.size(); ++i) counts_[i] += other.counts_[i];
  min_ = total_ == 0 ? other.min_ : std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
  total_ += other.total_;
  sum_ += other.sum_;
  sum_of_squares_ += other.sum_of_squares_;
  clamped_ += other.clamped_;
}

void Histogram::reset() { *this = Histogram(); }

double Histogram::mean() const {
  return total_ == 0 ? 0.0 : sum_ / static_cast<double>(total_);
}

double Histogram::stddev() const {
  if (total_ == 0) return 0.0;
  const double average = mean();
  const double variance = sum_of_squares_ / static_cast<double>(total_) - average * average;
  return variance > 0 ? std::sqrt(variance) : 0.0;
}

std::int64_t Histogram::valueAtPercentile(double percentile) const {
  if (total_ == 0) return 0;
  percentile = std::clamp(percentile, 0.0, 100.0);
  const auto wanted = std::max<std::int64_t>(
      1, static_cast<std::int64_t>(std::ceil(percentile / 100.0 * static_cast<double>(total_))));
  std::int64_t seen = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += counts_[i];
    if (seen >= wanted) return std::min(highestAt(i), max_);
  }
  return max_;
}

std::vector<Histogram::Bucket> Histogram::buckets() const {
  std::vector<Bucket> out;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] != 0) out.push_back({lowestAt(i), highestAt(i), counts_[i]});
  }
  return out;
}

std::string Histogram::encode() const {
  std::string out(kMagic);
  putVarint(out, static_cast<std::uint64_t>(total_));
  putVarint(out, static_cast<std::uint64_t>(min_));
  putVarint(out, static_cast<std::uint64_t>(max_));
  putVarint(out, static_cast<std::uint64_t>(clamped_));
  putVarint(out, std::bit_cast<std::uint64_t>(sum_));
  putVarint(out, std::bit_cast<std::uint64_t>(sum_of_squares_));
  std::size_t previous = 0;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    if (counts_[i] == 0) continue;
    putVarint(out, i - previous);  // the gap from the last non-empty bucket
    putVarint(out, static_cast<std::uint64_t>(counts_[i]));
    previous = i;
  }
  return out;
}

std::optional<Histogram> Histogram::decode(std::string_view bytes) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  bytes.remove_prefix(sizeof(kMagic) - 1);
  Histogram histogram;
  std::uint64_t total = 0, min = 0, max = 0, clamped = 0, sum = 0, squares = 0;
  if (!getVarint(bytes, total) || !getVarint(bytes, min) || !getVarint(bytes, max) ||
      !getVarint(bytes, clamped) || !getVarint(bytes, sum) || !getVarint(bytes, squares))
    return std::nullopt;
  std::size_t index = 0;
  std::int64_t counted = 0;
  while (!bytes.empty()) {
    std::uint64_t gap = 0, count = 0;
    if (!getVarint(bytes, gap) || !getVarint(bytes, count)) return std::nullopt;
    index += gap;
    if (index >= histogram.counts_.size() || count == 0 ||
        count > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max() - counted))
      return std::nullopt;
    histogram.counts_[index] = static_cast<std::int64_t>(count);
    counted += static_cast<std::int64_t>(count);
  }
  if (static_cast<std::uint64_t>(counted) != total) return std::nullopt;
  histogram.total_ = counted;
  histogram.min_ = static_cast<std::int64_t>(min);
  histogram.max_ = static_cast<std::int64_t>(max);
  histogram.clamped_ = static_cast<std::int64_t>(clamped);
  histogram.sum_ = std::bit_cast<double>(sum);
  histogram.sum_of_squares_ = std::bit_cast<double>(squares);
  return histogram;
}

bool operator==(const Histogram& a, const Histogram& b) {
  return a.total_ == b.total_ && a.min_ == b.min_ && a.max_ == b.max_ && a.sum_ == b.sum_ &&
         a.sum_of_squares_ == b.sum_of_squares_ &&
         a.clamped_ == b.clamped_ && a.counts_ == b.counts_;
}

}  // namespace meshery::perf
