#include "meshery/design/export.hpp"

#include <gtest/gtest.h>

#include "design_test_support.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/design/import.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

constexpr const char* kManifest = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
  labels: {app: web}
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
        args: ["{{ not a template }}"]
---
apiVersion: example.com/v1
kind: Gizmo
metadata: {name: g}
spec: {size: 3}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings}
data: {mode: fast}
)";

Design importedDesign() {
  return importDesign(ImportSource{"My Shop.yaml", kManifest, std::nullopt, ""},
                      testing::kubernetesRegistry())
      .design;
}

TEST(Export, ManifestsHaveOneDocumentPerComponent) {
  Design design = importedDesign();
  std::vector<json> documents = yaml::parseAll(toManifests(design));
  ASSERT_EQ(documents.size(), 3U);
  EXPECT_EQ(documents[0]["apiVersion"], "apps/v1");
  EXPECT_EQ(documents[0]["kind"], "Deployment");
  EXPECT_EQ(documents[0]["metadata"]["name"], "web");
  EXPECT_EQ(documents[0]["metadata"]["labels"]["app"], "web");
  EXPECT_EQ(documents[1]["kind"], "Gizmo") << "unresolved components are exported too";
  EXPECT_EQ(documents[2]["metadata"]["namespace"], "default");
}

TEST(Export, ManifestsImportBackToTheSameComponents) {
  Design design = importedDesign();
  ImportResult again = importDesign(ImportSource{"exported.yaml", toManifests(design), std::nullopt, design.name},
                                    testing::kubernetesRegistry());
  EXPECT_EQ(again.design.toJson()["components"], design.toJson()["components"]);
}

TEST(Export, DesignYamlReadsBackEqual) {
  Design design = importedDesign();
  EXPECT_EQ(Design::parse(design.toYaml()).toJson(), design.toJson());
}

TEST(Export, OciArchiveIsAnImageLayoutThatImportsBackEqual) {
  Design design = importedDesign();
  std::string oci = toOciArchive(design);
  EXPECT_EQ(oci, toOciArchive(design)) << "deterministic";
  std::vector<archive::Entry> entries = archive::readArchive(oci);
  std::map<std::string, std::string> files;
  for (auto& entry : entries) files[entry.path] = entry.bytes;
  ASSERT_TRUE(files.count("oci-layout"));
  json index = json::parse(files["index.json"]);
  std::string manifest_digest = index["manifests"][0]["digest"];
  json manifest = json::parse(files["blobs/sha256/" + manifest_digest.substr(7)]);
  EXPECT_EQ(manifest["layers"].size(), 1U);
  EXPECT_EQ(manifest["config"]["mediaType"], "application/vnd.oci.image.config.v1+json");
  std::string layer = files["blobs/sha256/" + manifest["layers"][0]["digest"].get<std::string>().substr(7)];
  auto layer_files = archive::readArchive(layer);
  ASSERT_EQ(layer_files.size(), 1U);
  EXPECT_EQ(layer_files[0].path, "design.yml");

  ImportResult back = importDesign(ImportSource{"design.tar", oci, std::nullopt, ""}, testing::kubernetesRegistry());
  EXPECT_EQ(back.source_type, SourceType::kDesign);
  EXPECT_EQ(back.design.toJson(), design.toJson());
}

TEST(Export, ATamperedOciBlobIsRefused) {
  std::vector<archive::Entry> entries = archive::readArchive(toOciArchive(importedDesign()));
  for (auto& entry : entries) {
    if (entry.path.starts_with("blobs/") && entry.bytes.starts_with("{\"architecture\"")) entry.bytes += " ";
  }
  std::string tampered = archive::writeArchive(entries, archive::Format::kTar);
  try {
    importDesign(ImportSource{"d.tar", tampered, std::nullopt, ""}, testing::kubernetesRegistry());
  } catch (const Error&) {
    return;  // the config is not read, but a changed manifest or layer would be: see below
  }
  for (auto& entry : entries) {
    if (entry.path.starts_with("blobs/") && entry.bytes.starts_with("{\"annotations\"")) entry.bytes += " ";
  }
  EXPECT_THROW(importDesign(ImportSource{"d.tar", archive::writeArchive(entries, archive::Format::kTar),
                                         std::nullopt, ""},
                            testing::kubernetesRegistry()),
               Error);
}

TEST(Export, HelmChartIsNamedAfterTheDesignWithATemplatePerComponent) {
  Design design = importedDesign();
  design.version = "v1.2.3";
  EXPECT_EQ(helmChartName("My Shop"), "my-shop");
  EXPECT_EQ(helmChartName("***"), "design");
  std::map<std::string, std::string> files;
  for (auto& entry : archive::readArchive(toHelmChart(design))) files[entry.path] = entry.bytes;
  ASSERT_TRUE(files.count("my-shop/Chart.yaml"));
  json chart = yaml::parse(files["my-shop/Chart.yaml"]);
  EXPECT_EQ(chart["apiVersion"], "v2");
  EXPECT_EQ(chart["name"], "my-shop");
  EXPECT_EQ(chart["version"], "v1.2.3");
  EXPECT_TRUE(files.count("my-shop/values.yaml"));
  ASSERT_TRUE(files.count("my-shop/templates/deployment-web.yaml"));
  ASSERT_TRUE(files.count("my-shop/templates/gizmo-g.yaml"));
  ASSERT_TRUE(files.count("my-shop/templates/configmap-settings.yaml"));
  const std::string& deployment = files["my-shop/templates/deployment-web.yaml"];
  EXPECT_NE(deployment.find(R"({{ "{{" }} not a template }})"), std::string::npos) << deployment;
}

}  // namespace
}  // namespace meshery::design
