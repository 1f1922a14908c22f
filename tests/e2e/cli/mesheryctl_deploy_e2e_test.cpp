// mesheryctl design deploy|undeploy against the built server and the fake
// Kubernetes API server: a file imported and deployed, a dry run, a failure
// with its field path and a non-zero exit, an undeploy by name.
#include <nlohmann/json.hpp>

#include "meshery_test/fake_kube_api.hpp"
#include "mesheryctl_fixture.hpp"

namespace meshery::test {
namespace {

class CliDeployE2e : public MesheryctlE2e {
 protected:
  void TearDown() override {
    if (pidOnFile() > 1) mesheryctl({"system", "stop"});
    MesheryctlE2e::TearDown();
  }
};

TEST_F(CliDeployE2e, DeploysAFileShowsEachComponentAndUndeploysItByName) {
  FakeKubeApi api(FakeKubeApi::Options{});
  writeFile(dir_.path() / "kubeconfig", R"(apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: ")" + api.url() + R"("}}]
users: [{name: dev, user: {token: t}}]
contexts: [{name: dev, context: {cluster: fake, user: dev}}]
)");
  writeFile(dir_.path() / "shop.yaml", R"(apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: settings, namespace: shop}
data: {mode: fast}
)");
  writeFile(dir_.path() / "broken.yaml", R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: default}
spec:
  replicas: three
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: nginx}]}
)");
  ASSERT_EQ(mesheryctl({"system", "start", "--skip-browser"}).exit_code, 0);
  const auto none = mesheryctl({"design", "deploy", "-f", (dir_.path() / "shop.yaml").string()});
  EXPECT_NE(none.exit_code, 0);
  EXPECT_TRUE(contains(none.output, "no connected Kubernetes context")) << none.output;
  ASSERT_EQ(mesheryctl({"system", "config", "--kubeconfig", (dir_.path() / "kubeconfig").string()})
                .exit_code,
            0);

  const auto dry = mesheryctl(
      {"design", "deploy", "-f", (dir_.path() / "shop.yaml").string(), "--dry-run", "--skip-save"});
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_TRUE(contains(dry.output, "(dry run): 2 created")) << dry.output;
  EXPECT_TRUE(contains(dry.output, "created (unchecked)")) << dry.output;
  EXPECT_FALSE(api.object("/api/v1/namespaces/shop").has_value());

  const auto deployed = mesheryctl({"design", "deploy", "-f", (dir_.path() / "shop.yaml").string()});
  ASSERT_EQ(deployed.exit_code, 0) << deployed.output;
  EXPECT_TRUE(contains(deployed.output, "settings")) << deployed.output;
  EXPECT_TRUE(contains(deployed.output, "Deployed shop: 2 created")) << deployed.output;
  EXPECT_TRUE(api.object("/api/v1/namespaces/shop/configmaps/settings").has_value());

  const auto broken = mesheryctl(
      {"design", "deploy", "-f", (dir_.path() / "broken.yaml").string(), "--skip-save"});
  EXPECT_NE(broken.exit_code, 0);
  EXPECT_TRUE(contains(broken.output, "api.configuration.spec.replicas")) << broken.output;
  EXPECT_TRUE(contains(broken.output, "did not fully succeed")) << broken.output;

  const auto removed = mesheryctl({"design", "undeploy", "shop", "-o", "json"});
  ASSERT_EQ(removed.exit_code, 0) << removed.output;
  EXPECT_EQ(nlohmann::json::parse(removed.output)["summary"]["deleted"], 2) << removed.output;
  EXPECT_FALSE(api.object("/api/v1/namespaces/shop/configmaps/settings").has_value());
}

}  // namespace
}  // namespace meshery::test
