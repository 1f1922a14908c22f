// /healthz/live, /healthz/ready, /metrics and /api/openapi.json.

#include "handler.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {
namespace {

void appendStoreMetrics(std::string& out, const store::StoreStats& stats) {
  auto counter = [&](const char* name, const char* help, std::uint64_t value, const char* type) {
    out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n";
    out += std::string(name) + "{backend=\"" + stats.backend + "\"} " + std::to_string(value) + "\n";
  };
  counter("meshery_store_reads_total", "Read operations run by the store.", stats.reads, "counter");
  counter("meshery_store_writes_total", "Write operations run by the store.", stats.writes, "counter");
  counter("meshery_store_failures_total", "Store operations that failed.", stats.failures, "counter");
  counter("meshery_store_busy_retries_total", "SQLite busy conditions retried.", stats.busy_retries,
          "counter");
  counter("meshery_store_write_queue_depth", "Writes waiting for the writer.",
          stats.write_queue_depth, "gauge");
  counter("meshery_store_connections", "Open database connections.", stats.connections, "gauge");
}

}  // namespace

void registerHealthRoutes(http::Router& router, Services& services) {
  router.add(
      http::Method::kGet, "/healthz/live",
      [](http::Request&) { return http::Response::json({{"status", "live"}}); },
      {http::Dispatch::kInline, 0, "the process is up"});

  router.add(
      http::Method::kGet, "/healthz/ready",
      [&services](http::Request&) {
        services.store.ping();  // throws kUnavailable → 503
        return http::Response::json({{"status", "ready"}, {"store", services.store.backend()}});
      },
      {http::Dispatch::kBlocking, 0, "the server can serve requests (store reachable)"});

  services.metrics.addCollector(
      [&services](std::string& out) { appendStoreMetrics(out, services.store.stats()); });
  router.add(
      http::Method::kGet, "/metrics",
      [&services](http::Request&) {
        return http::Response::text(services.metrics.render(),
                                    "text/plain; version=0.0.4; charset=utf-8");
      },
      {http::Dispatch::kBlocking, 0, "Prometheus metrics"});

  router.add(
      http::Method::kGet, "/api/openapi.json",
      [document = services.openapi.dump()](http::Request&) {
        return http::Response::text(document, "application/json");
      },
      {http::Dispatch::kInline, 0, "the REST contract"});
}

}  // namespace meshery::api
