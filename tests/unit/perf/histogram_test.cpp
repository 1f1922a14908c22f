// The latency histogram: every value within 0.1 % of its bucket over
// 100 ns … 1 h, exact counts, min, max and sum; percentiles; merges across
// threads exactly equal to recording everything in one; a lossless
// encoding that refuses damaged bytes.
#include "meshery/perf/histogram.hpp"

#include <gtest/gtest.h>

#include <random>
#include <thread>

namespace meshery::perf {
namespace {

TEST(Histogram, KeepsThreeSignificantDigitsFrom100NanosecondsToAnHour) {
  for (std::int64_t value = Histogram::kLowest; value <= Histogram::kHighest;
       value = value * 3 / 2 + 7) {
    Histogram one;
    one.record(value);
    const auto bucket = one.buckets().at(0);
    EXPECT_LE(bucket.lowest, value);
    EXPECT_GE(bucket.highest, value);
    EXPECT_LE(static_cast<double>(bucket.highest - bucket.lowest + 1), static_cast<double>(value) / 1000.0 + 64)
        << value;  // no wider than 0.1 % (the first bucket: 64 ns units)
    EXPECT_EQ(one.valueAtPercentile(50), value);  // never above the exact max
  }
}

TEST(Histogram, CountsMinMaxMeanAndPercentilesOfAKnownSet) {
  Histogram histogram;
  for (std::int64_t ms = 1; ms <= 100; ++ms) histogram.record(ms * 1'000'000);
  EXPECT_EQ(histogram.count(), 100);
  EXPECT_EQ(histogram.min(), 1'000'000);
  EXPECT_EQ(histogram.max(), 100'000'000);
  EXPECT_DOUBLE_EQ(histogram.mean(), 50.5e6);
  const auto near = [](std::int64_t got, double want) {
    return std::abs(static_cast<double>(got) - want) <= want / 1000.0;
  };
  EXPECT_TRUE(near(histogram.valueAtPercentile(50), 50e6)) << histogram.valueAtPercentile(50);
  EXPECT_TRUE(near(histogram.valueAtPercentile(90), 90e6));
  EXPECT_TRUE(near(histogram.valueAtPercentile(99), 99e6));
  EXPECT_EQ(histogram.valueAtPercentile(100), 100'000'000);
  EXPECT_NEAR(histogram.stddev(), 28.8661e6, 0.0001e6);  // sqrt((100² − 1) / 12) ms
  EXPECT_EQ(Histogram().valueAtPercentile(99), 0);
}

TEST(Histogram, ClampsWhatIsBeyondAnHourAndCountsIt) {
  Histogram histogram;
  histogram.record(-5);
  histogram.record(Histogram::kHighest * 2, 3);
  EXPECT_EQ(histogram.count(), 4);
  EXPECT_EQ(histogram.min(), 0);
  EXPECT_EQ(histogram.max(), Histogram::kHighest);
  EXPECT_EQ(histogram.clamped(), 3);
}

TEST(Histogram, MergesAcrossThreadsExactly) {
  std::vector<Histogram> parts(4);
  Histogram all;
  std::mt19937_64 random(7);
  std::lognormal_distribution<double> latency(13.0, 1.5);  // ~0.4 ms median, long tail
  std::vector<std::vector<std::int64_t>> values(4);
  for (int i = 0; i < 40'000; ++i) {
    const auto value = static_cast<std::int64_t>(latency(random));
    values[static_cast<std::size_t>(i % 4)].push_back(value);
    all.record(value);
  }
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 4; ++t) {
    threads.emplace_back([&parts, &values, t] {
      for (const std::int64_t value : values[t]) parts[t].record(value);
    });
  }
  for (auto& thread : threads) thread.join();
  Histogram merged;
  for (const Histogram& part : parts) merged.merge(part);
  EXPECT_EQ(merged.count(), all.count());
  EXPECT_EQ(merged.min(), all.min());
  EXPECT_EQ(merged.max(), all.max());
  const auto merged_buckets = merged.buckets();
  const auto all_buckets = all.buckets();
  ASSERT_EQ(merged_buckets.size(), all_buckets.size());
  for (std::size_t i = 0; i < all_buckets.size(); ++i) {
    EXPECT_EQ(merged_buckets[i].lowest, all_buckets[i].lowest);
    EXPECT_EQ(merged_buckets[i].count, all_buckets[i].count);
  }
  for (const double p : {50.0, 75.0, 90.0, 99.0, 99.9})
    EXPECT_EQ(merged.valueAtPercentile(p), all.valueAtPercentile(p)) << p;
  EXPECT_NEAR(merged.sum(), all.sum(), all.sum() * 1e-12);
}

TEST(Histogram, EncodesLosslesslyAndRefusesDamagedBytes) {
  Histogram histogram;
  histogram.record(150, 3);
  histogram.record(2'500'000);
  histogram.record(Histogram::kHighest + 1);
  const std::string bytes = histogram.encode();
  EXPECT_LT(bytes.size(), 64U);
  const auto decoded = Histogram::decode(bytes);
  ASSERT_TRUE(decoded.has_value());
  EXPECT_TRUE(*decoded == histogram);
  EXPECT_EQ(decoded->clamped(), 1);
  EXPECT_TRUE(Histogram::decode(Histogram().encode()).has_value());

  EXPECT_FALSE(Histogram::decode("").has_value());
  EXPECT_FALSE(Histogram::decode("XXXX").has_value());
  EXPECT_FALSE(Histogram::decode(bytes.substr(0, bytes.size() - 1)).has_value());
  std::string wrong_total = bytes;
  wrong_total[4] = static_cast<char>(wrong_total[4] + 1);  // the total no longer adds up
  EXPECT_FALSE(Histogram::decode(wrong_total).has_value());
  std::string far = Histogram().encode() + std::string("\xff\xff\xff\x7f\x01", 5);
  EXPECT_FALSE(Histogram::decode(far).has_value());  // a bucket beyond the range
}

}  // namespace
}  // namespace meshery::perf
