// Kubernetes connections through meshery-server: a kubeconfig upload
// registers every context as its own connection and answers per context;
// contexts and connections listed, pinged, moved along the state machine,
// deleted; credentials sealed at rest and never returned.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "meshery/http/client.hpp"
#include "integration/kube/kube_test_support.hpp"
#include "meshery/kube/client.hpp"
#include "meshery_test/fake_kube_api.hpp"
#include "meshery_test/free_port.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

using nlohmann::json;

std::string kubeconfigFor(const FakeKubeApi& api, const std::string& silent_url) {
  return R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- {name: fake, cluster: {server: ")" + api.url() + R"("}}
- {name: silent, cluster: {server: ")" + silent_url + R"("}}
users:
- {name: good, user: {token: s3cret-token}}
- {name: bad, user: {token: wrong}}
- {name: legacy, user: {auth-provider: {name: gcp}}}
contexts:
- {name: dev, context: {cluster: fake, user: good, namespace: shop}}
- {name: stale, context: {cluster: fake, user: bad}}
- {name: down, context: {cluster: silent, user: good}}
- {name: old, context: {cluster: fake, user: legacy}}
- {name: other, context: {cluster: fake, user: good}}
)";
}

/// A multipart/form-data body as curl -F sends it.
std::string form(const std::vector<std::pair<std::string, std::string>>& fields) {
  std::string body;
  for (const auto& [name, value] : fields) {
    body += "--BOUNDARY\r\nContent-Disposition: form-data; name=\"" + name + "\"" +
            (name == "k8sfile" ? "; filename=\"config\"" : "") + "\r\n\r\n" + value + "\r\n";
  }
  return body + "--BOUNDARY--\r\n";
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

std::vector<std::string> names(const json& items) {
  std::vector<std::string> out;
  for (const json& item : items) out.push_back(item.value("name", ""));
  return out;
}

class ConnectionsE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    FakeKubeApi::Options options;
    options.token = "s3cret-token";
    api_ = std::make_unique<FakeKubeApi>(options);
    kube::ResolvedContext context;
    context.cluster.server = api_->url();
    context.user.token = "s3cret-token";
    kube::KubeClient(context).apply(kube::testing::widgetCrd());
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

  json upload(const std::vector<std::pair<std::string, std::string>>& fields) {
    http::Headers headers;
    headers.set("Content-Type", "multipart/form-data; boundary=BOUNDARY");
    const auto response =
        client_->request(http::Method::kPost, "/api/system/kubernetes", form(fields), headers);
    EXPECT_EQ(response.status, 200) << response.body;
    return response.json();
  }

  TempDir home_;
  std::unique_ptr<FakeKubeApi> api_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<http::Client> client_;
};

TEST_F(ConnectionsE2e, AnUploadAnswersForEveryContextAndKeepsTheUsableOnes) {
  const std::string silent = "http://127.0.0.1:" + std::to_string(freePort());
  const json answer = upload({{"k8sfile", kubeconfigFor(*api_, silent)},
                              {"contexts", R"(["dev","stale","down","old"])"}});
  EXPECT_EQ(names(answer["connectedContexts"]), (std::vector<std::string>{"dev"}));
  EXPECT_EQ(answer["connectedContexts"][0]["version"], "v1.29.2");
  EXPECT_EQ(answer["connectedContexts"][0]["namespace"], "shop");
  EXPECT_EQ(names(answer["registeredContexts"]), (std::vector<std::string>{"down"}));
  EXPECT_EQ(names(answer["ignoredContexts"]), (std::vector<std::string>{"other"}));
  EXPECT_EQ(names(answer["erroredContexts"]), (std::vector<std::string>{"stale", "old"}));
  EXPECT_NE(answer["erroredContexts"][0]["error"].get<std::string>().find("Unauthorized"),
            std::string::npos);

  // Connecting registered the cluster's models: kubernetes at its version
  // (from its OpenAPI document) and one model per CRD group.
  const json& models = answer["connectedContexts"][0]["models"];
  ASSERT_FALSE(models.contains("error")) << models.dump();
  EXPECT_EQ(models["kubernetes"]["version"], "v1.29.2");
  EXPECT_GT(models["kubernetes"]["components"].get<int>(), 50);
  ASSERT_EQ(models["custom"].size(), 1U);
  EXPECT_EQ(models["custom"][0]["model"], "example-com");
  const json registered = client_->get("/api/meshmodels/models/kubernetes?pagesize=all").json();
  bool cluster_version = false;
  for (const json& model : registered.value("models", json::array()))
    cluster_version = cluster_version || model["model"].value("version", "") == "v1.29.2";
  EXPECT_TRUE(cluster_version) << registered.dump().substr(0, 500);
  const json widgets = client_->get("/api/meshmodels/models/example-com/components?pagesize=all").json();
  EXPECT_EQ(widgets.value("components", json::array()).size(), 1U) << widgets.dump().substr(0, 300);

  // Listed as contexts and as connections; the token is nowhere in answers.
  const auto contexts = client_->get("/api/system/kubernetes/contexts?pagesize=all");
  EXPECT_EQ(contexts.json()["total_count"], 2);
  EXPECT_EQ(contexts.body.find("s3cret-token"), std::string::npos);
  const json connected = client_->get("/api/integrations/connections?kind=kubernetes&status=connected").json();
  ASSERT_EQ(connected["total_count"], 1);
  EXPECT_EQ(connected["connections"][0]["name"], "dev");
  EXPECT_EQ(connected["connections"][0]["metadata"]["server"], api_->url());

  // Sealed at rest under a key of mode 0600.
  const auto key = home_.path() / "server" / "credentials.key";
  struct stat status {};
  ASSERT_EQ(::stat(key.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600U);
  std::string database;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(home_.path())) {
    if (entry.path().string().find("meshery.db") != std::string::npos)
      database += readFile(entry.path());
  }
  ASSERT_FALSE(database.empty());
  EXPECT_EQ(database.find("s3cret-token"), std::string::npos);
}

TEST_F(ConnectionsE2e, PingsMovesAlongTheStateMachineAndDeletes) {
  upload({{"k8sfile", kubeconfigFor(*api_, "http://127.0.0.1:1")}, {"contexts", "dev"}});
  const json dev = client_->get("/api/system/kubernetes/contexts").json()["contexts"][0];
  const std::string id = dev["id"];
  const auto ping = client_->get("/api/system/kubernetes/ping?connection_id=" + id);
  EXPECT_EQ(ping.status, 200) << ping.body;
  EXPECT_EQ(ping.json()["server_version"], "v1.29.2");

  const auto put = [&](const std::string& status) {
    return client_->send(http::Method::kPut, "/api/integrations/connections/" + id,
                         {{"status", status}});
  };
  EXPECT_EQ(put("maintenance").json()["status"], "maintenance");
  const auto refused = put("registered");  // maintenance → registered: not a transition
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(put("connected").json()["status"], "connected");  // reached again first
  EXPECT_EQ(put("ignored").json()["status"], "ignored");
  // An ignored context stays set aside when the kubeconfig comes again.
  const json again = upload({{"k8sfile", kubeconfigFor(*api_, "http://127.0.0.1:1")}, {"contexts", "dev"}});
  EXPECT_EQ(names(again["ignoredContexts"]), (std::vector<std::string>{"dev", "stale", "down", "old", "other"}));
  EXPECT_EQ(client_->request(http::Method::kDelete, "/api/system/kubernetes/contexts/" + id).status, 200);
  EXPECT_EQ(client_->get("/api/integrations/connections/" + id).status, 404);
  EXPECT_EQ(client_->get("/api/system/kubernetes/ping?connection_id=not-an-id").status, 400);
}

TEST_F(ConnectionsE2e, RefusesAnUploadWithoutAKubeconfigOrWithFiles) {
  http::Headers headers;
  headers.set("Content-Type", "multipart/form-data; boundary=BOUNDARY");
  const auto empty =
      client_->request(http::Method::kPost, "/api/system/kubernetes", form({{"contexts", "dev"}}), headers);
  EXPECT_EQ(empty.status, 422) << empty.body;
  EXPECT_NE(empty.body.find("k8sfile"), std::string::npos);
  const json with_files = upload({{"k8sfile", R"(
clusters: [{name: c, cluster: {server: "https://h", certificate-authority: /etc/shadow}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
)"}});
  ASSERT_EQ(with_files["erroredContexts"].size(), 1U);
  EXPECT_NE(with_files["erroredContexts"][0]["error"].get<std::string>().find("--flatten"),
            std::string::npos);
}

}  // namespace
}  // namespace meshery::test
