// Generation from the real Kubernetes OpenAPI document, compared with the
// components Meshery publishes for the same kinds.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "meshery/registry/generation.hpp"

namespace meshery::registry {
namespace {

namespace fs = std::filesystem;

fs::path sharedFixtures() {
  return fs::path(MESHERY_TEST_SOURCE_DIR).parent_path() / "shared" / "fixtures";
}

nlohmann::json readJson(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return nlohmann::json::parse(in);
}

GenerationModel kubernetesModel() {
  GenerationModel model;
  model.name = "kubernetes";
  model.display_name = "Kubernetes";
  model.upstream_version = "v1.28.7";
  model.category = "Orchestration & Management";
  model.sub_category = "Scheduling & Orchestration";
  model.registrant = "github";
  return model;
}

class KubernetesOpenApi : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path swagger = sharedFixtures() / "kubernetes" / "v1.28.7" / "swagger.json";
    if (!fs::exists(swagger)) return;
    result_ = new GenerationResult(
        generateFromOpenApi(readJson(swagger), "swagger.json", kubernetesModel()));
    for (const auto& component : result_->components) {
      std::string key = component["component"]["version"].get<std::string>() + " " +
                        component["component"]["kind"].get<std::string>();
      (*by_key_)[key] = &component;
    }
  }
  static void TearDownTestSuite() {
    delete result_;
    result_ = nullptr;
  }
  void SetUp() override {
    if (result_ == nullptr) GTEST_SKIP() << "../shared/fixtures/kubernetes/v1.28.7/swagger.json is absent";
  }

  static const nlohmann::json& component(const std::string& key) {
    auto it = by_key_->find(key);
    if (it == by_key_->end()) throw std::runtime_error("no component " + key);
    return *it->second;
  }

  static GenerationResult* result_;
  static std::map<std::string, const nlohmann::json*>* by_key_;
};

GenerationResult* KubernetesOpenApi::result_ = nullptr;
std::map<std::string, const nlohmann::json*>* KubernetesOpenApi::by_key_ =
    new std::map<std::string, const nlohmann::json*>();

TEST_F(KubernetesOpenApi, GeneratesTheServedResourceKindsOnly) {
  EXPECT_TRUE(result_->failures.empty());
  EXPECT_GT(result_->components.size(), 50U);
  for (const char* key : {"v1 Pod", "v1 Service", "v1 Namespace", "apps/v1 Deployment",
                          "apps/v1 StatefulSet", "batch/v1 CronJob", "rbac.authorization.k8s.io/v1 RoleBinding",
                          "networking.k8s.io/v1 NetworkPolicy", "apiextensions.k8s.io/v1 CustomResourceDefinition"}) {
    EXPECT_NO_THROW(component(key)) << key;
  }
  for (const auto& [key, document] : *by_key_) {
    EXPECT_FALSE(key.ends_with("List")) << key;
    EXPECT_FALSE(key.ends_with("Options")) << key;  // PodExecOptions & co. are sub-resources
    EXPECT_EQ(key.find("Scale"), std::string::npos) << key;
  }
}

TEST_F(KubernetesOpenApi, NamespacedFollowsTheApiPaths) {
  EXPECT_TRUE(component("v1 ConfigMap")["metadata"]["isNamespaced"].get<bool>());
  EXPECT_TRUE(component("apps/v1 Deployment")["metadata"]["isNamespaced"].get<bool>());
  EXPECT_FALSE(component("v1 Namespace")["metadata"]["isNamespaced"].get<bool>());
  EXPECT_FALSE(component("v1 Node")["metadata"]["isNamespaced"].get<bool>());
  EXPECT_FALSE(component("rbac.authorization.k8s.io/v1 ClusterRole")["metadata"]["isNamespaced"].get<bool>());
}

TEST_F(KubernetesOpenApi, SchemasAreSelfContained) {
  std::string deployment = component("apps/v1 Deployment")["component"]["schema"];
  EXPECT_EQ(deployment.find("\"$ref\""), std::string::npos);
  auto schema = nlohmann::json::parse(deployment);
  // spec.template.spec.containers[].image reached through three references.
  const auto& spec = schema["properties"]["spec"];
  const auto& resolved_spec = spec.contains("allOf") ? spec["allOf"][0] : spec;
  EXPECT_TRUE(resolved_spec["properties"].contains("template"));
  std::string crd = component("apiextensions.k8s.io/v1 CustomResourceDefinition")["component"]["schema"];
  EXPECT_NE(crd.find("recursive reference"), std::string::npos);  // JSONSchemaProps
}

TEST_F(KubernetesOpenApi, MatchesMesherysPublishedComponents) {
  fs::path published = sharedFixtures() / "meshery" / "models" / "kubernetes" / "v1.35.0" / "v1.0.0" / "components";
  if (!fs::exists(published)) GTEST_SKIP() << "../shared/fixtures/meshery is absent";
  int compared = 0;
  for (const auto& entry : fs::directory_iterator(published)) {
    auto theirs = readJson(entry.path());
    std::string key = theirs["component"]["version"].get<std::string>() + " " +
                      theirs["component"]["kind"].get<std::string>();
    const auto& ours = component(key);
    SCOPED_TRACE(key);
    EXPECT_EQ(ours["displayName"], theirs["displayName"]);
    EXPECT_EQ(ours["metadata"]["isNamespaced"], theirs["metadata"]["isNamespaced"]);
    EXPECT_EQ(ours["schemaVersion"], theirs["schemaVersion"]);
    EXPECT_EQ(ours["format"], theirs["format"]);
    auto our_schema = nlohmann::json::parse(ours["component"]["schema"].get<std::string>());
    auto their_schema = nlohmann::json::parse(theirs["component"]["schema"].get<std::string>());
    std::vector<std::string> our_fields;
    std::vector<std::string> their_fields;
    for (const auto& [field, value] : our_schema["properties"].items()) our_fields.push_back(field);
    for (const auto& [field, value] : their_schema["properties"].items()) their_fields.push_back(field);
    EXPECT_EQ(our_fields, their_fields);
    EXPECT_EQ(our_schema["x-kubernetes-group-version-kind"], their_schema["x-kubernetes-group-version-kind"]);
    ++compared;
  }
  EXPECT_GE(compared, 5);
}

TEST(Generation, IdsAreStableAcrossRuns) {
  nlohmann::json crd = {{"apiVersion", "apiextensions.k8s.io/v1"},
                        {"kind", "CustomResourceDefinition"},
                        {"spec",
                         {{"group", "a.io"},
                          {"names", {{"kind", "Thing"}}},
                          {"scope", "Namespaced"},
                          {"versions", {{{"name", "v1"}, {"served", true}}}}}}};
  GenerationModel model;
  model.name = "things";
  auto first = generateFromCrds({{"a", crd}}, model);
  auto second = generateFromCrds({{"b", crd}}, model);
  ASSERT_EQ(first.components.size(), 1U);
  EXPECT_EQ(first.components[0]["id"], second.components[0]["id"]);
  EXPECT_EQ(first.model["id"], second.model["id"]);
  EXPECT_EQ(first.components[0]["model"]["id"], first.model["id"]);
  EXPECT_EQ(first.model["schemaVersion"], "models.meshery.io/v1beta1");
  EXPECT_EQ(first.model["displayName"], "Things");
}

TEST(Generation, RejectsDocumentsThatAreNotOpenApi) {
  try {
    generateFromOpenApi({{"kind", "Deployment"}}, "deploy.yaml", GenerationModel{});
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(error.message().find("deploy.yaml"), std::string::npos);
  }
}

TEST(Generation, DisplayNamesSplitWordsAndAcronyms) {
  EXPECT_EQ(displayNameOf("ConfigMap"), "Config Map");
  EXPECT_EQ(displayNameOf("APIService"), "API Service");
  EXPECT_EQ(displayNameOf("CSIDriver"), "CSI Driver");
  EXPECT_EQ(displayNameOf("HorizontalPodAutoscaler"), "Horizontal Pod Autoscaler");
  EXPECT_EQ(displayNameOf("Pod"), "Pod");
  EXPECT_EQ(displayNameOf("DBBackup"), "DB Backup");
}

}  // namespace
}  // namespace meshery::registry
