// Embedded MeshSync against the fake API server on loopback, into SQLite:
// the initial discovery of 10,000 objects (list, store, publish), and
// watch events from the cluster to the store as fast as a writer makes them.

#include <benchmark/benchmark.h>

#include <thread>

#include "meshery/kube/client.hpp"
#include "meshery/meshsync/cluster_sync.hpp"
#include "meshery/store/store.hpp"
#include "meshery_test/fake_kube_api.hpp"
#include "meshery_test/temp_dir.hpp"

namespace {

using nlohmann::json;
using namespace meshery;
using namespace std::chrono_literals;

kube::ResolvedContext contextFor(const test::FakeKubeApi& api) {
  kube::ResolvedContext context;
  context.cluster.server = api.url();
  context.namespace_ = "default";
  return context;
}

json configMap(int i, int version) {
  return {{"apiVersion", "v1"},
          {"kind", "ConfigMap"},
          {"metadata",
           {{"name", "settings-" + std::to_string(i)},
            {"namespace", "bench"},
            {"labels", {{"app", "app-" + std::to_string(i % 100)}}}}},
          {"data", {{"version", std::to_string(version)}, {"payload", std::string(200, 'x')}}}};
}

test::FakeKubeApi& cluster(int count) {
  static test::FakeKubeApi::Options options = [] {
    test::FakeKubeApi::Options o;
    o.event_window = 50'000;
    return o;
  }();
  static test::FakeKubeApi api(options);
  static int stored = 0;
  kube::ClientLimits limits;
  limits.qps = 0;
  kube::KubeClient client(contextFor(api), limits);
  if (stored == 0) client.apply({{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "bench"}}}});
  for (; stored < count; ++stored) client.apply(configMap(stored, 0));
  return api;
}

std::int64_t storedConfigMaps(store::Store& store) {
  store::ClusterResourceQuery query;
  query.kinds = {"ConfigMap"};
  return store.clusterResources().summary(query).total_count;
}

void BM_InitialDiscovery(benchmark::State& state) {
  const int count = static_cast<int>(state.range(0));
  auto& api = cluster(count);
  for (auto _ : state) {
    state.PauseTiming();
    test::TempDir dir;
    auto store = store::openStore("sqlite:" + (dir.path() / "meshery.db").string());
    events::Bus bus;
    meshsync::SyncOptions options;
    options.only_kinds = {"ConfigMap"};
    meshsync::ClusterSync sync(Uuid::v4(), contextFor(api), store->clusterResources(), bus, options);
    state.ResumeTiming();
    sync.start();
    while (storedConfigMaps(*store) < count) std::this_thread::sleep_for(5ms);
    state.PauseTiming();
    sync.stop();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_InitialDiscovery)->Arg(10'000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

/// Changes written by two clients; the time until the store holds the last.
void BM_WatchEventsToStore(benchmark::State& state) {
  const int objects = 1'000;
  auto& api = cluster(objects);
  test::TempDir dir;
  auto store = store::openStore("sqlite:" + (dir.path() / "meshery.db").string());
  events::Bus bus;
  meshsync::SyncOptions options;
  options.only_kinds = {"ConfigMap"};
  meshsync::ClusterSync sync(Uuid::v4(), contextFor(api), store->clusterResources(), bus, options);
  sync.start();
  while (storedConfigMaps(*store) < objects) std::this_thread::sleep_for(5ms);
  int version = 0;
  const int changes = static_cast<int>(state.range(0));
  for (auto _ : state) {
    ++version;
    auto modified = bus.subscribe(meshsync::kCoreSubject, 100'000);
    std::vector<std::thread> writers;
    for (int w = 0; w < 2; ++w) {
      writers.emplace_back([&api, w, changes, version] {
        kube::ClientLimits limits;
        limits.qps = 0;
        kube::KubeClient client(contextFor(api), limits);
        for (int i = w; i < changes; i += 2) client.apply(configMap(i % objects, version * 100'000 + i));
      });
    }
    for (auto& writer : writers) writer.join();
    int seen = 0;
    while (seen < changes) {
      if (auto message = modified->next(5s); message && message->data["EventType"] == "MODIFIED") ++seen;
      else if (!message) break;
    }
    state.counters["seen"] = seen;
    // ...and until the store holds the last change.
    store::ClusterResourceQuery last;
    last.search = "settings-" + std::to_string((changes - 1) % objects);
    const std::string wanted = std::to_string(version * 100'000 + changes - 1);
    for (int i = 0; i < 2'000; ++i) {
      const auto page = store->clusterResources().list(last);
      if (!page.resources.empty() &&
          page.resources[0].object["data"].value("version", "") == wanted)
        break;
      std::this_thread::sleep_for(1ms);
    }
  }
  sync.stop();
  state.SetItemsProcessed(state.iterations() * changes);
}
BENCHMARK(BM_WatchEventsToStore)->Arg(5'000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace

BENCHMARK_MAIN();
