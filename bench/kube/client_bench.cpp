// The Kubernetes client on the paths MeshSync will use (issue 7, item 7),
// against the fake API server on loopback: listing 10,000 objects page by
// page, and a stream of watch events as fast as a writer makes them.

#include <benchmark/benchmark.h>

#include <atomic>
#include <thread>

#include "meshery/kube/client.hpp"
#include "meshery_test/fake_kube_api.hpp"

namespace {

using nlohmann::json;
using meshery::kube::KubeClient;

meshery::kube::ResolvedContext contextFor(const meshery::test::FakeKubeApi& api) {
  meshery::kube::ResolvedContext context;
  context.cluster.server = api.url();
  context.namespace_ = "default";
  return context;
}

meshery::kube::ClientLimits unlimited() {
  meshery::kube::ClientLimits limits;
  limits.qps = 0;  // the benchmark measures the client, not its rate limit
  return limits;
}

json configMap(int i, int version = 0) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata",
           {{"name", "settings-" + std::to_string(i)},
            {"namespace", "bench"},
            {"labels", {{"app", "app-" + std::to_string(i % 100)}}}}},
          {"data", {{"version", std::to_string(version)}, {"payload", std::string(200, 'x')}}}};
}

/// A fake API server holding `count` ConfigMaps in namespace "bench".
meshery::test::FakeKubeApi& populated(int count) {
  static meshery::test::FakeKubeApi::Options options = [] {
    meshery::test::FakeKubeApi::Options o;
    o.event_window = 20'000;
    return o;
  }();
  static meshery::test::FakeKubeApi api(options);
  static int stored = 0;
  KubeClient client(contextFor(api), unlimited());
  if (stored == 0) client.apply({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "bench"}}}});
  for (; stored < count; ++stored) client.apply(configMap(stored));
  return api;
}

void BM_ListAll(benchmark::State& state) {
  auto& api = populated(static_cast<int>(state.range(0)));
  KubeClient client(contextFor(api), unlimited());
  std::size_t items = 0;
  for (auto _ : state) {
    items = client.listAll("/api/v1/namespaces/bench/configmaps", 500).items.size();
    benchmark::DoNotOptimize(items);
  }
  state.counters["objects"] = static_cast<double>(items);
  state.counters["objects/s"] =
      benchmark::Counter(static_cast<double>(items) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ListAll)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime();

/// 1,000 updates made by a writer while a watch reads them: the time until
/// the last one arrives.
void BM_WatchEvents(benchmark::State& state) {
  auto& api = populated(1'000);
  KubeClient watcher(contextFor(api), unlimited());
  int round = 0;
  for (auto _ : state) {
    ++round;
    const std::string from = watcher.list("/api/v1/namespaces/bench/configmaps", 1).resource_version;
    std::thread writer([&api, round] {
      KubeClient client(contextFor(api), unlimited());
      for (int i = 0; i < 1'000; ++i) client.apply(configMap(i, round));
    });
    int seen = 0;
    watcher.watch("/api/v1/namespaces/bench/configmaps", from, [&seen](const auto& event) {
      if (event.type == "MODIFIED") ++seen;
      return seen < 1'000;
    });
    writer.join();
  }
  state.counters["events/s"] =
      benchmark::Counter(1'000.0 * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_WatchEvents)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
