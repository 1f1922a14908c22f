// Helm charts through the design import pipeline: libs/helm bound by
// chartRenderer, libs/design's pipeline, the bundled kubernetes model.
#include "meshery/api/chart_import.hpp"

#include <gtest/gtest.h>

#include "../design/design_test_support.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"

namespace meshery::api {
namespace {

using nlohmann::json;

constexpr const char* kWidgetCrd = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
  scope: Namespaced
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec:
            type: object
            properties:
              size: {type: integer}
)";

/// A chart with a CRD and a custom resource of it, a subchart behind a
/// condition, a values schema, a helper, a hook and a required value.
std::vector<archive::Entry> shopChart() {
  return {
      {"shop/Chart.yaml",
       "apiVersion: v2\nname: shop\nversion: 1.2.0\ndependencies:\n"
       "- name: cache\n  version: 0.1.0\n  condition: cache.enabled\n"},
      {"shop/values.yaml",
       "replicaCount: 1\nimage: {repository: nginx, tag: \"1.27\"}\ncache: {enabled: true}\n"
       "widget: {size: 3}\n"},
      {"shop/values.schema.json",
       R"({"type": "object", "properties": {"replicaCount": {"type": "integer", "minimum": 1}}})"},
      {"shop/crds/widget.yaml", kWidgetCrd},
      {"shop/templates/_helpers.tpl",
       "{{- define \"shop.fullname\" -}}{{ .Release.Name }}-{{ .Chart.Name }}{{- end }}\n"},
      {"shop/templates/deployment.yaml",
       "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"shop.fullname\" . "
       "}}\n"
       "spec:\n  replicas: {{ .Values.replicaCount }}\n  selector:\n    matchLabels: {app: shop}\n"
       "  template:\n    metadata:\n      labels: {app: shop}\n    spec:\n      containers:\n"
       "      - name: web\n        image: \"{{ .Values.image.repository }}:{{ .Values.image.tag "
       "}}\"\n"},
      {"shop/templates/service.yaml",
       "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ include \"shop.fullname\" . }}\n"
       "spec:\n  selector: {app: shop}\n  ports:\n  - port: 80\n"},
      {"shop/templates/widget.yaml",
       "apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: gadget\n"
       "spec:\n  size: {{ .Values.widget.size }}\n"},
      {"shop/templates/migrate.yaml",
       "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: migrate\n  annotations:\n"
       "    helm.sh/hook: post-install\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n"
       "      containers: [{name: m, image: busybox}]\n"},
      {"shop/templates/NOTES.txt", "Thanks for installing {{ .Chart.Name }}.\n"},
      {"shop/charts/cache/Chart.yaml", "apiVersion: v2\nname: cache\nversion: 0.1.0\n"},
      {"shop/charts/cache/values.yaml", "port: 6379\n"},
      {"shop/charts/cache/templates/service.yaml",
       "apiVersion: v1\nkind: Service\nmetadata:\n  name: cache\nspec:\n  ports:\n"
       "  - port: {{ .Values.port }}\n"},
  };
}

std::string shopArchive(std::vector<archive::Entry> entries = shopChart()) {
  return archive::writeArchive(entries, archive::Format::kTarGzip);
}

design::ImportResult importChart(const std::string& bytes, const json& request = json::object(),
                                 std::optional<design::SourceType> declared = std::nullopt) {
  design::ImportSource source{"shop-1.2.0.tgz", bytes, declared, ""};
  source.render_chart = chartRenderer(valueOverridesOf(request));
  return design::importDesign(source, design::testing::kubernetesRegistry());
}

std::vector<std::string> kindsOf(const design::Design& design) {
  std::vector<std::string> kinds;
  for (const auto& component : design.document["components"]) {
    kinds.push_back(component["component"]["kind"].get<std::string>() + "/" +
                    component["displayName"].get<std::string>());
  }
  return kinds;
}

/// The declaration of `kind` as the design is written (shared fields in).
json componentNamed(const design::Design& design, const std::string& kind) {
  const json whole = design.toJson();
  for (const auto& component : whole["components"]) {
    if (component["component"]["kind"] == kind) return component;
  }
  ADD_FAILURE() << "no " << kind;
  return json();
}

Error importFailure(const std::string& bytes, const json& request = json::object()) {
  try {
    importChart(bytes, request);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "the import succeeded";
  return Error(ErrorCode::kInternal, "no error");
}

TEST(ChartImport, AChartArchiveBecomesADesignOfItsRenderedResources) {
  const design::ImportResult result = importChart(shopArchive());
  EXPECT_EQ(result.source_type, design::SourceType::kHelmChart);
  EXPECT_EQ(result.design.name, "shop") << "named after the chart";
  // The CRD first, then Helm's install order; the hook and NOTES.txt left out.
  EXPECT_EQ(kindsOf(result.design),
            (std::vector<std::string>{"CustomResourceDefinition/widgets.example.com",
                                      "Service/cache", "Service/release-name-shop",
                                      "Deployment/release-name-shop", "Widget/gadget"}));
  EXPECT_EQ(componentNamed(result.design, "Deployment")["configuration"]["spec"]["replicas"], 1);
  EXPECT_EQ(componentNamed(result.design, "Deployment")["configuration"]["metadata"]["namespace"],
            "default");
  // The chart's CRD registered Widget for this import: it resolves.
  EXPECT_EQ(componentNamed(result.design, "Widget")["model"]["name"], "example-com");
  bool hook_reported = false;
  for (const auto& warning : result.warnings) {
    EXPECT_EQ(warning.subject.find("Widget"), std::string::npos) << warning.message;
    hook_reported = hook_reported || warning.subject == "Job/migrate (shop/templates/migrate.yaml)";
  }
  EXPECT_TRUE(hook_reported) << "a hook left out is reported, never silently dropped";
  EXPECT_TRUE(result.validation.empty()) << result.validation.front().text();
}

TEST(ChartImport, ValueOverridesApplyInHelmsOrder) {
  const json request = {
      {"values", json::array({"replicaCount: 2\nwidget: {size: 5}\n", json{{"replicaCount", 4}}})},
      {"set_json", R"(image={"repository":"httpd","tag":"2.4"})"},
      {"set", json::array({"replicaCount=3", "cache.enabled=false"})},
      {"set_string", "image.tag=007"}};
  const design::ImportResult result = importChart(shopArchive(), request);
  const json deployment = componentNamed(result.design, "Deployment")["configuration"];
  EXPECT_EQ(deployment["spec"]["replicas"], 3) << "--set after the values files";
  EXPECT_EQ(deployment["spec"]["template"]["spec"]["containers"][0]["image"], "httpd:007");
  EXPECT_EQ(componentNamed(result.design, "Widget")["configuration"]["spec"]["size"], 5);
  for (const auto& kind : kindsOf(result.design)) {
    EXPECT_NE(kind, "Service/cache") << "the condition turned the subchart off";
  }
}

TEST(ChartImport, ValuesBreakingTheChartsSchemaAreRefusedWithThePath) {
  const Error error = importFailure(shopArchive(), {{"set", "replicaCount=0"}});
  EXPECT_NE(error.message().find("values don't meet the specifications of the schema(s) in the "
                                 "following chart(s):\nshop:\n- replicaCount: "),
            std::string::npos)
      << error.message();
  EXPECT_NE(error.message().find("shop-1.2.0.tgz: "), std::string::npos) << "names the input";
}

TEST(ChartImport, TemplateFailuresCarryHelmsMessage) {
  auto entries = shopChart();
  entries.push_back({"shop/templates/secret.yaml",
                     "apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\nstringData:\n"
                     "  password: {{ required \"password is required\" .Values.password }}\n"});
  const Error error = importFailure(shopArchive(entries));
  EXPECT_NE(error.message().find(
                "execution error at (shop/templates/secret.yaml:6:15): password is required"),
            std::string::npos)
      << error.message();
  EXPECT_NO_THROW(importChart(shopArchive(entries), {{"set", "password=s3cret"}}));
}

TEST(ChartImport, BadOverridesAndNonChartsSayWhatIsWrong) {
  EXPECT_THROW(valueOverridesOf({{"set", 5}}), Error);
  EXPECT_THROW(valueOverridesOf({{"values", json::array({true})}}), Error);
  EXPECT_THROW(importChart(shopArchive(), {{"set", "novalue"}}), Error);
  EXPECT_THROW(importChart(shopArchive(), {{"values", "- a list\n"}}), Error);
  // Declared a chart, but no Chart.yaml at the root.
  const std::string manifests = archive::writeArchive(
      {{"app/web.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n"}},
      archive::Format::kTarGzip);
  try {
    importChart(manifests, json::object(), design::SourceType::kHelmChart);
    ADD_FAILURE() << "imported as a chart";
  } catch (const Error& error) {
    EXPECT_NE(error.cause().find("no Chart.yaml"), std::string::npos) << error.cause();
  }
  // The same archive is manifests when nothing is declared.
  EXPECT_EQ(importChart(manifests).source_type, design::SourceType::kKubernetesManifest);
}

TEST(ChartImport, AHostileChartArchiveIsRefusedLikeAnyArchive) {
  const std::string hostile =
      archive::writeArchive({{"shop/Chart.yaml", "apiVersion: v2\nname: shop\nversion: 1.0.0\n"},
                             {"shop/templates/big.yaml", std::string(2U << 20U, 'x')}},
                            archive::Format::kTarGzip);
  design::ImportSource source{"shop.tgz", hostile, std::nullopt, ""};
  source.render_chart = chartRenderer({});
  EXPECT_THROW(design::importDesign(source, design::testing::kubernetesRegistry(),
                                    {.max_entries = 1000, .max_unpacked_bytes = 1U << 20U}),
               Error);
}

}  // namespace
}  // namespace meshery::api
