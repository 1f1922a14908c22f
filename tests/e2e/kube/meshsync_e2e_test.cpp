// Embedded MeshSync through meshery-server: connecting a context starts
// discovery; resources listed with filters, summarised, read and deleted;
// status and resync; discovery resumes after a server restart; deleting the
// context forgets what was discovered.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "integration/kube/kube_test_support.hpp"
#include "meshery/http/client.hpp"
#include "meshery_test/fake_kube_api.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

using nlohmann::json;
using namespace std::chrono_literals;

class MeshSyncE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    api_ = std::make_unique<FakeKubeApi>();
    kube_ = std::make_unique<kube::KubeClient>(kube::testing::contextFor(*api_));
    kube_->apply(kube::testing::namespaceNamed("shop"));
    kube_->apply(kube::testing::deployment("shop", "web"));
    json labelled = kube::testing::configMap("shop", "settings");
    labelled["metadata"]["labels"] = {{"app", "web"}};
    kube_->apply(labelled);
    startServer();
  }
  void TearDown() override { stopServer(); }

  void startServer() {
    server_ = std::make_unique<ServerProcess>(home_.path());
    ASSERT_TRUE(server_->start()) << server_->log();
    client_ = std::make_unique<http::Client>(server_->url());
  }
  void stopServer() {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->log();
      server_.reset();
    }
  }

  std::string connect() {
    const std::string kubeconfig = R"(apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: ")" + api_->url() + R"("}}]
users: [{name: dev, user: {token: t}}]
contexts: [{name: dev, context: {cluster: fake, user: dev}}]
)";
    const auto response = client_->request(http::Method::kPost, "/api/system/kubernetes",
                                           json{{"kubeconfig", kubeconfig}}.dump());
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json()["connectedContexts"][0].value("id", "");
  }

  json resources(const std::string& query) {
    const auto response = client_->get("/api/system/meshsync/resources?pagesize=all&" + query);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }

  /// Waits (bounded) until the query finds `count` resources.
  json until(const std::string& query, int count) {
    json page;
    for (int i = 0; i < 200; ++i) {
      page = resources(query);
      if (page.value("total_count", -1) == count) break;
      std::this_thread::sleep_for(50ms);
    }
    return page;
  }

  TempDir home_;
  std::unique_ptr<FakeKubeApi> api_;
  std::unique_ptr<kube::KubeClient> kube_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<http::Client> client_;
};

TEST_F(MeshSyncE2e, AConnectedClusterIsDiscoveredListedAndForgotten) {
  EXPECT_EQ(resources("")["total_count"], 0);
  const std::string id = connect();
  const json deployments = until("kind=Deployment", 1);
  ASSERT_EQ(deployments["total_count"], 1) << deployments.dump();
  const json web = deployments["resources"][0];
  EXPECT_EQ(web["metadata"]["name"], "web");
  EXPECT_EQ(web["cluster_id"], id);
  EXPECT_EQ(web["apiVersion"], "apps/v1");

  EXPECT_EQ(until("labels=app=web", 1)["resources"][0]["kind"], "ConfigMap");
  EXPECT_EQ(resources("kind=ConfigMap,Deployment&namespace=shop&search=WE")["total_count"], 1);
  EXPECT_EQ(resources("clusterIds=" + id + "&kind=Namespace")["total_count"], 1);

  const json summary = client_->get("/api/system/meshsync/resources/summary").json();
  bool counted = false;
  for (const json& kind : summary["kinds"]) counted = counted || (kind["kind"] == "Deployment" && kind["count"] == 1);
  EXPECT_TRUE(counted) << summary.dump();
  EXPECT_EQ(summary["namespaces"], json::array({"shop"}));

  const json status = client_->get("/api/system/meshsync/status").json();
  ASSERT_EQ(status["clusters"].size(), 1U);
  EXPECT_EQ(status["clusters"][0]["meshsync"]["state"], "running") << status.dump();

  // A change in the cluster arrives by its watch.
  kube_->apply(kube::testing::configMap("shop", "flags"));
  EXPECT_EQ(until("kind=ConfigMap", 2)["total_count"], 2);

  const std::string web_id = web["id"];
  EXPECT_EQ(client_->get("/api/system/meshsync/resources/" + web_id).json()["metadata"]["name"], "web");
  EXPECT_EQ(client_->request(http::Method::kDelete, "/api/system/meshsync/resources/" + web_id).status, 200);
  EXPECT_EQ(client_->get("/api/system/meshsync/resources/" + web_id).status, 404);
  // A resync lists it back.
  const auto resync = client_->request(http::Method::kPost, "/api/system/meshsync/resync?connection_id=" + id);
  EXPECT_EQ(resync.status, 202) << resync.body;
  EXPECT_TRUE(resync.json()["clusters"][0]["resync"]);
  EXPECT_EQ(until("kind=Deployment", 1)["total_count"], 1);

  // Deleting the context stops discovery and forgets what it found.
  EXPECT_EQ(client_->request(http::Method::kDelete, "/api/system/kubernetes/contexts/" + id).status, 200);
  EXPECT_EQ(resources("")["total_count"], 0);
}

TEST_F(MeshSyncE2e, DiscoveryResumesAfterTheServerRestarts) {
  connect();
  ASSERT_EQ(until("kind=ConfigMap", 1)["total_count"], 1);
  stopServer();
  kube_->apply(kube::testing::configMap("shop", "while-down"));
  startServer();
  // What was stored is there at once; what changed while down arrives.
  EXPECT_GE(resources("kind=ConfigMap")["total_count"].get<int>(), 1);
  EXPECT_EQ(until("kind=ConfigMap", 2)["total_count"], 2);
}

}  // namespace
}  // namespace meshery::test
