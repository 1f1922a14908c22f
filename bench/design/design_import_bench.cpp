// The design engine's hot paths: YAML parse throughput (MB/s) and importing a
// 1,000-resource Kubernetes manifest into a design against the bundled
// kubernetes model (no HTTP; bench/design/run.sh measures the API).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "meshery/core/heap.hpp"
#include "meshery/core/json_text.hpp"
#include "meshery/design/import.hpp"
#include "meshery/registry/model_import.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/yaml/yaml.hpp"

namespace {

/// `count` resources: Deployments, Services and ConfigMaps in turn.
std::string manifestOf(int count) {
  std::string out;
  for (int i = 0; i < count; ++i) {
    std::string name = "app-" + std::to_string(i);
    switch (i % 3) {
      case 0:
        out += "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: " + name +
               "\n  namespace: team-" + std::to_string(i % 7) +
               "\n  labels: {app: " + name + ", tier: web}\nspec:\n  replicas: 2\n"
               "  selector: {matchLabels: {app: " + name + "}}\n  template:\n"
               "    metadata: {labels: {app: " + name + "}}\n    spec:\n      containers:\n"
               "      - name: web\n        image: nginx:1.25\n        ports: [{containerPort: 80}]\n"
               "        env: [{name: MODE, value: 'yes'}, {name: LEVEL, value: '0x1F'}]\n";
        break;
      case 1:
        out += "apiVersion: v1\nkind: Service\nmetadata: {name: " + name +
               "}\nspec:\n  selector: {app: " + name + "}\n  ports: [{port: 80, targetPort: 80}]\n";
        break;
      default:
        out += "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + name +
               "}\ndata: {key: value, enabled: 'true', count: '3'}\n";
    }
    out += "---\n";
  }
  return out;
}

std::shared_ptr<const meshery::registry::RegistrySnapshot> bundledRegistry() {
  std::filesystem::path root = std::filesystem::path(MESHERY_BENCH_BINARY_DIR) / "models";
  std::vector<meshery::registry::FileEntry> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    files.push_back({std::filesystem::relative(entry.path(), root).generic_string(), bytes.str()});
  }
  meshery::registry::Registry registry;
  return registry.apply(
      meshery::registry::additionsOf(meshery::registry::importModels(files)));
}

void BM_YamlParseAll(benchmark::State& state) {
  std::string text = manifestOf(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(meshery::yaml::parseAll(text));
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(text.size()));
}
BENCHMARK(BM_YamlParseAll)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_ImportManifest(benchmark::State& state) {
  static auto registry = bundledRegistry();
  meshery::design::ImportSource source;
  source.file_name = "big.yaml";
  source.bytes = manifestOf(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(meshery::design::importDesign(source, *registry));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ImportManifest)->Arg(1000)->Unit(benchmark::kMillisecond);

/// The imported design written out, as a save does: YAML for the answer's
/// pattern_file and JSON for the store.
meshery::design::Design importedDesign(int count) {
  static auto registry = bundledRegistry();
  meshery::design::ImportSource source;
  source.file_name = "big.yaml";
  source.bytes = manifestOf(count);
  return meshery::design::importDesign(source, *registry).design;
}

void BM_DesignToYaml(benchmark::State& state) {
  const meshery::design::Design design = importedDesign(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = design.toYaml();
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_DesignToYaml)->Arg(1000)->Unit(benchmark::kMillisecond);

void BM_DesignToJson(benchmark::State& state) {
  const meshery::design::Design design = importedDesign(static_cast<int>(state.range(0)));
  std::size_t bytes = 0;
  for (auto _ : state) {
    const std::string text = meshery::dumpJson(design.document);
    bytes = text.size();
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_DesignToJson)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  meshery::tuneHeapForDocuments();  // as meshery-server runs
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
