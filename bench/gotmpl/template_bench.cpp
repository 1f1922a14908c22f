// The template engine's costs on a chart-like template: parsing it, and
// rendering it with Sprig against Helm-like values (a Deployment with
// helpers, ranges over maps and lists, defaults, quoting and indentation).

#include <benchmark/benchmark.h>

#include "meshery/gotmpl/json_value.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/gotmpl/templates.hpp"

namespace {

constexpr std::string_view kHelpers = R"({{- define "app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- define "app.labels" -}}
app.kubernetes.io/name: {{ include "app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name | quote }}
{{- range $key, $value := .Values.labels }}
{{ $key }}: {{ $value | quote }}
{{- end }}
{{- end -}}
)";

constexpr std::string_view kDeployment = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.name" . }}
  labels:
{{ include "app.labels" . | indent 4 }}
spec:
  replicas: {{ .Values.replicaCount | default 1 }}
  template:
    spec:
      containers:
      - name: {{ .Chart.Name }}
        image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default "latest" }}"
        env:
        {{- range $name, $value := .Values.env }}
        - name: {{ $name | upper | replace "-" "_" }}
          value: {{ $value | toString | quote }}
        {{- end }}
        ports:
        {{- range .Values.ports }}
        - containerPort: {{ .port }}
          protocol: {{ .protocol | default "TCP" }}
        {{- end }}
        {{- if .Values.resources }}
        resources:
          limits:
            cpu: {{ .Values.resources.cpu | quote }}
        {{- end }}
)";

meshery::gotmpl::Value values() {
  nlohmann::json env = nlohmann::json::object();
  for (int i = 0; i < 20; ++i) env["var-" + std::to_string(i)] = "value-" + std::to_string(i);
  nlohmann::json ports = nlohmann::json::array();
  for (int i = 0; i < 5; ++i) ports.push_back({{"port", 8000 + i}});
  return meshery::gotmpl::fromJson({{"Chart", {{"Name", "web"}}},
                                    {"Release", {{"Name", "prod"}}},
                                    {"Values",
                                     {{"replicaCount", 3},
                                      {"image", {{"repository", "nginx"}}},
                                      {"labels", {{"team", "a"}, {"tier", "web"}}},
                                      {"env", env},
                                      {"ports", ports},
                                      {"resources", {{"cpu", "500m"}}}}}});
}

// Helm's include: executes a named template into a string.
meshery::gotmpl::FunctionMap functions() {
  meshery::gotmpl::FunctionMap map = meshery::gotmpl::sprigFunctions();
  map["include"] = meshery::gotmpl::Function{
      {meshery::gotmpl::Param::kString, meshery::gotmpl::Param::kAny},
      false,
      [](meshery::gotmpl::CallContext& context, std::vector<meshery::gotmpl::Value>& args) {
        std::string out;
        context.templates.execute(args[0].asString(), args[1], out, context.budget);
        return meshery::gotmpl::Value::string(std::move(out));
      }};
  return map;
}

void BM_ParseChartTemplates(benchmark::State& state) {
  const meshery::gotmpl::Templates base(functions());
  for (auto _ : state) {
    meshery::gotmpl::Templates templates = base;  // shares the function map
    templates.parse("_helpers.tpl", kHelpers);
    templates.parse("deployment.yaml", kDeployment);
    benchmark::DoNotOptimize(templates);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(kHelpers.size() + kDeployment.size()));
}
BENCHMARK(BM_ParseChartTemplates)->Unit(benchmark::kMicrosecond);

// What Helm's tpl pays per call: a clone of the set, a parse, an execution.
void BM_TplCall(benchmark::State& state) {
  meshery::gotmpl::Templates templates(functions());
  templates.parse("_helpers.tpl", kHelpers);
  templates.parse("deployment.yaml", kDeployment);
  const auto data = values();
  for (auto _ : state) {
    meshery::gotmpl::Templates clone = templates;
    clone.parse("deployment.yaml", R"({{ .Values.image.repository }}:{{ include "app.name" . }})");
    benchmark::DoNotOptimize(clone.execute("deployment.yaml", data));
  }
}
BENCHMARK(BM_TplCall)->Unit(benchmark::kMicrosecond);

void BM_RenderDeployment(benchmark::State& state) {
  meshery::gotmpl::Templates templates(functions());
  templates.parse("_helpers.tpl", kHelpers);
  templates.parse("deployment.yaml", kDeployment);
  const auto data = values();
  for (auto _ : state) benchmark::DoNotOptimize(templates.execute("deployment.yaml", data));
}
BENCHMARK(BM_RenderDeployment)->Unit(benchmark::kMicrosecond);

}  // namespace
BENCHMARK_MAIN();
