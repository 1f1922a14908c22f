// Models from a cluster: the kubernetes model at the server's version from
// its OpenAPI document, and one model per API group of its CRDs.
#include "meshery/kube/cluster_models.hpp"

#include <gtest/gtest.h>

#include "kube_test_support.hpp"

namespace meshery::kube {
namespace {

using testing::contextFor;
using testing::json;

TEST(ClusterModels, GeneratesTheClustersKindsAndItsCustomResources) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  try {
    client.openApiV2();
  } catch (const ApiError& error) {
    if (error.status().code == 404) GTEST_SKIP() << "the build found no Kubernetes swagger document";
    throw;
  }
  const json crd = {
      {"apiVersion", "apiextensions.k8s.io/v1"},
      {"kind", "CustomResourceDefinition"},
      {"metadata", {{"name", "certificates.cert-manager.io"}}},
      {"spec",
       {{"group", "cert-manager.io"},
        {"scope", "Namespaced"},
        {"names", {{"plural", "certificates"}, {"singular", "certificate"}, {"kind", "Certificate"}}},
        {"versions",
         {{{"name", "v1"},
           {"served", true},
           {"storage", true},
           {"schema",
            {{"openAPIV3Schema",
              {{"type", "object"},
               {"properties",
                {{"spec",
                  {{"type", "object"},
                   {"properties", {{"secretName", {{"type", "string"}}}}}}}}}}}}}}}}}}};
  client.apply(crd);
  const ClusterModels models = generateClusterModels(client, "context:fake");
  EXPECT_EQ(models.server_version, "v1.29.2");
  EXPECT_EQ(models.kubernetes.model["model"]["version"], "v1.29.2");
  EXPECT_GT(models.kubernetes.components.size(), 50U);
  // Its own ids: beside the bundled kubernetes model, not in its place.
  EXPECT_NE(models.kubernetes.model["id"], "6de88d04-c790-5274-9073-1b79e89a8326");
  const auto deployment = std::find_if(
      models.kubernetes.components.begin(), models.kubernetes.components.end(),
      [](const json& component) { return component["component"]["kind"] == "Deployment"; });
  ASSERT_NE(deployment, models.kubernetes.components.end());
  ASSERT_EQ(models.custom.size(), 1U);
  EXPECT_EQ(models.custom[0].model["name"], "cert-manager-io");
  ASSERT_EQ(models.custom[0].components.size(), 1U);
  EXPECT_EQ(models.custom[0].components[0]["component"]["kind"], "Certificate");
  EXPECT_TRUE(models.custom[0].failures.empty());
}

}  // namespace
}  // namespace meshery::kube
