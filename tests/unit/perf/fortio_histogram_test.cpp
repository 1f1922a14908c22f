// A Histogram as fortio's HistogramData: seconds, fortio's fixed buckets
// ]previous, edge] × resolution with cumulative Percent, the first from Min
// and the last to Max, and fortio's interpolated percentiles.
#include "meshery/perf/fortio_histogram.hpp"

#include <gtest/gtest.h>

namespace meshery::perf {
namespace {

using nlohmann::json;

TEST(FortioHistogram, PutsValuesInFortiosLeftOpenBucketsInSeconds) {
  Histogram histogram;
  for (const std::int64_t ms : {10, 20, 30}) histogram.record(ms * 1'000'000);
  const json data = fortioHistogramData(histogram);
  EXPECT_EQ(data["Count"], 3);
  EXPECT_DOUBLE_EQ(data["Min"].get<double>(), 0.010);
  EXPECT_DOUBLE_EQ(data["Max"].get<double>(), 0.030);
  EXPECT_DOUBLE_EQ(data["Sum"].get<double>(), 0.060);
  EXPECT_DOUBLE_EQ(data["Avg"].get<double>(), 0.020);
  EXPECT_NEAR(data["StdDev"].get<double>(), 0.0081650, 1e-7);
  const json expected = json::parse(R"([
    {"Start": 0.010, "End": 0.010, "Percent": 33.333333333333336, "Count": 1},
    {"Start": 0.018, "End": 0.020, "Percent": 66.66666666666667, "Count": 1},
    {"Start": 0.025, "End": 0.030, "Percent": 100.0, "Count": 1}])");
  ASSERT_EQ(data["Data"].size(), 3U) << data.dump();
  for (std::size_t i = 0; i < 3; ++i) {
    for (const char* key : {"Start", "End", "Percent"})
      EXPECT_NEAR(data["Data"][i][key].get<double>(), expected[i][key].get<double>(), 1e-12) << i << key;
    EXPECT_EQ(data["Data"][i]["Count"], 1);
  }
  // fortio's percentiles: Min up to 100/Count, linear inside a bucket, Max at 100.
  const json& percentiles = data["Percentiles"];
  ASSERT_EQ(percentiles.size(), 5U);
  EXPECT_EQ(percentiles[0]["Percentile"], 50);
  EXPECT_NEAR(percentiles[0]["Value"].get<double>(), 0.019, 1e-12);
  EXPECT_NEAR(percentiles[4]["Value"].get<double>(), 0.029985, 1e-9);
  EXPECT_DOUBLE_EQ(fortioPercentile(data, 20), 0.010);
  EXPECT_DOUBLE_EQ(fortioPercentile(data, 100), 0.030);
}

TEST(FortioHistogram, KeepsTheEdgesSpecialBucketsAndResolution) {
  Histogram histogram;
  histogram.record(0);                      // ≤ 0: the first bucket
  histogram.record(500'000);                // 0.5 ms: ]0, 1]
  histogram.record(150'000'000'000);        // 150 s: past the last edge
  const json data = fortioHistogramData(histogram);
  ASSERT_EQ(data["Data"].size(), 3U) << data.dump();
  EXPECT_EQ(data["Data"][0]["Start"], 0.0);
  EXPECT_EQ(data["Data"][0]["End"], 0.0);
  EXPECT_DOUBLE_EQ(data["Data"][1]["End"].get<double>(), 0.001);
  EXPECT_DOUBLE_EQ(data["Data"][2]["Start"].get<double>(), 100.0);
  EXPECT_DOUBLE_EQ(data["Data"][2]["End"].get<double>(), 150.0);
  EXPECT_DOUBLE_EQ(data["Data"][2]["Percent"].get<double>(), 100.0);

  // A finer resolution separates sub-millisecond latencies.
  Histogram fast;
  for (const std::int64_t us : {120, 280, 450}) fast.record(us * 1'000);
  const json fine = fortioHistogramData(fast, 0.0001);
  EXPECT_EQ(fine["Data"].size(), 3U) << fine.dump();
  EXPECT_EQ(fortioHistogramData(fast)["Data"].size(), 1U);  // all in ]0, 1 ms]

  const json empty = fortioHistogramData(Histogram());
  EXPECT_EQ(empty["Count"], 0);
  EXPECT_TRUE(empty["Data"].empty());
  EXPECT_TRUE(empty["Percentiles"].is_null());
  EXPECT_TRUE(fortioHistogramData(fast, 0.001, {})["Percentiles"].is_null());
}

}  // namespace
}  // namespace meshery::perf
