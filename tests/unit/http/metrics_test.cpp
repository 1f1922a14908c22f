#include "meshery/http/metrics.hpp"

#include <gtest/gtest.h>

namespace meshery::http {
namespace {

TEST(Metrics, CountsRequestsByRouteAndStatusAndBucketsLatency) {
  Metrics metrics;
  metrics.observe("GET", "/api/pattern/{id}", 200, std::chrono::microseconds(700));
  metrics.observe("GET", "/api/pattern/{id}", 200, std::chrono::milliseconds(30));
  metrics.observe("GET", "/api/pattern/{id}", 404, std::chrono::microseconds(100));
  std::string text = metrics.render();
  EXPECT_NE(text.find(R"(meshery_http_requests_total{method="GET",route="/api/pattern/{id}",status="200"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(status="404"} 1)"), std::string::npos);
  EXPECT_NE(text.find(R"(meshery_http_request_duration_seconds_bucket{method="GET",route="/api/pattern/{id}",le="0.001"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find(R"(le="0.05"} 3)"), std::string::npos);
  EXPECT_NE(text.find(R"(meshery_http_request_duration_seconds_count{method="GET",route="/api/pattern/{id}"} 3)"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE meshery_http_request_duration_seconds histogram"), std::string::npos);
}

TEST(Metrics, CollectorsAreAppendedAndLabelsEscaped) {
  Metrics metrics;
  metrics.observe("GET", "/a\"b", 200, std::chrono::microseconds(1));
  metrics.addCollector([](std::string& out) { out += "meshery_store_reads_total 7\n"; });
  std::string text = metrics.render();
  EXPECT_NE(text.find(R"(route="/a\"b")"), std::string::npos);
  EXPECT_NE(text.find("meshery_store_reads_total 7\n"), std::string::npos);
}

}  // namespace
}  // namespace meshery::http
