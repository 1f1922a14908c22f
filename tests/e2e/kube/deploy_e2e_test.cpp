// Deploying designs through meshery-server to a connected context of the
// fake API server: a dry run that stores nothing, a deploy in the order the
// server needs (a CRD and its custom resource in one design), a result per
// component and per context, API server causes mapped to the component's
// fields, verify refusing an invalid design, undeploy in reverse.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "meshery/http/client.hpp"
#include "meshery/kube/client.hpp"
#include "meshery_test/fake_kube_api.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

using ::testing::HasSubstr;
using nlohmann::json;

const char* const kShop = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {plural: widgets, singular: widget, kind: Widget}
  versions:
  - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: {type: object}}}
---
apiVersion: example.com/v1
kind: Widget
metadata: {name: gadget, namespace: shop}
spec: {size: 3}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop, labels: {app: web}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: v1
kind: Service
metadata: {name: web, namespace: shop}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
)";

const char* const kBroken = R"(apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: three
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: nginx}]}
)";

class DeployE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    FakeKubeApi::Options options;
    options.token = "s3cret-token";
    options.crd_establish_delay = std::chrono::milliseconds(200);
    api_ = std::make_unique<FakeKubeApi>(options);
    server_ = std::make_unique<ServerProcess>(home_.path());
    ASSERT_TRUE(server_->start()) << server_->log();
    client_ = std::make_unique<http::Client>(server_->url());
  }
  void TearDown() override {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->log();
    }
  }

  void connect() {
    const std::string kubeconfig = R"(apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: ")" + api_->url() + R"("}}]
users: [{name: good, user: {token: s3cret-token}}]
contexts: [{name: dev, context: {cluster: fake, user: good, namespace: shop}}]
)";
    const auto response = client_->request(http::Method::kPost, "/api/system/kubernetes",
                                           json{{"kubeconfig", kubeconfig}}.dump());
    ASSERT_EQ(response.status, 200) << response.body;
    ASSERT_EQ(response.json()["connectedContexts"].size(), 1U) << response.body;
    context_id_ = response.json()["connectedContexts"][0].value("id", "");
  }

  /// Imports and saves `manifest`; the stored design's id.
  std::string importDesign(const std::string& manifest, const std::string& name) {
    const auto response = client_->request(
        http::Method::kPost, "/api/pattern/import",
        json{{"pattern_file", manifest}, {"file_name", name + ".yaml"}, {"name", name}}.dump());
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json().at(0).value("id", "");
  }

  http::ClientResponse deploy(http::Method method, const std::string& query, const json& body) {
    return client_->request(method, "/api/pattern/deploy" + query, body.dump());
  }

  TempDir home_;
  std::unique_ptr<FakeKubeApi> api_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<http::Client> client_;
  std::string context_id_;
};

const json* resultFor(const json& answer, const std::string& kind) {
  for (const json& result : answer["results"]) {
    if (result.value("kind", "") == kind) return &result;
  }
  return nullptr;
}

std::vector<std::string> kinds(const json& answer) {
  std::vector<std::string> out;
  for (const json& result : answer["results"]) out.push_back(result.value("kind", ""));
  return out;
}

TEST_F(DeployE2e, WithoutAConnectedContextADeploySaysHowToConnectOne) {
  const std::string id = importDesign(kShop, "shop");
  const auto response = deploy(http::Method::kPost, "", {{"pattern_id", id}});
  EXPECT_EQ(response.status, 409) << response.body;
  EXPECT_THAT(response.json().value("error", ""), HasSubstr("no connected Kubernetes context"));
  EXPECT_THAT(response.json().value("remedy", ""), HasSubstr("--kubeconfig"));
  connect();
  const auto unknown = deploy(http::Method::kPost, "?contexts=prod", {{"pattern_id", id}});
  EXPECT_EQ(unknown.status, 404) << unknown.body;
  const auto nothing = deploy(http::Method::kPost, "", json::object());
  EXPECT_EQ(nothing.status, 422) << nothing.body;
  EXPECT_THAT(nothing.json().value("error", ""), HasSubstr("names no design"));
}

TEST_F(DeployE2e, ADryRunStoresNothingAndAnswersPerComponentAndContext) {
  connect();
  const std::string id = importDesign(kShop, "shop");
  const auto response = deploy(http::Method::kPost, "?dryRun=true", {{"pattern_id", id}});
  ASSERT_EQ(response.status, 200) << response.body;
  const json answer = response.json();
  EXPECT_TRUE(answer["dryRun"]);
  EXPECT_TRUE(answer["success"]) << answer.dump();
  EXPECT_EQ(answer["design"]["name"], "shop");
  ASSERT_EQ(answer["contexts"].size(), 1U);
  EXPECT_EQ(answer["contexts"][0]["name"], "dev");
  EXPECT_TRUE(answer["contexts"][0]["success"]);
  EXPECT_EQ(answer["summary"]["created"], 5);
  // The Namespace and the CRD are checked by the server; what lives in them
  // cannot be (a dry run stores neither) and says so.
  const json* ns = resultFor(answer, "Namespace");
  ASSERT_NE(ns, nullptr) << answer.dump();
  EXPECT_FALSE(ns->contains("unchecked"));
  const json* web = resultFor(answer, "Deployment");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ((*web)["action"], "created");
  EXPECT_EQ((*web)["contextId"], context_id_);
  EXPECT_THAT((*web).value("unchecked", ""), HasSubstr("Namespace shop is created by this deploy"));
  const json* widget = resultFor(answer, "Widget");
  ASSERT_NE(widget, nullptr);
  EXPECT_THAT((*widget).value("unchecked", ""), HasSubstr("CustomResourceDefinition"));
  // Meshery's dryRunResponse: by component name (Kind/name when names are
  // shared: the Deployment and the Service are both "web"), then context id.
  const json& dry = answer["dryRunResponse"]["Deployment/web"][context_id_];
  ASSERT_TRUE(dry.is_object()) << answer["dryRunResponse"].dump();
  EXPECT_TRUE(dry["success"]);
  EXPECT_FALSE(api_->object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
  EXPECT_FALSE(api_->object("/api/v1/namespaces/shop").has_value());

  // With the Namespace in the cluster, the server checks the Deployment and
  // answers it with its defaults; skipCRD leaves the CRD out, and its Widget
  // fails: the cluster does not serve the kind.
  kube::ResolvedContext context;
  context.cluster.server = api_->url();
  context.user.token = "s3cret-token";
  kube::KubeClient(context).apply(
      {{"apiVersion", "v1"}, {"kind", "Namespace"}, {"metadata", {{"name", "shop"}}}});
  const json checked =
      deploy(http::Method::kPost, "?dryRun=true&skipCRD=true", {{"pattern_id", id}}).json();
  EXPECT_EQ(resultFor(checked, "CustomResourceDefinition"), nullptr);
  const json* checked_web = resultFor(checked, "Deployment");
  ASSERT_NE(checked_web, nullptr) << checked.dump();
  EXPECT_FALSE(checked_web->contains("unchecked"));
  EXPECT_EQ((*checked_web)["object"]["spec"]["replicas"], 1);  // the server's default
  EXPECT_EQ(checked["dryRunResponse"]["Deployment/web"][context_id_]["component"]["spec"]["replicas"],
            1);
  EXPECT_TRUE(checked["dryRunResponse"]["gadget"][context_id_].contains("error"));
  EXPECT_FALSE((*resultFor(checked, "Widget"))["success"]);
  EXPECT_FALSE(checked["success"]);
  EXPECT_FALSE(api_->object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
}

TEST_F(DeployE2e, ADeployAppliesInOrderAndAnUndeployRemovesInReverse) {
  connect();
  const std::string id = importDesign(kShop, "shop");
  const auto response = deploy(http::Method::kPost, "", {{"pattern_id", id}});
  ASSERT_EQ(response.status, 200) << response.body;
  const json answer = response.json();
  EXPECT_TRUE(answer["success"]) << answer.dump();
  EXPECT_EQ(kinds(answer), (std::vector<std::string>{"CustomResourceDefinition", "Namespace",
                                                     "Widget", "Deployment", "Service"}));
  EXPECT_EQ(answer["summary"]["created"], 5);
  EXPECT_TRUE(api_->object("/apis/example.com/v1/namespaces/shop/widgets/gadget").has_value());
  EXPECT_TRUE(api_->object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
  for (const json& result : answer["results"]) EXPECT_FALSE(result.value("componentId", "").empty());

  // Again, from the design's text and the context named: nothing changes.
  const json stored = client_->get("/api/pattern/" + id).json();
  const auto again = deploy(http::Method::kPost, "?contexts=dev",
                            {{"pattern_file", stored.value("pattern_file", "")}});
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json()["summary"]["unchanged"], 5) << again.body;

  const auto removed = deploy(http::Method::kDelete, "", {{"pattern_id", id}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(kinds(removed.json()), (std::vector<std::string>{"Service", "Deployment", "Widget",
                                                             "Namespace",
                                                             "CustomResourceDefinition"}));
  EXPECT_EQ(removed.json()["summary"]["deleted"], 5) << removed.body;
  EXPECT_FALSE(api_->object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
  const auto twice = deploy(http::Method::kDelete, "", {{"pattern_id", id}});
  EXPECT_EQ(twice.json()["summary"]["absent"], 5) << twice.body;
  EXPECT_TRUE(twice.json()["success"]);
}

TEST_F(DeployE2e, CausesPointAtTheComponentsFieldsAndVerifyRefusesFirst) {
  connect();
  const std::string id = importDesign(kBroken, "broken");
  const auto verified = deploy(http::Method::kPost, "?verify=true", {{"pattern_id", id}});
  EXPECT_EQ(verified.status, 422) << verified.body;
  EXPECT_THAT(verified.json().value("error", ""), HasSubstr("nothing was deployed"));
  ASSERT_FALSE(verified.json()["validation"].empty()) << verified.body;
  EXPECT_EQ(verified.json()["validation"][0]["path"], "spec.replicas");
  EXPECT_FALSE(api_->object("/api/v1/namespaces/shop").has_value());

  const auto response = deploy(http::Method::kPost, "", {{"pattern_id", id}});
  ASSERT_EQ(response.status, 200) << response.body;
  const json answer = response.json();
  EXPECT_FALSE(answer["success"]);
  EXPECT_EQ(answer["summary"]["created"], 1);
  EXPECT_EQ(answer["summary"]["failed"], 1);
  const json* api = resultFor(answer, "Deployment");
  ASSERT_NE(api, nullptr);
  EXPECT_FALSE((*api)["success"]);
  EXPECT_EQ((*api)["error"]["status"], 422);
  ASSERT_EQ((*api)["error"]["causes"].size(), 1U) << api->dump();
  const json& cause = (*api)["error"]["causes"][0];
  EXPECT_EQ(cause["field"], "spec.replicas");
  EXPECT_EQ(cause["path"], "configuration.spec.replicas");
  EXPECT_EQ(cause["fieldPath"], "api.configuration.spec.replicas");
  EXPECT_TRUE(api_->object("/api/v1/namespaces/shop").has_value());  // the rest went on
}

}  // namespace
}  // namespace meshery::test
