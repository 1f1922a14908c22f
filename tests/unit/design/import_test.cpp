#include "meshery/design/import.hpp"

#include <gtest/gtest.h>

#include <set>

#include "design_test_support.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

constexpr const char* kManifest = R"(apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
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
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  ports:
  - port: 80
status:
  loadBalancer: {}
)";

ImportResult importText(const std::string& file_name, const std::string& bytes,
                        std::optional<SourceType> declared = std::nullopt, const std::string& name = "") {
  return importDesign(ImportSource{file_name, bytes, declared, name}, testing::kubernetesRegistry());
}

Error importError(const std::string& file_name, const std::string& bytes,
                  std::optional<SourceType> declared = std::nullopt, const ImportLimits& limits = {}) {
  try {
    importDesign(ImportSource{file_name, bytes, declared, ""}, testing::kubernetesRegistry(), limits);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "the import of " << file_name << " succeeded";
  return Error(ErrorCode::kInternal, "no error");
}

const json& componentNamed(const json& design, const std::string& kind) {
  for (const auto& component : design["components"]) {
    if (component["component"]["kind"] == kind) return component;
  }
  static const json kNone;
  ADD_FAILURE() << "no " << kind;
  return kNone;
}

TEST(ImportDesign, ManifestResourcesBecomeDeclarationsOfTheirRegistryComponents) {
  ImportResult result = importText("web-app.yaml", kManifest);
  EXPECT_EQ(result.source_type, SourceType::kKubernetesManifest);
  EXPECT_EQ(result.design.name, "web-app") << "named after the file";
  EXPECT_TRUE(result.warnings.empty());
  EXPECT_TRUE(result.validation.empty()) << result.validation.front().text();
  json design = result.design.toJson();
  ASSERT_EQ(design["components"].size(), 2U);
  const json& deployment = componentNamed(design, "Deployment");
  EXPECT_EQ(deployment["displayName"], "web");
  EXPECT_EQ(deployment["component"]["version"], "apps/v1");
  EXPECT_FALSE(deployment["component"].contains("schema")) << "the schema stays in the registry";
  EXPECT_EQ(deployment["model"]["name"], "kubernetes");
  EXPECT_EQ(deployment["modelReference"]["name"], "kubernetes");
  EXPECT_FALSE(deployment["capabilities"].empty());
  EXPECT_EQ(deployment["metadata"]["isNamespaced"], true);
  EXPECT_EQ(deployment["configuration"]["metadata"]["namespace"], "default");
  EXPECT_FALSE(deployment["configuration"].contains("apiVersion"));
  EXPECT_FALSE(deployment["configuration"].contains("kind"));
  const json& service = componentNamed(design, "Service");
  EXPECT_EQ(service["configuration"]["metadata"]["namespace"], "shop");
  EXPECT_FALSE(service["configuration"].contains("status"));
}

TEST(ImportDesign, ComponentIdsAreTheSameOnEveryImport) {
  json first = importText("a.yaml", kManifest).design.toJson();
  json second = importText("a.yaml", kManifest).design.toJson();
  EXPECT_NE(first["id"], second["id"]) << "each import is a new design";
  EXPECT_EQ(first["components"][0]["id"], second["components"][0]["id"]);
  EXPECT_EQ(Uuid::parse(first["components"][0]["id"].get<std::string>())->version(), 5);
  json renamed = importText("a.yaml", kManifest, std::nullopt, "other").design.toJson();
  EXPECT_NE(renamed["components"][0]["id"], first["components"][0]["id"]);
}

TEST(ImportDesign, AnUnknownKindIsKeptUnresolvedAndWarned) {
  ImportResult result = importText("x.yaml", "apiVersion: example.com/v1\nkind: Gizmo\nmetadata: {name: g}\n");
  ASSERT_EQ(result.design.componentCount(), 1U);
  json component = result.design.toJson()["components"][0];
  EXPECT_EQ(component["metadata"]["unresolved"], true);
  EXPECT_EQ(component["model"]["name"], "unknown");
  EXPECT_EQ(component["component"]["kind"], "Gizmo");
  ASSERT_EQ(result.warnings.size(), 1U);
  EXPECT_EQ(result.warnings[0].subject, "Gizmo/g");
  EXPECT_TRUE(result.validation.empty());
}

TEST(ImportDesign, ADeclaredTypeIsTheOnlyOneTried) {
  Error error = importError("web.yaml", kManifest, SourceType::kDockerCompose);
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(error.message().find("looks like a Kubernetes Manifest"), std::string::npos) << error.message();
  EXPECT_EQ(importText("web.yaml", kManifest, SourceType::kKubernetesManifest).source_type,
            SourceType::kKubernetesManifest);
}

TEST(ImportDesign, RefusesUnsupportedExtensionsAndEmptyInput) {
  EXPECT_EQ(importError("app.exe", kManifest).code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(importError("app.yaml", "# nothing\n---\n").code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(importError("app.tgz", kManifest).code(), ErrorCode::kMalformedInput);
}

TEST(ImportDesign, ArchivesAreBoundedByTheLimits) {
  std::vector<archive::Entry> entries;
  for (int i = 0; i < 5; ++i) entries.push_back({"m" + std::to_string(i) + ".yaml", kManifest});
  std::string bytes = archive::writeArchive(entries, archive::Format::kTarGzip);
  ImportLimits few_entries;
  few_entries.max_entries = 3;
  EXPECT_EQ(importError("many.tgz", bytes, std::nullopt, few_entries).code(), ErrorCode::kPayloadTooLarge);
  ImportLimits few_bytes;
  few_bytes.max_unpacked_bytes = 1000;
  EXPECT_EQ(importError("many.tgz", bytes, std::nullopt, few_bytes).code(), ErrorCode::kPayloadTooLarge);
}

TEST(ImportDesign, SeveralManifestFilesOfAnArchiveAreMerged) {
  std::string bytes = archive::writeArchive(
      {{"deploy/web.yaml", kManifest}, {"deploy/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n"},
       {"deploy/values.yaml", "replicas: 3\n"}},
      archive::Format::kTarGzip);
  ImportResult result = importText("bundle.tar.gz", bytes);
  EXPECT_EQ(result.design.name, "bundle");
  EXPECT_EQ(result.design.componentCount(), 3U);
  ASSERT_EQ(result.warnings.size(), 1U);
  EXPECT_EQ(result.warnings[0].subject, "file values.yaml");
}

TEST(ImportDesign, TheDesignOfAnArchiveIsImportedAndTheOtherFilesWarned) {
  const std::string design = "schemaVersion: designs.meshery.io/v1beta1\nname: inner\ncomponents: []\n";
  std::string bytes = archive::writeArchive({{"design.yaml", design}, {"extra.yaml", kManifest}},
                                            archive::Format::kTar);
  ImportResult result = importText("pack.tar", bytes);
  EXPECT_EQ(result.source_type, SourceType::kDesign);
  EXPECT_EQ(result.design.name, "inner");
  ASSERT_EQ(result.warnings.size(), 1U);
  EXPECT_EQ(result.warnings[0].subject, "file extra.yaml");
}

TEST(ImportDesign, ADesignKeepsItsIdAndTakesTheGivenName) {
  const std::string text = R"(schemaVersion: designs.meshery.io/v1beta1
id: 0c7e2f3a-9b8d-4c6e-a1f2-3b4c5d6e7f80
name: mine
components: []
)";
  ImportResult kept = importText("whatever.yaml", text);
  EXPECT_EQ(kept.design.name, "mine");
  EXPECT_EQ(kept.design.id.toString(), "0c7e2f3a-9b8d-4c6e-a1f2-3b4c5d6e7f80");
  EXPECT_EQ(importText("whatever.yaml", text, std::nullopt, "renamed").design.toJson()["name"], "renamed");
}

TEST(ImportDesign, AHelmChartArchiveIsRefusedWithTheReason) {
  std::string bytes = archive::writeArchive(
      {{"chart/Chart.yaml", "apiVersion: v2\nname: c\nversion: 1.0.0\n"}, {"chart/values.yaml", "{}\n"}},
      archive::Format::kTarGzip);
  Error error = importError("chart.tgz", bytes);
  EXPECT_NE(error.message().find("Helm"), std::string::npos);
}

TEST(ImportDesign, AListWithoutKindsIsWarnedNotDropped) {
  ImportResult result = importText("l.yaml", "apiVersion: v1\nkind: List\nitems:\n- {metadata: {name: x}}\n"
                                             "- {apiVersion: v1, kind: ConfigMap, metadata: {name: why}}\n");
  EXPECT_EQ(result.design.componentCount(), 1U);
  ASSERT_EQ(result.warnings.size(), 1U);
  EXPECT_EQ(result.warnings[0].subject, "List item 1");
}

}  // namespace
}  // namespace meshery::design

namespace meshery::design {
namespace {

using nlohmann::json;

TEST(ImportDesign, AComposeFileBecomesTheManifestsKomposeWouldWrite) {
  ImportResult result = importText("docker-compose.yml",
                                   "services:\n  web:\n    image: nginx:1.25\n    ports: [\"8080:80\"]\n");
  EXPECT_EQ(result.source_type, SourceType::kDockerCompose);
  EXPECT_EQ(result.design.name, "docker-compose");
  std::set<std::string> kinds;
  const json design = result.design.toJson();
  for (const auto& component : design["components"]) {
    kinds.insert(component["component"]["kind"].get<std::string>());
  }
  EXPECT_TRUE(kinds.count("Deployment")) << result.design.toYaml();
  EXPECT_TRUE(kinds.count("Service")) << result.design.toYaml();
}

TEST(ImportDesign, AComposeFileOfAnArchiveSeesItsEnvFiles) {
  std::string bytes = archive::writeArchive(
      {{"app/compose.yaml", "services:\n  web:\n    image: nginx\n    env_file: web.env\n"},
       {"app/web.env", "MODE=fast\n"}},
      archive::Format::kTarGzip);
  ImportResult result = importText("app.tgz", bytes);
  EXPECT_EQ(result.source_type, SourceType::kDockerCompose);
  EXPECT_NE(result.design.toYaml().find("fast"), std::string::npos) << result.design.toYaml();
  for (const auto& warning : result.warnings) EXPECT_NE(warning.subject, "file web.env");
}

}  // namespace
}  // namespace meshery::design

namespace meshery::design {
namespace {

// Found by fuzzing: a metadata that is not a map once reached a JSON type error.
TEST(ImportDesign, AResourceWhoseMetadataIsNotAMapIsNotAManifest) {
  Error error = importError("x.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: just-a-name\n");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(error.cause().find("metadata that is not a map"), std::string::npos) << error.cause();
  ImportResult listed = importText("l.yaml", "apiVersion: v1\nkind: List\nitems:\n"
                                             "- {apiVersion: v1, kind: ConfigMap, metadata: [a]}\n");
  EXPECT_EQ(listed.design.componentCount(), 0U);
  ASSERT_EQ(listed.warnings.size(), 1U);
}

}  // namespace
}  // namespace meshery::design
