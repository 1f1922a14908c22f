#include "meshery/http/metrics.hpp"

#include <cstdio>
#include <map>

namespace meshery::http {
namespace {

constexpr char kSeparator = '\x1f';

std::string escapeLabel(std::string_view value) {
  std::string out;
  for (char c : value) {
    if (c == '\\' || c == '"') out.push_back('\\');
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out.push_back(c);
  }
  return out;
}

std::string formatDouble(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

void Metrics::observe(std::string_view method, std::string_view route, int status,
                      std::chrono::nanoseconds latency) {
  // Built in a per-thread buffer and looked up as a view: a request of a
  // known series allocates nothing.
  thread_local std::string key;
  key.clear();
  key.append(method).push_back(kSeparator);
  key.append(route);
  const std::size_t series_size = key.size();
  key.push_back(kSeparator);
  char digits[16];
  const int length = std::snprintf(digits, sizeof digits, "%d", status);
  key.append(digits, static_cast<std::size_t>(length));
  const std::string_view request_key = key;
  const std::string_view series_key = request_key.substr(0, series_size);
  double seconds = std::chrono::duration<double>(latency).count();

  std::lock_guard lock(mutex_);
  auto request = requests_.find(request_key);
  if (request == requests_.end()) request = requests_.emplace(std::string(request_key), 0).first;
  ++request->second;
  auto found = latency_.find(series_key);
  if (found == latency_.end()) found = latency_.emplace(std::string(series_key), Series{}).first;
  Series& series = found->second;
  ++series.count;
  series.sum_seconds += seconds;
  for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
    if (seconds <= kLatencyBuckets[i]) ++series.buckets[i];
  }
}

void Metrics::addCollector(std::function<void(std::string&)> collector) {
  std::lock_guard lock(mutex_);
  collectors_.push_back(std::move(collector));
}

std::string Metrics::render() const {
  // Sorted copies so that the output is stable between scrapes.
  std::map<std::string, std::uint64_t> requests;
  std::map<std::string, Series> latency;
  std::vector<std::function<void(std::string&)>> collectors;
  {
    std::lock_guard lock(mutex_);
    requests.insert(requests_.begin(), requests_.end());
    latency.insert(latency_.begin(), latency_.end());
    collectors = collectors_;
  }
  std::string out;
  out += "# HELP meshery_http_requests_total HTTP requests handled, by route and status.\n";
  out += "# TYPE meshery_http_requests_total counter\n";
  for (const auto& [key, count] : requests) {
    auto first = key.find(kSeparator);
    auto second = key.find(kSeparator, first + 1);
    out += "meshery_http_requests_total{method=\"" + escapeLabel(key.substr(0, first)) +
           "\",route=\"" + escapeLabel(key.substr(first + 1, second - first - 1)) +
           "\",status=\"" + key.substr(second + 1) + "\"} " + std::to_string(count) + "\n";
  }
  out += "# HELP meshery_http_request_duration_seconds Time to handle a request, by route.\n";
  out += "# TYPE meshery_http_request_duration_seconds histogram\n";
  for (const auto& [key, series] : latency) {
    auto split = key.find(kSeparator);
    std::string labels = "method=\"" + escapeLabel(key.substr(0, split)) + "\",route=\"" +
                         escapeLabel(key.substr(split + 1)) + "\"";
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      out += "meshery_http_request_duration_seconds_bucket{" + labels + ",le=\"" +
             formatDouble(kLatencyBuckets[i]) + "\"} " + std::to_string(series.buckets[i]) + "\n";
    }
    out += "meshery_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} " +
           std::to_string(series.count) + "\n";
    out += "meshery_http_request_duration_seconds_sum{" + labels + "} " +
           formatDouble(series.sum_seconds) + "\n";
    out += "meshery_http_request_duration_seconds_count{" + labels + "} " +
           std::to_string(series.count) + "\n";
  }
  for (const auto& collector : collectors) collector(out);
  return out;
}

}  // namespace meshery::http
