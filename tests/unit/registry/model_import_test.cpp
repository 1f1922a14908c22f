#include "meshery/registry/model_import.hpp"

#include <gtest/gtest.h>

#include <algorithm>

#include "meshery/registry/registry_snapshot.hpp"
#include "registry_test_documents.hpp"

namespace meshery::registry {
namespace {

using testing::componentDocument;
using testing::modelDocument;
using testing::relationshipDocument;

const ImportFailure* failureOf(const ImportResult& result, const std::string& path) {
  auto found = std::find_if(result.failures.begin(), result.failures.end(),
                            [&](const ImportFailure& failure) { return failure.path == path; });
  return found == result.failures.end() ? nullptr : &*found;
}

TEST(ModelImport, ImportsTheMesheryFixtureLayout) {
  auto fixtures = testing::mesheryFixtures();
  if (!fixtures) GTEST_SKIP() << "Meshery fixtures not found (MESHERY_SOURCE_DIR/../shared)";
  ImportResult result = importModels(testing::readTree(*fixtures / "models"));
  for (const auto& failure : result.failures)
    ADD_FAILURE() << failure.path << ": " << failure.error.what();
  EXPECT_EQ(result.models.size(), 2U);
  EXPECT_EQ(result.components.size(), 5U);
  EXPECT_EQ(result.relationships.size(), 106U);
  EXPECT_TRUE(result.policies.empty());

  SnapshotBuilder builder;
  for (auto& model : result.models) builder.add(std::move(model));
  for (auto& component : result.components) builder.add(std::move(component));
  for (auto& relationship : result.relationships) builder.add(std::move(relationship));
  auto snapshot = builder.build();
  auto kubernetes = snapshot->modelsNamed("kubernetes");
  ASSERT_EQ(kubernetes.size(), 1U);
  EXPECT_EQ(kubernetes[0]->upstream_version, "v1.35.0");
  EXPECT_EQ(kubernetes[0]->components_count, 5U);
  EXPECT_EQ(kubernetes[0]->relationships_count, 100U);
  EXPECT_EQ(snapshot->componentsFor("Role", "rbac.authorization.k8s.io/v1").size(), 1U);
  EXPECT_EQ(snapshot->relationshipsOfModel("meshery-core").size(), 6U);
  EXPECT_EQ(snapshot->modelsNamed("meshery-core")[0]->relationships_count, 0U);
}

TEST(ModelImport, ImportingTwiceGivesTheSameIds) {
  std::vector<FileEntry> files = {
      {"kubernetes/v1.35.0/v1.0.0/model.json", modelDocument("kubernetes", "v1.35.0").dump()},
      {"kubernetes/v1.35.0/v1.0.0/components/Pod.json",
       componentDocument("Pod", "v1", "kubernetes", "v1.35.0").dump()}};
  ImportResult first = importModels(files);
  ImportResult second = importModels(files);
  ASSERT_EQ(first.components.size(), 1U);
  EXPECT_EQ(first.models[0].id, second.models[0].id);
  EXPECT_EQ(first.components[0].id, second.components[0].id);
}

TEST(ModelImport, ABrokenFileIsReportedAndTheOthersAreImported) {
  std::vector<FileEntry> files = {
      {"model.json", modelDocument("kubernetes", "v1.35.0").dump()},
      {"components/Pod.json", componentDocument("Pod", "v1", "kubernetes", "v1.35.0").dump()},
      {"components/Broken.json", "{\"component\": {\"kind\": \"Broken\""},
      {"components/NoKind.json",
       R"({"schemaVersion":"components.meshery.io/v1beta1","component":{"version":"v1"}})"},
      {"relationships/edge.json",
       relationshipDocument("edge", "non-binding", "network", "kubernetes", "v1.35.0").dump()},
      {"README.md", "# not a definition"},
      {"connections/kubernetes.json", "{}"}};
  ImportResult result = importModels(files);
  EXPECT_EQ(result.models.size(), 1U);
  EXPECT_EQ(result.components.size(), 1U);
  EXPECT_EQ(result.relationships.size(), 1U);
  ASSERT_EQ(result.failures.size(), 2U);
  const ImportFailure* broken = failureOf(result, "components/Broken.json");
  ASSERT_NE(broken, nullptr);
  EXPECT_EQ(broken->error.code(), ErrorCode::kMalformedInput);
  EXPECT_NE(broken->error.message().find("components/Broken.json"), std::string::npos);
  ASSERT_TRUE(broken->error.position().has_value());
  EXPECT_EQ(broken->error.position()->line, 1U);
  const ImportFailure* no_kind = failureOf(result, "components/NoKind.json");
  ASSERT_NE(no_kind, nullptr);
  EXPECT_EQ(no_kind->error.code(), ErrorCode::kInvalidArgument);
  EXPECT_NE(no_kind->error.message().find("component.kind"), std::string::npos);
}

TEST(ModelImport, EntitiesWithoutAModelTakeTheirDirectoryModel) {
  nlohmann::json pod = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  pod.erase("model");
  nlohmann::json relationship =
      relationshipDocument("edge", "non-binding", "network", "kubernetes", "v1.35.0");
  relationship.erase("model");
  std::vector<FileEntry> files = {
      {"./models/kubernetes/v1.35.0/v1.0.0/model.json",
       modelDocument("kubernetes", "v1.35.0").dump()},
      {"./models/kubernetes/v1.35.0/v1.0.0/components/Pod.json", pod.dump()},
      {"./models/kubernetes/v1.35.0/v1.0.0/relationships/edge.json", relationship.dump()},
      {"orphans/components/Lost.json", pod.dump()}};
  ImportResult result = importModels(files);
  ASSERT_EQ(result.components.size(), 1U);
  EXPECT_EQ(result.components[0].model.name, "kubernetes");
  EXPECT_EQ(result.components[0].model.upstream_version, "v1.35.0");
  EXPECT_EQ(result.components[0].document["model"]["name"], "kubernetes");
  ASSERT_EQ(result.relationships.size(), 1U);
  EXPECT_EQ(result.relationships[0].model.upstream_version, "v1.35.0");
  ASSERT_EQ(result.failures.size(), 1U);
  EXPECT_EQ(result.failures[0].path, "orphans/components/Lost.json");
  EXPECT_NE(result.failures[0].error.message().find("model"), std::string::npos);
}

TEST(ModelImport, ModelWithEmbeddedEntitiesInOneJsonFile) {
  nlohmann::json model = modelDocument("cert-manager", "v1.13.0", "artifacthub");
  nlohmann::json certificate =
      componentDocument("Certificate", "cert-manager.io/v1", "cert-manager", "v1.13.0");
  certificate.erase("model");
  nlohmann::json relationship =
      relationshipDocument("edge", "non-binding", "network", "cert-manager", "v1.13.0");
  model["components"] = {certificate};
  model["relationships"] = {relationship};
  ImportResult result = importModels({{"cert-manager.json", model.dump()}});
  ASSERT_TRUE(result.failures.empty()) << result.failures[0].error.what();
  ASSERT_EQ(result.models.size(), 1U);
  EXPECT_TRUE(result.models[0].document["components"].is_null());
  ASSERT_EQ(result.components.size(), 1U);
  EXPECT_EQ(result.components[0].model.registrant_kind, "artifacthub");
  EXPECT_EQ(result.relationships.size(), 1U);
}

TEST(ModelImport, YamlModelWithEmbeddedComponents) {
  const std::string yaml = R"(schemaVersion: models.meshery.io/v1beta1
version: v1.0.0
name: cert-manager
displayName: Cert Manager
status: enabled
registrant:
  kind: artifacthub
category:
  name: Security & Compliance
model:
  version: v1.13.0
components:
  - schemaVersion: components.meshery.io/v1beta1
    version: v1.0.0
    displayName: Certificate
    component:
      version: cert-manager.io/v1
      kind: Certificate
      schema: '{"type":"object"}'
---
schemaVersion: components.meshery.io/v1beta1
displayName: Issuer
component:
  version: cert-manager.io/v1
  kind: Issuer
  schema: ""
)";
  ImportResult result = importModels({{"cert-manager/model.yaml", yaml}});
  ASSERT_TRUE(result.failures.empty()) << result.failures[0].error.what();
  ASSERT_EQ(result.models.size(), 1U);
  EXPECT_EQ(result.models[0].name, "cert-manager");
  EXPECT_EQ(result.models[0].category.name, "Security & Compliance");
  ASSERT_EQ(result.components.size(), 2U);
  for (const auto& component : result.components) {
    EXPECT_EQ(component.model.name, "cert-manager");
    EXPECT_EQ(component.model.upstream_version, "v1.13.0");
  }
}

TEST(ModelImport, MalformedYamlIsAFailureWithAPosition) {
  ImportResult result = importModels({{"bad/model.yaml", "name: [unclosed\n"},
                                      {"good/model.json", modelDocument("good", "v1").dump()}});
  EXPECT_EQ(result.models.size(), 1U);
  ASSERT_EQ(result.failures.size(), 1U);
  EXPECT_EQ(result.failures[0].path, "bad/model.yaml");
  EXPECT_EQ(result.failures[0].error.code(), ErrorCode::kMalformedInput);
}

TEST(ModelImport, UnrecognisedDocumentsAreFailures) {
  ImportResult result = importModels({{"notes.json", R"({"hello": "world"})"}});
  ASSERT_EQ(result.failures.size(), 1U);
  EXPECT_EQ(result.failures[0].path, "notes.json");
  EXPECT_EQ(result.failures[0].error.code(), ErrorCode::kInvalidArgument);
}

/// A component file whose `metadata` holds `metadata_text` verbatim.
std::string componentWithMetadata(const std::string& metadata_text) {
  nlohmann::json document = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  document["metadata"] = "@";
  std::string text = document.dump();
  text.replace(text.find("\"@\""), 3, metadata_text);
  return text;
}

TEST(ModelImport, ReadsJsonValuesExactlyAsNlohmannParses) {
  const std::string metadata = R"({"isNamespaced": true, "zero": 0, "negativeZero": -0,
      "negativeFloatZero": -0.0, "int": -42, "unsigned": 18446744073709551615,
      "min": -9223372036854775808, "huge": 123456789012345678901234567890, "float": 1.5e10,
      "exp": 1E+2, "tiny": 5e-324, "repeated": 1, "repeated": 2, "escapes": "\u00e9\/\t\u0001",
      "pair": "\ud83d\ude00", "raw": "é’", "empty": {}, "none": [], "nested": [[{"a": null}]]})";
  const nlohmann::json expected = nlohmann::json::parse(metadata);
  std::string bytes = componentWithMetadata(metadata);
  std::string padded = bytes;
  padded.reserve(bytes.size() + kParsePadding);
  for (const std::string& file : {bytes, padded}) {
    ImportResult result = importModels({{"kubernetes/v1.35.0/v1.0.0/components/Pod.json", file}});
    ASSERT_TRUE(result.failures.empty()) << result.failures[0].error.what();
    ASSERT_EQ(result.components.size(), 1U);
    const nlohmann::json& read = result.components[0].document["metadata"];
    EXPECT_EQ(read.dump(), expected.dump());
    EXPECT_TRUE(read["unsigned"].is_number_unsigned());
    EXPECT_TRUE(read["zero"].is_number_unsigned());
    EXPECT_TRUE(read["int"].is_number_integer());
    EXPECT_TRUE(read["huge"].is_number_float());
  }
}

TEST(ModelImport, JsonErrorsKeepTheirMessageAndPosition) {
  const std::pair<std::string, std::string> kCases[] = {
      {R"({"component": {"kind": "Pod"})", "line 1, column 30"},
      {"{\"kind\": \"Bad\xff\"}", "ill-formed UTF-8"},
      {R"({"metadata": {"n": 1e400}})", "number overflow"},
      {R"({"a": 1} trailing)", "line 1, column 12"},
  };
  for (const auto& [text, message] : kCases) {
    ImportResult result = importModels({{"x/components/Pod.json", text}});
    ASSERT_EQ(result.failures.size(), 1U) << text;
    EXPECT_EQ(result.failures[0].error.code(), ErrorCode::kMalformedInput);
    EXPECT_NE(std::string(result.failures[0].error.message()).find(message), std::string::npos)
        << result.failures[0].error.message();
  }
}

TEST(ModelImport, ParsedFilesImportAsImportModelsDoes) {
  std::vector<FileEntry> files = {
      {"kubernetes/v1.35.0/v1.0.0/components/Pod.json",
       componentDocument("Pod", "v1", "kubernetes", "v1.35.0").dump()},
      {"kubernetes/v1.35.0/v1.0.0/model.json", modelDocument("kubernetes", "v1.35.0").dump()},
      {"kubernetes/v1.35.0/v1.0.0/components/Broken.json", "{"},
      {"kubernetes/README.md", "# not a model"}};
  ImportResult whole = importModels(files);
  std::vector<ParsedFile> parsed;
  for (auto it = files.rbegin(); it != files.rend(); ++it) parsed.push_back(parseFile(*it));
  EXPECT_TRUE(parsed[0].documents.empty());  // README.md: skipped, not a failure
  EXPECT_FALSE(parsed[0].error.has_value());
  EXPECT_TRUE(parsed[1].error.has_value());
  ImportResult split = importParsed(std::move(parsed));
  ASSERT_EQ(split.models.size(), whole.models.size());
  ASSERT_EQ(split.components.size(), whole.components.size());
  ASSERT_EQ(split.failures.size(), whole.failures.size());
  EXPECT_EQ(split.models[0].toJson(), whole.models[0].toJson());
  EXPECT_EQ(split.components[0].toJson(), whole.components[0].toJson());
  EXPECT_EQ(split.failures[0].path, whole.failures[0].path);
  EXPECT_EQ(split.failures[0].error.message(), whole.failures[0].error.message());
}

}  // namespace
}  // namespace meshery::registry
