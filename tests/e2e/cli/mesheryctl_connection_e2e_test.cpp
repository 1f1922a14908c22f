// mesheryctl system config --kubeconfig and connection list/view/delete
// against the built server and the fake Kubernetes API server.
#include <nlohmann/json.hpp>

#include "meshery_test/fake_kube_api.hpp"
#include "meshery_test/test_certificate.hpp"
#include "mesheryctl_fixture.hpp"

namespace meshery::test {
namespace {

class CliConnectionE2e : public MesheryctlE2e {
 protected:
  void TearDown() override {
    if (pidOnFile() > 1) mesheryctl({"system", "stop"});
    MesheryctlE2e::TearDown();
  }
};

TEST_F(CliConnectionE2e, ConnectsAKubeconfigWithFilesAndManagesItsConnections) {
  FakeKubeApi::Options options;
  options.https = true;
  options.token = "from-a-file";
  FakeKubeApi api(options);
  // A kubeconfig as minikube writes it: the CA and the token in files
  // beside it, which mesheryctl reads and inlines before uploading.
  const auto kube = dir_.path() / "kube";
  std::filesystem::create_directories(kube / "certs");
  writeFile(kube / "certs" / "ca.crt", api.caPem());
  writeFile(kube / "token", "from-a-file\n");
  writeFile(kube / "config", R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- {name: fake, cluster: {server: ")" + api.url() + R"(", certificate-authority: certs/ca.crt}}
- {name: lost, cluster: {server: "https://127.0.0.1:1", certificate-authority: certs/missing.crt}}
users:
- {name: dev, user: {tokenFile: token}}
contexts:
- {name: dev, context: {cluster: fake, user: dev, namespace: shop}}
- {name: lost, context: {cluster: lost, user: dev}}
)");
  ASSERT_EQ(mesheryctl({"system", "start", "--skip-browser"}).exit_code, 0);
  auto configured = mesheryctl({"system", "config", "--kubeconfig", (kube / "config").string()});
  ASSERT_EQ(configured.exit_code, 0) << configured.output;
  EXPECT_TRUE(contains(configured.output, "skipped context lost")) << configured.output;
  EXPECT_TRUE(contains(configured.output, "connected")) << configured.output;
  EXPECT_TRUE(contains(configured.output, "v1.29.2")) << configured.output;

  auto list = mesheryctl({"connection", "list", "--kind", "kubernetes"});
  ASSERT_EQ(list.exit_code, 0) << list.output;
  EXPECT_TRUE(contains(list.output, "dev")) << list.output;
  EXPECT_TRUE(contains(list.output, "connected")) << list.output;
  EXPECT_TRUE(contains(list.output, "Total number of connections: 1")) << list.output;

  auto view = mesheryctl({"connection", "view", "dev", "-o", "json"});
  ASSERT_EQ(view.exit_code, 0) << view.output;
  const auto viewed = nlohmann::json::parse(view.output);
  EXPECT_EQ(viewed["metadata"]["namespace"], "shop");
  EXPECT_FALSE(contains(view.output, "from-a-file"));  // the credential stays on the server

  auto removed = mesheryctl({"connection", "delete", "dev"});
  ASSERT_EQ(removed.exit_code, 0) << removed.output;
  EXPECT_TRUE(contains(removed.output, "Connection dev (kubernetes) deleted")) << removed.output;
  auto gone = mesheryctl({"connection", "view", "dev"});
  EXPECT_NE(gone.exit_code, 0);
  EXPECT_TRUE(contains(gone.output, "not found")) << gone.output;
}

}  // namespace
}  // namespace meshery::test
