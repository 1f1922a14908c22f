// Relationship evaluation of generated designs (issue 6: < 100 ms at 10,000
// components, near-linear growth; an incremental edit < 10 ms): namespaces, deployments with services
// selecting them, configmaps they mount, service accounts bound to roles,
// evaluated with the bundled Kubernetes definitions.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "meshery/core/heap.hpp"
#include "meshery/policy/evaluate.hpp"
#include "meshery/policy/incremental.hpp"

namespace {

using nlohmann::json;

std::vector<meshery::registry::RelationshipDefinition> bundledDefinitions() {
  const std::filesystem::path dir = std::filesystem::path(MESHERY_BENCH_SOURCE_DIR) / "models" /
                                    "kubernetes" / "v1.13.0" / "v1.0.0" / "relationships";
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::vector<meshery::registry::RelationshipDefinition> definitions;
  for (const auto& file : files) {
    std::ifstream in(file);
    definitions.push_back(meshery::registry::RelationshipDefinition::fromJson(json::parse(in)));
  }
  return definitions;
}

json component(const std::string& id, const std::string& kind, const std::string& name,
               json configuration) {
  return {{"id", id},
          {"displayName", name},
          {"component", {{"kind", kind}, {"version", "v1"}}},
          {"model", {{"name", "kubernetes"}}},
          {"configuration", std::move(configuration)}};
}

/// About `count` components in groups of ten per application, spread over
/// 20 namespaces (which the design declares).
json generatedDesign(int count) {
  json components = json::array();
  for (int n = 0; n < 20; ++n) {
    components.push_back(component("ns-" + std::to_string(n), "Namespace",
                                   "team-" + std::to_string(n), json::object()));
  }
  for (int i = 0; static_cast<int>(components.size()) < count; ++i) {
    const std::string app = "app-" + std::to_string(i);
    const json metadata = {{"namespace", "team-" + std::to_string(i % 20)}, {"name", app}};
    const json labels = {{"app", app}, {"tier", "web"}};
    json volumes = json::array({{{"name", "config"}, {"configMap", {{"name", app + "-config"}}}}});
    components.push_back(
        component(app + "-deploy", "Deployment", app,
                  {{"metadata", metadata},
                   {"spec",
                    {{"template",
                      {{"metadata", {{"labels", labels}}},
                       {"spec", {{"volumes", volumes}, {"serviceAccountName", app}}}}}}}}));
    components.push_back(component(app + "-svc", "Service", app,
                                   {{"metadata", metadata}, {"spec", {{"selector", labels}}}}));
    components.push_back(
        component(app + "-cm", "ConfigMap", app + "-config", {{"metadata", metadata}}));
    components.push_back(component(app + "-sa", "ServiceAccount", app, {{"metadata", metadata}}));
    components.push_back(
        component(app + "-role", "Role", app + "-reader", {{"metadata", metadata}}));
    components.push_back(component(app + "-rb", "RoleBinding", app + "-binding",
                                   {{"metadata", metadata},
                                    {"roleRef", {{"kind", "Role"}, {"name", app + "-reader"}}},
                                    {"subjects", {{{"kind", "ServiceAccount"}, {"name", app}}}}}));
    components.push_back(
        component(app + "-secret", "Secret", app + "-tls", {{"metadata", metadata}}));
    components.push_back(
        component(app + "-pvc", "PersistentVolumeClaim", app + "-data", {{"metadata", metadata}}));
    components.push_back(
        component(app + "-job", "Job", app + "-migrate", {{"metadata", metadata}}));
    components.push_back(
        component(app + "-cron", "CronJob", app + "-backup", {{"metadata", metadata}}));
  }
  return {{"id", "00000000-0000-0000-0000-00000000beef"},  {"name", "generated"},
          {"schemaVersion", "designs.meshery.io/v1beta1"}, {"version", "0.0.1"},
          {"components", std::move(components)},           {"relationships", json::array()}};
}

void BM_EvaluateDesign(benchmark::State& state) {
  static const auto definitions = bundledDefinitions();
  std::vector<const meshery::registry::RelationshipDefinition*> pointers;
  for (const auto& definition : definitions) pointers.push_back(&definition);
  const json design = generatedDesign(static_cast<int>(state.range(0)));
  std::size_t relationships = 0;
  for (auto _ : state) {
    auto result = meshery::policy::evaluateDesign(design, pointers);
    relationships = result.design["relationships"].size();
    benchmark::DoNotOptimize(result);
  }
  state.counters["relationships"] = static_cast<double>(relationships);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_EvaluateDesign)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

/// One edit of a design of `state.range(0)` components kept by an
/// IncrementalEvaluation (issue 6: < 10 ms at 10,000): a Service's selector
/// moved to another application and back, a Deployment's pod labels, a
/// ConfigMap renamed; each moves relationships.
void BM_IncrementalEdit(benchmark::State& state) {
  static const auto definitions = bundledDefinitions();
  std::vector<const meshery::registry::RelationshipDefinition*> pointers;
  for (const auto& definition : definitions) pointers.push_back(&definition);
  meshery::policy::IncrementalEvaluation evaluation(
      generatedDesign(static_cast<int>(state.range(0))), pointers);
  const auto find = [&](const std::string& id) {
    for (const json& component : evaluation.design()["components"]) {
      if (component.value("id", "") == id) return component;
    }
    return json();
  };
  const json service = find("app-7-svc");
  const json deployment = find("app-9-deploy");
  const json config = find("app-11-cm");
  std::vector<json> edits;
  for (const json* original : {&service, &deployment, &config}) {
    json edited = *original;
    if (original == &service) edited["configuration"]["spec"]["selector"]["app"] = "app-27";
    if (original == &deployment)
      edited["configuration"]["spec"]["template"]["metadata"]["labels"]["app"] = "app-29";
    if (original == &config) edited["displayName"] = "app-31-config";
    edits.push_back(std::move(edited));
    edits.push_back(*original);
  }
  std::size_t i = 0;
  std::size_t actions = 0;
  std::size_t evaluated = 0;
  for (auto _ : state) {
    actions += evaluation.upsert(edits[i++ % edits.size()]).size();
    evaluated += evaluation.lastEdit().components;
    if (evaluation.lastEdit().whole) state.SkipWithError("an edit was evaluated whole");
  }
  state.counters["actions/edit"] = static_cast<double>(actions) / state.iterations();
  state.counters["evaluated/edit"] = static_cast<double>(evaluated) / state.iterations();
}
BENCHMARK(BM_IncrementalEdit)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  meshery::tuneHeapForDocuments();  // as meshery-server runs
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
