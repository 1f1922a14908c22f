// mesheryctl design against the built server (and, with --local, without it).

#include <nlohmann/json.hpp>

#include "mesheryctl_fixture.hpp"

namespace meshery::test {
namespace {

constexpr const char* kShop = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
)";

constexpr const char* kBroken = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: broken}
spec:
  replicas: three
  selector: {matchLabels: {app: b}}
  template:
    metadata: {labels: {app: b}}
    spec: {containers: [{name: b, image: busybox}]}
)";

class CliDesignE2e : public MesheryctlE2e {
 protected:
  void SetUp() override {
    MesheryctlE2e::SetUp();
    std::filesystem::create_directories(work_);
    writeFile(work_ / "shop.yaml", kShop);
    writeFile(work_ / "broken.yaml", kBroken);
  }
  void TearDown() override {
    if (pidOnFile() > 1) mesheryctl({"system", "stop"});
    MesheryctlE2e::TearDown();
  }
  std::filesystem::path work_ = dir_.path() / "work";
};

TEST_F(CliDesignE2e, ImportListViewExportValidateDelete) {
  ASSERT_EQ(mesheryctl({"system", "start", "--skip-browser"}).exit_code, 0);
  auto imported = mesheryctl({"design", "import", "-f", (work_ / "shop.yaml").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_TRUE(contains(imported.output, "Imported design shop")) << imported.output;
  // The Deployment and the Service, and what the evaluation created: their
  // Namespace and a Container alias for the Deployment's container.
  EXPECT_TRUE(contains(imported.output, "4 component(s) from a Kubernetes Manifest"))
      << imported.output;
  EXPECT_TRUE(contains(imported.output, "Relationships: 4 (evaluation created 2 component(s))"))
      << imported.output;

  auto list = mesheryctl({"design", "list"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_TRUE(contains(list.output, "shop")) << list.output;
  EXPECT_TRUE(contains(list.output, "Total number of designs: 1")) << list.output;

  auto view = mesheryctl({"design", "view", "shop"});
  ASSERT_EQ(view.exit_code, 0) << view.output;
  EXPECT_TRUE(contains(view.output, "schemaVersion: designs.meshery.io/v1beta1")) << view.output;
  auto json_view = mesheryctl({"design", "view", "shop", "-o", "json"});
  ASSERT_EQ(json_view.exit_code, 0) << json_view.output;
  EXPECT_EQ(nlohmann::json::parse(json_view.output)["name"], "shop");

  auto exported = mesheryctl(
      {"design", "export", "shop", "--type", "manifest", "-o", (work_ / "out").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  EXPECT_TRUE(contains(readFile(work_ / "out" / "shop-manifests.yaml"), "kind: Deployment"));

  auto invalid = mesheryctl({"design", "validate", "-f", (work_ / "broken.yaml").string()});
  EXPECT_EQ(invalid.exit_code, 1) << invalid.output;
  EXPECT_TRUE(contains(invalid.output, "Deployment/broken: spec.replicas")) << invalid.output;
  auto valid = mesheryctl({"design", "validate", "-f", (work_ / "shop.yaml").string()});
  EXPECT_EQ(valid.exit_code, 0) << valid.output;

  // The stored design's relationships, as the server evaluates them.
  auto evaluated = mesheryctl({"design", "evaluate", "shop"});
  ASSERT_EQ(evaluated.exit_code, 0) << evaluated.output;
  EXPECT_TRUE(contains(evaluated.output,
                       "edge/non-binding/network  web (Service) -> web (Deployment)  [approved]"))
      << evaluated.output;
  EXPECT_TRUE(contains(evaluated.output, "Actions: 0"))
      << "evaluated on import already: " << evaluated.output;
  auto from_file = mesheryctl({"design", "evaluate", "-f", (work_ / "shop.yaml").string()});
  ASSERT_EQ(from_file.exit_code, 0) << from_file.output;
  EXPECT_TRUE(contains(from_file.output, "Relationships: 4")) << from_file.output;

  auto deleted = mesheryctl({"design", "delete", "shop"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.output;
  EXPECT_TRUE(contains(mesheryctl({"design", "list"}).output, "No designs found"));
  auto missing = mesheryctl({"design", "view", "shop"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.output, "design 'shop' not found")) << missing.output;
}

TEST_F(CliDesignE2e, ValidatesLocallyWithoutAServer) {
  auto valid = mesheryctl({"design", "validate", "--local", "-f", (work_ / "shop.yaml").string()});
  EXPECT_EQ(valid.exit_code, 0) << valid.output;
  EXPECT_TRUE(contains(valid.output, "Valid: ")) << valid.output;
  auto invalid = mesheryctl(
      {"design", "validate", "--local", "-f", (work_ / "broken.yaml").string(), "-o", "json"});
  EXPECT_EQ(invalid.exit_code, 1) << invalid.output;
  EXPECT_TRUE(contains(invalid.output, "spec.replicas")) << invalid.output;
  EXPECT_EQ(pidOnFile(), 0) << "no server was started";
}

TEST_F(CliDesignE2e, EvaluatesLocallyWithoutAServer) {
  auto text = mesheryctl({"design", "evaluate", "--local", "-f", (work_ / "shop.yaml").string()});
  ASSERT_EQ(text.exit_code, 0) << text.output;
  EXPECT_TRUE(contains(text.output, "Relationships: 4")) << text.output;
  EXPECT_TRUE(contains(text.output, "containers 0 (Container) -> web (Deployment)")) << text.output;
  EXPECT_TRUE(contains(text.output, "web (Service) -> web (Deployment)")) << text.output;
  auto json_text = mesheryctl(
      {"design", "evaluate", "--local", "-f", (work_ / "shop.yaml").string(), "-o", "json"});
  ASSERT_EQ(json_text.exit_code, 0) << json_text.output;
  const auto answer = nlohmann::json::parse(json_text.output);
  EXPECT_EQ(answer["design"]["relationships"].size(), 4U) << json_text.output;
  EXPECT_EQ(answer["actions"][0]["op"], "add_relationship");
  // The Namespace renamed in the evaluated design: the components it holds follow.
  nlohmann::json renamed = answer["design"];
  for (auto& component : renamed["components"]) {
    if (component["component"]["kind"] == "Namespace") component["displayName"] = "store";
  }
  writeFile(work_ / "renamed.json", renamed.dump());
  auto followed = mesheryctl({"design", "evaluate", "--local", "-f", (work_ / "renamed.json").string()});
  ASSERT_EQ(followed.exit_code, 0) << followed.output;
  EXPECT_TRUE(contains(followed.output,
                       "update_component_configuration  web (Deployment) "
                       "configuration.metadata.namespace = \"store\""))
      << followed.output;
  auto named = mesheryctl({"design", "evaluate", "--local", "shop"});
  EXPECT_EQ(named.exit_code, 1) << named.output;
  EXPECT_TRUE(contains(named.output, "--local evaluates a file")) << named.output;
  EXPECT_EQ(pidOnFile(), 0) << "no server was started";
}

TEST_F(CliDesignE2e, ImportsAChartDirectoryWithValueOverrides) {
  const auto chart = work_ / "web";
  writeFile(chart / "Chart.yaml", "apiVersion: v2\nname: web\nversion: 0.3.0\n");
  writeFile(chart / "values.yaml", "replicas: 1\nimage: nginx\n");
  writeFile(chart / "templates" / "deployment.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: {{ .Release.Name }}}\n"
            "spec:\n  replicas: {{ .Values.replicas }}\n  selector: {matchLabels: {app: web}}\n"
            "  template:\n    metadata: {labels: {app: web}}\n"
            "    spec: {containers: [{name: web, image: {{ .Values.image }}}]}\n");
  writeFile(chart / "templates" / "service.yaml",
            "apiVersion: v1\nkind: Service\nmetadata: {name: {{ .Release.Name }}}\n"
            "spec: {selector: {app: web}, ports: [{port: 80}]}\n");
  writeFile(work_ / "prod.yaml", "image: httpd\nreplicas: 2\n");

  // Rendered locally, as helm template would, with no server.
  auto rendered = mesheryctl({"chart", "template", "shop", chart.string(), "--set", "replicas=4"});
  ASSERT_EQ(rendered.exit_code, 0) << rendered.output;
  EXPECT_TRUE(contains(rendered.output, "# Source: web/templates/deployment.yaml\n"))
      << rendered.output;
  EXPECT_TRUE(contains(rendered.output, "metadata: {name: shop}")) << rendered.output;
  EXPECT_TRUE(contains(rendered.output, "replicas: 4")) << rendered.output;
  EXPECT_EQ(pidOnFile(), 0) << "no server was started";

  ASSERT_EQ(mesheryctl({"system", "start", "--skip-browser"}).exit_code, 0);
  auto imported =
      mesheryctl({"design", "import", "-f", chart.string(), "--values",
                  (work_ / "prod.yaml").string(), "--set", "replicas=3", "--release-name", "shop"});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_TRUE(contains(imported.output, "Imported design web")) << imported.output;
  EXPECT_TRUE(contains(imported.output, "4 component(s) from a Helm Chart")) << imported.output;
  auto view = mesheryctl({"design", "view", "web", "-o", "json"});
  ASSERT_EQ(view.exit_code, 0) << view.output;
  for (const auto& component : nlohmann::json::parse(view.output)["components"]) {
    // Made by the evaluation: the Namespace, the Container aliases.
    if (component["metadata"].value("isAnnotation", false) ||
        component["component"]["kind"] == "Namespace")
      continue;
    EXPECT_EQ(component["displayName"], "shop");
    if (component["component"]["kind"] != "Deployment") continue;
    EXPECT_EQ(component["configuration"]["spec"]["replicas"], 3) << "--set wins over --values";
    EXPECT_EQ(component["configuration"]["spec"]["template"]["spec"]["containers"][0]["image"],
              "httpd");
  }

  auto manifest =
      mesheryctl({"design", "import", "-f", (work_ / "shop.yaml").string(), "--set", "replicas=3"});
  ASSERT_EQ(manifest.exit_code, 0) << manifest.output;
  EXPECT_TRUE(contains(manifest.output, "apply to Helm charts only")) << manifest.output;
  auto missing = mesheryctl({"design", "import", "-f", chart.string(), "--values", "nope.yaml"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.output, "--values nope.yaml: no such file")) << missing.output;
}

}  // namespace
}  // namespace meshery::test
