#include "meshery/perf/fortio_histogram.hpp"

#include <algorithm>
#include <array>

namespace meshery::perf {
namespace {

using nlohmann::json;

constexpr std::array<int, 56> kEdges = {
    0,    1,    2,    3,    4,    5,    6,    7,     8,     9,     10,    11,    12,   14,
    16,   18,   20,   25,   30,   35,   40,   45,    50,    60,    70,    80,    90,   100,
    120,  140,  160,  180,  200,  250,  300,  350,   400,   450,   500,   600,   700,  800,
    900,  1000, 2000, 3000, 4000, 5000, 7500, 10000, 20000, 30000, 40000, 50000, 75000, 100000};
constexpr std::size_t kEdgeCount = kEdges.size();

constexpr double kNanosecond = 1e-9;

/// fortio's bucket of a value in seconds: 0 for ≤ 0, i for ]edge[i−1],
/// edge[i]], kEdgeCount past the last edge.
std::size_t bucketOf(double seconds, double resolution) {
  const double scaled = seconds / resolution - 0.0001;  // left-open intervals
  if (scaled <= kEdges[0]) return 0;
  if (scaled > kEdges[kEdgeCount - 1]) return kEdgeCount;
  const int whole = static_cast<int>(scaled);
  const auto* edge = std::upper_bound(kEdges.begin(), kEdges.begin() + kEdgeCount, whole);
  return static_cast<std::size_t>(edge - kEdges.begin());
}

}  // namespace

double fortioPercentile(const json& data, double percentile) {
  const json& buckets = data.at("Data");
  if (buckets.empty()) return 0;
  if (percentile >= 100) return data.at("Max").get<double>();
  double previous = 100.0 / data.at("Count").get<double>();
  if (percentile <= previous) return data.at("Min").get<double>();
  for (const json& bucket : buckets) {
    const double percent = bucket.at("Percent").get<double>();
    if (percentile <= percent) {
      const double start = bucket.at("Start").get<double>();
      const double end = bucket.at("End").get<double>();
      return start + (percentile - previous) / (percent - previous) * (end - start);
    }
    previous = percent;
  }
  return data.at("Max").get<double>();
}

json fortioHistogramData(const Histogram& histogram, double resolution,
                         const std::vector<double>& percentiles) {
  const double min = static_cast<double>(histogram.min()) * kNanosecond;
  const double max = static_cast<double>(histogram.max()) * kNanosecond;
  json out = {{"Count", histogram.count()},
              {"Min", min},
              {"Max", max},
              {"Sum", histogram.sum() * kNanosecond},
              {"Avg", histogram.mean() * kNanosecond},
              {"StdDev", histogram.stddev() * kNanosecond},
              {"Data", json::array()},
              {"Percentiles", nullptr}};
  if (histogram.count() == 0) return out;
  std::array<std::int64_t, kEdgeCount + 1> counts{};
  for (const Histogram::Bucket& bucket : histogram.buckets()) {
    const std::int64_t value = std::clamp(bucket.lowest, histogram.min(), histogram.max());
    counts[bucketOf(static_cast<double>(value) * kNanosecond, resolution)] += bucket.count;
  }
  json& data = out["Data"];
  std::int64_t total = 0;
  int previous = kEdges[0];
  for (std::size_t i = 0; i <= kEdgeCount; ++i) {
    if (counts[i] == 0) {
      if (i < kEdgeCount) previous = kEdges[i];
      continue;
    }
    total += counts[i];
    json bucket;
    bucket["Start"] = data.empty() ? min : resolution * previous;
    if (i < kEdgeCount) {
      bucket["End"] = resolution * kEdges[i];
      previous = kEdges[i];
    } else {
      bucket["Start"] = resolution * previous;
      bucket["End"] = max;
    }
    bucket["Percent"] = 100.0 * static_cast<double>(total) / static_cast<double>(histogram.count());
    bucket["Count"] = counts[i];
    data.push_back(std::move(bucket));
  }
  data.back()["End"] = max;
  if (!percentiles.empty()) {
    out["Percentiles"] = json::array();
    for (const double p : percentiles)
      out["Percentiles"].push_back({{"Percentile", p}, {"Value", fortioPercentile(out, p)}});
  }
  return out;
}

}  // namespace meshery::perf
