// Deploying and undeploying objects against the fake API server: the order
// the server needs (CRDs established first), dry runs that store nothing,
// one failure among successes with its causes, and undeploy in reverse.
#include "meshery/kube/deploy.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "kube_test_support.hpp"

namespace meshery::kube {
namespace {

using ::testing::HasSubstr;
using testing::configMap;
using testing::contextFor;
using testing::deployment;
using testing::json;
using testing::namespaceNamed;
using testing::widgetCrd;

json widget() {
  return {{"apiVersion", "example.com/v1"},
          {"kind", "Widget"},
          {"metadata", {{"name", "w"}, {"namespace", "shop"}}},
          {"spec", {{"size", 3}}}};
}

json clusterRole() {
  return {{"apiVersion", "rbac.authorization.k8s.io/v1"},
          {"kind", "ClusterRole"},
          {"metadata", {{"name", "reader"}}},
          {"rules", json::array()}};
}

/// The design's objects in an order the server cannot take as it is.
std::vector<DeployObject> shop() {
  return {{widget(), "c-widget"},
          {deployment("shop", "web"), "c-web"},
          {configMap("shop", "settings"), "c-settings"},
          {clusterRole(), "c-role"},
          {namespaceNamed("shop"), "c-ns"},
          {widgetCrd(), "c-crd"}};
}

std::vector<std::string> kinds(const std::vector<DeployResult>& results) {
  std::vector<std::string> out;
  for (const DeployResult& result : results) out.push_back(result.kind);
  return out;
}

TEST(Deploy, AppliesInTheOrderTheServerNeedsAndWaitsForCrds) {
  test::FakeKubeApi::Options options;
  options.crd_establish_delay = std::chrono::milliseconds(300);
  test::FakeKubeApi api(options);
  KubeClient client(contextFor(api));
  const auto results = deploy(client, shop());
  EXPECT_EQ(kinds(results), (std::vector<std::string>{"CustomResourceDefinition", "Namespace",
                                                      "ClusterRole", "Widget", "Deployment",
                                                      "ConfigMap"}));
  for (const DeployResult& result : results) {
    EXPECT_TRUE(result.ok) << result.kind << ": " << result.error;
    EXPECT_EQ(result.action, "created") << result.kind;
  }
  EXPECT_EQ(results[3].component_id, "c-widget");
  EXPECT_TRUE(api.object("/apis/example.com/v1/namespaces/shop/widgets/w").has_value());
  // Deploying again changes nothing.
  for (const DeployResult& result : deploy(client, shop()))
    EXPECT_EQ(result.action, "unchanged") << result.kind;
}

TEST(Deploy, ADryRunStoresNothingAndShowsTheServersDefaults) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  json web = deployment("shop", "web");
  web["spec"].erase("replicas");
  DeployOptions dry;
  dry.dry_run = true;
  const auto results = deploy(client, {{web, "c-web"}, {configMap("shop", "settings"), "c-cm"}}, dry);
  ASSERT_EQ(results.size(), 2U);
  EXPECT_TRUE(results[0].ok) << results[0].error;
  EXPECT_EQ(results[0].object["spec"]["replicas"], 1);
  EXPECT_FALSE(api.object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
  EXPECT_FALSE(api.object("/api/v1/namespaces/shop/configmaps/settings").has_value());
}

TEST(Deploy, ADryRunSaysWhatItsOwnNamespacesAndCrdsKeepTheServerFromChecking) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  DeployOptions dry;
  dry.dry_run = true;
  const auto results = deploy(client, shop(), dry);
  ASSERT_EQ(results.size(), 6U);
  for (const DeployResult& result : results) {
    EXPECT_TRUE(result.ok) << result.kind << ": " << result.error;
    EXPECT_EQ(result.action, "created") << result.kind;
  }
  EXPECT_EQ(results[0].unchecked, "");  // the CRD
  EXPECT_EQ(results[1].unchecked, "");  // the Namespace
  EXPECT_THAT(results[3].unchecked, HasSubstr("CustomResourceDefinition"));  // the Widget
  EXPECT_THAT(results[4].unchecked, HasSubstr("Namespace shop"));            // the Deployment
  // A namespace nobody creates is still an error.
  const auto lost = deploy(client, {{configMap("nowhere", "lost"), "c-lost"}}, dry);
  EXPECT_FALSE(lost[0].ok);
  EXPECT_EQ(lost[0].status, 404);
  EXPECT_FALSE(api.object("/api/v1/namespaces/shop").has_value());
}

TEST(Deploy, OneFailureKeepsItsCausesAndTheOthersGoOn) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  const auto results = deploy(client, {{namespaceNamed("shop"), "c-ns"},
                                       {deployment("shop", "web", "three"), "c-web"},
                                       {configMap("shop", "settings"), "c-cm"},
                                       {configMap("nowhere", "lost"), "c-lost"}});
  ASSERT_EQ(results.size(), 4U);
  EXPECT_TRUE(results[0].ok);
  EXPECT_FALSE(results[1].ok);
  EXPECT_EQ(results[1].component_id, "c-web");
  ASSERT_EQ(results[1].causes.size(), 1U);
  EXPECT_EQ(results[1].causes[0].field, "spec.replicas");
  EXPECT_TRUE(results[2].ok);
  EXPECT_FALSE(results[3].ok);
  EXPECT_THAT(results[3].error, HasSubstr("namespaces \"nowhere\" not found"));
}

TEST(Deploy, UndeploysInReverseOrder) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  deploy(client, shop());
  const auto results = undeploy(client, shop());
  EXPECT_EQ(kinds(results), (std::vector<std::string>{"ConfigMap", "Deployment", "Widget",
                                                      "ClusterRole", "Namespace",
                                                      "CustomResourceDefinition"}));
  for (const DeployResult& result : results) EXPECT_TRUE(result.ok) << result.kind << result.error;
  EXPECT_FALSE(api.object("/api/v1/namespaces/shop").has_value());
  // What is gone already is absent, not an error.
  for (const DeployResult& result : undeploy(client, shop())) {
    EXPECT_TRUE(result.ok) << result.kind << ": " << result.error;
    EXPECT_EQ(result.action, "absent") << result.kind;
  }
}

}  // namespace
}  // namespace meshery::kube
