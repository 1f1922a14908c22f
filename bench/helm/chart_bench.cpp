// Rendering a chart as `helm template` does: 50 templates using helpers,
// toYaml, ranges and defaults, plus a subchart with 5 more (issue target:
// < 20 ms for load + values + render + output).

#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string_view>

#include "meshery/helm/manifests.hpp"
#include "meshery/helm/release.hpp"
#include "meshery/helm/render.hpp"
#include "meshery/helm/values.hpp"

namespace {

constexpr std::string_view kHelpers = R"({{- define "app.fullname" -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}
)";

std::string deployment(int i) {
  return R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}-)" +
         std::to_string(i) + R"(
  labels:
    {{- include "app.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount | default 1 }}
  selector:
    matchLabels:
      {{- include "app.labels" . | nindent 6 }}
  template:
    spec:
      containers:
      - name: app
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
        env:
        {{- range $key, $value := .Values.env }}
        - name: {{ $key | upper }}
          value: {{ $value | quote }}
        {{- end }}
        resources:
          {{- toYaml .Values.resources | nindent 10 }}
)";
}

std::vector<meshery::archive::Entry> chartFiles() {
  std::vector<meshery::archive::Entry> files = {
      {"Chart.yaml",
       "apiVersion: v2\nname: big\nversion: 1.0.0\nappVersion: \"2.0\"\ndependencies:\n- name: "
       "sub\n  version: 0.1.0\n  condition: sub.enabled\n"},
      {"values.yaml",
       "replicaCount: 2\nimage: {repository: nginx}\nenv: {a: 1, b: two, c: 'true', d: x, e: y}\n"
       "resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 100m}}\nsub: {enabled: "
       "true}\n"},
      {"templates/_helpers.tpl", std::string(kHelpers)},
      {"charts/sub/Chart.yaml", "apiVersion: v2\nname: sub\nversion: 0.1.0"},
      {"charts/sub/values.yaml", "image: {repository: redis}\nresources: {}\n"},
      {"charts/sub/templates/_helpers.tpl", std::string(kHelpers)}};
  for (int i = 0; i < 50; ++i)
    files.push_back({"templates/deploy-" + std::to_string(i) + ".yaml", deployment(i)});
  for (int i = 0; i < 5; ++i)
    files.push_back({"charts/sub/templates/deploy-" + std::to_string(i) + ".yaml", deployment(i)});
  return files;
}

void BM_HelmTemplate50(benchmark::State& state) {
  const auto files = chartFiles();
  std::size_t bytes = 0;
  for (auto _ : state) {
    // What `mesheryctl chart template` runs: load, the --set parsed,
    // dependencies, values, render, sort and print.
    meshery::helm::ValueOverrides overrides;
    overrides.set = {"replicaCount=3,sub.enabled=true"};
    const meshery::helm::Release release = meshery::helm::renderRelease(
        meshery::helm::loadChart(files), meshery::helm::userValues(overrides));
    const std::string output = meshery::helm::templateText(release);
    bytes = output.size();
    benchmark::DoNotOptimize(output);
  }
  state.counters["output_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_HelmTemplate50)->Unit(benchmark::kMillisecond);

/// A TOML document of `tables` tables, each with a string, an integer, a
/// float, a date-time, an array and an inline table (about 200 bytes each).
std::string tomlDocument(int tables) {
  std::string text;
  for (int i = 0; i < tables; ++i) {
    const std::string n = std::to_string(i);
    text += "[service-" + n + "]\nname = \"svc-" + n + "\"\nport = " + std::to_string(8000 + i) +
            "\nweight = 0." + n + "\nsince = 2024-01-02T03:04:05Z\ntags = [\"a\", \"b\", \"c\"]\n" +
            "limits = { cpu = \"500m\", memory = \"128Mi\" }\n\n";
  }
  return text;
}

void BM_FromToml(benchmark::State& state) {
  // One template decoding the document with fromToml and counting its tables.
  const std::string document = tomlDocument(static_cast<int>(state.range(0)));
  const nlohmann::json values = {{"doc", document}};
  const std::vector<meshery::archive::Entry> files = {
      {"Chart.yaml", "apiVersion: v2\nname: toml\nversion: 1.0.0\n"},
      {"templates/count.yaml", "tables: {{ fromToml .Values.doc | len }}\n"}};
  for (auto _ : state) {
    const std::string output = meshery::helm::templateText(
        meshery::helm::renderRelease(meshery::helm::loadChart(files), values));
    benchmark::DoNotOptimize(output);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * document.size()));
}
BENCHMARK(BM_FromToml)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

// `helm_chart_bench --write-chart DIR` writes the chart instead, for
// bench/helm/compare.sh to time a real helm and mesheryctl on it.
int main(int argc, char** argv) {
  if (argc == 3 && std::string_view(argv[1]) == "--write-chart") {
    for (const auto& file : chartFiles()) {
      const std::filesystem::path path = std::filesystem::path(argv[2]) / file.path;
      std::filesystem::create_directories(path.parent_path());
      std::ofstream(path, std::ios::binary) << file.bytes;
    }
    return 0;
  }
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
