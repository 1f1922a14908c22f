// Per-request costs of the HTTP layer that do not involve sockets: route
// matching, query parsing, metrics recording and error rendering.
#include <benchmark/benchmark.h>

#include "meshery/http/metrics.hpp"
#include "meshery/http/router.hpp"

namespace meshery::http {
namespace {

Router realisticRouter() {
  Router router;
  Handler noop = [](Request&) { return Response::noContent(); };
  for (const char* pattern :
       {"/healthz/live", "/healthz/ready", "/metrics", "/api/system/version", "/api/system/database",
        "/api/system/database/reset", "/api/user", "/api/user/prefs", "/api/pattern",
        "/api/pattern/{id}", "/api/pattern/import", "/api/pattern/download/{id}",
        "/api/registry/models", "/api/registry/models/{model}",
        "/api/registry/models/{model}/components/{name}", "/api/perf/profile/result/{id}",
        "/api/integrations/connections/{id}", "/api/workspaces/{id}/designs/{childId}"}) {
    router.add(Method::kGet, pattern, noop);
  }
  return router;
}

void BM_RouterMatchLiteral(benchmark::State& state) {
  Router router = realisticRouter();
  for (auto _ : state) benchmark::DoNotOptimize(router.match(Method::kGet, "/api/system/version"));
}
BENCHMARK(BM_RouterMatchLiteral);

void BM_RouterMatchParameters(benchmark::State& state) {
  Router router = realisticRouter();
  for (auto _ : state) {
    benchmark::DoNotOptimize(
        router.match(Method::kGet, "/api/registry/models/kubernetes/components/Deployment"));
  }
}
BENCHMARK(BM_RouterMatchParameters);

void BM_QueryParam(benchmark::State& state) {
  Request request;
  request.query = "page=2&pagesize=25&search=my%20design&order=name&sort=asc";
  for (auto _ : state) benchmark::DoNotOptimize(request.queryParam("search"));
}
BENCHMARK(BM_QueryParam);

void BM_MetricsObserve(benchmark::State& state) {
  Metrics metrics;
  for (auto _ : state) {
    metrics.observe("GET", "/api/system/version", 200, std::chrono::microseconds(120));
  }
}
BENCHMARK(BM_MetricsObserve);

void BM_ErrorResponse(benchmark::State& state) {
  Error error(ErrorCode::kNotFound, "no route for /x", "not part of the API", "see /api/openapi.json");
  for (auto _ : state) benchmark::DoNotOptimize(Response::error(error));
}
BENCHMARK(BM_ErrorResponse);

}  // namespace
}  // namespace meshery::http

BENCHMARK_MAIN();
