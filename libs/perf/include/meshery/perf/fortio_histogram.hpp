#pragma once

// A Histogram as fortio's HistogramData JSON — the shape Meshery stores
// and draws: values in seconds; Data holds fortio's fixed buckets
// {0, 1, 2 … 11, 12, 14 … 20, 25 … 50, 60 … 100, 120 … 200, 250 … 500,
// 600 … 1000, 2000, 3000, 4000, 5000, 7500, 10000, 20000 … 75000, 100000}
// × resolution, each ]previous, edge] with its count and the cumulative
// Percent (the first starting at Min, the last ending at Max); Percentiles
// interpolated linearly inside a bucket as fortio does.

#include <nlohmann/json.hpp>
#include <vector>

#include "meshery/perf/histogram.hpp"

namespace meshery::perf {

/// fortio's default resolution: 1 ms.
inline constexpr double kFortioResolution = 0.001;
/// The percentiles Meshery asks fortio for.
inline const std::vector<double> kMesheryPercentiles = {50, 75, 90, 99, 99.9};

/// {Count, Min, Max, Sum, Avg, StdDev, Data, Percentiles}. The histogram's
/// own buckets (each within 0.1 % of its values) are placed into fortio's
/// by their lowest value, so a value within 0.1 % of a fortio edge may be
/// counted on either side of it. Percentiles is null when `percentiles`
/// is empty or nothing was recorded.
nlohmann::json fortioHistogramData(const Histogram& histogram,
                                   double resolution_seconds = kFortioResolution,
                                   const std::vector<double>& percentiles = kMesheryPercentiles);

/// fortio's percentile estimate over exported HistogramData.
double fortioPercentile(const nlohmann::json& histogram_data, double percentile);

}  // namespace meshery::perf
