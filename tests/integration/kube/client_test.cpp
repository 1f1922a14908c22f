// KubeClient against the fake API server: discovery, server-side apply
// (create, unchanged, dry run with the server's defaults, conflicts and
// force), Status errors with causes, lists with limit/continue, deletion,
// retries on 429/5xx, tokens and exec plugins, rate limits, CRDs.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "kube_test_support.hpp"
#include "meshery_test/temp_dir.hpp"
#include "meshery_test/test_certificate.hpp"

namespace meshery::kube {
namespace {

using ::testing::HasSubstr;
using testing::configMap;
using testing::contextFor;
using testing::deployment;
using testing::json;
using testing::namespaceNamed;

template <typename Body>
ApiError apiErrorOf(Body&& body) {
  try {
    body();
  } catch (const ApiError& error) {
    return error;
  }
  ADD_FAILURE() << "no ApiError thrown";
  return ApiError({}, "none");
}

TEST(KubeClient, ReadsTheVersionAndDiscoversResources) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  EXPECT_EQ(client.version().git_version, "v1.29.2");
  const auto resources = client.discover();
  const auto deployments = std::find_if(resources.begin(), resources.end(), [](const auto& each) {
    return each.group_version == "apps/v1" && each.name == "deployments";
  });
  ASSERT_NE(deployments, resources.end());
  EXPECT_TRUE(deployments->namespaced);
  EXPECT_EQ(deployments->kind, "Deployment");
  const auto namespaces = client.resourceFor("v1", "Namespace");
  ASSERT_TRUE(namespaces.has_value());
  EXPECT_FALSE(namespaces->namespaced);
  EXPECT_FALSE(client.resourceFor("v1", "NoSuchKind").has_value());
  EXPECT_EQ(client.pathOf(deployment("shop", "web")), "/apis/apps/v1/namespaces/shop/deployments/web");
  // A namespaced object without a namespace goes to the context's.
  json unnamespaced = configMap("", "settings");
  unnamespaced["metadata"].erase("namespace");
  EXPECT_EQ(client.pathOf(unnamespaced), "/api/v1/namespaces/default/configmaps/settings");
}

TEST(KubeClient, AppliesCreatesThenUpdatesAndLeavesAnUnchangedObjectAlone) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  const json created = client.apply(deployment("shop", "web"));
  EXPECT_EQ(created["metadata"]["generation"], 1);
  EXPECT_EQ(created["metadata"]["managedFields"][0]["manager"], "meshery");
  const std::string version = created["metadata"]["resourceVersion"];
  EXPECT_EQ(client.apply(deployment("shop", "web"))["metadata"]["resourceVersion"], version);
  const json scaled = client.apply(deployment("shop", "web", 5));
  EXPECT_EQ(scaled["spec"]["replicas"], 5);
  EXPECT_EQ(scaled["metadata"]["generation"], 2);
  EXPECT_EQ(client.get("/apis/apps/v1/namespaces/shop/deployments/web")["spec"]["replicas"], 5);
}

TEST(KubeClient, ADryRunShowsWhatTheServerWouldStoreAndStoresNothing) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  json web = deployment("shop", "web");
  web["spec"].erase("replicas");
  ApplyOptions dry;
  dry.dry_run = true;
  const json would = client.apply(web, dry);
  EXPECT_EQ(would["spec"]["replicas"], 1);  // the server's default
  EXPECT_EQ(would["spec"]["strategy"]["type"], "RollingUpdate");
  EXPECT_FALSE(api.object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
  EXPECT_THAT(api.requests().back(), HasSubstr("dryRun=All"));
  EXPECT_THAT(api.requests().back(), HasSubstr("fieldManager=meshery"));
}

TEST(KubeClient, StatusErrorsKeepTheirReasonAndCauses) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  const ApiError missing_namespace = apiErrorOf([&] { client.apply(deployment("nowhere", "web")); });
  EXPECT_EQ(missing_namespace.code(), ErrorCode::kNotFound);
  EXPECT_EQ(missing_namespace.status().reason, "NotFound");
  EXPECT_THAT(missing_namespace.message(), HasSubstr("namespaces \"nowhere\" not found"));

  client.apply(namespaceNamed("shop"));
  const ApiError invalid = apiErrorOf([&] { client.apply(deployment("shop", "web", "three")); });
  EXPECT_EQ(invalid.code(), ErrorCode::kInvalidArgument);
  EXPECT_EQ(invalid.status().code, 422);
  ASSERT_EQ(invalid.status().causes.size(), 1U);
  EXPECT_EQ(invalid.status().causes[0].field, "spec.replicas");
  EXPECT_THAT(invalid.cause(), HasSubstr("spec.replicas: Invalid value: \"three\""));

  const ApiError absent = apiErrorOf([&] { client.get("/api/v1/namespaces/shop/configmaps/none"); });
  EXPECT_EQ(absent.code(), ErrorCode::kNotFound);
  EXPECT_THAT(absent.message(), HasSubstr("configmaps \"none\" not found"));
}

TEST(KubeClient, AnotherManagersFieldsConflictUnlessForced) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  ApplyOptions kubectl;
  kubectl.field_manager = "kubectl";
  client.apply(deployment("shop", "web", 2), kubectl);
  const ApiError conflict = apiErrorOf([&] { client.apply(deployment("shop", "web", 3)); });
  EXPECT_EQ(conflict.code(), ErrorCode::kConflict);
  ASSERT_FALSE(conflict.status().causes.empty());
  EXPECT_EQ(conflict.status().causes[0].field, ".spec.replicas");
  EXPECT_THAT(conflict.remedy(), HasSubstr("force"));
  ApplyOptions force;
  force.force = true;
  EXPECT_EQ(client.apply(deployment("shop", "web", 3), force)["spec"]["replicas"], 3);
}

TEST(KubeClient, ListsPageByPageAndStartsAgainWhenATokenExpires) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  for (int i = 0; i < 5; ++i) client.apply(configMap("shop", "settings-" + std::to_string(i)));
  const ListPage first = client.list("/api/v1/namespaces/shop/configmaps", 2);
  ASSERT_EQ(first.items.size(), 2U);
  EXPECT_EQ(first.items[0]["kind"], "ConfigMap");  // filled in: typed lists leave it out
  EXPECT_EQ(first.items[0]["apiVersion"], "v1");
  ASSERT_FALSE(first.continue_token.empty());
  EXPECT_EQ(client.listAll("/api/v1/namespaces/shop/configmaps", 2).items.size(), 5U);
  client.apply(configMap("shop", "settings-5"));
  api.compact();  // the first page's version is gone
  const ApiError expired = apiErrorOf(
      [&] { client.list("/api/v1/namespaces/shop/configmaps", 2, first.continue_token); });
  EXPECT_EQ(expired.status().code, 410);
  EXPECT_EQ(expired.status().reason, "Expired");
  EXPECT_EQ(client.listAll("/api/v1/namespaces/shop/configmaps", 2).items.size(), 6U);
}

TEST(KubeClient, DeletesWithAPropagationPolicyAndANamespaceTakesItsObjects) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  client.apply(configMap("shop", "settings"));
  client.apply(deployment("shop", "web"));
  client.remove(deployment("shop", "web"), Propagation::kForeground, true);  // dry run
  EXPECT_TRUE(api.object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
  client.remove(deployment("shop", "web"), Propagation::kForeground);
  EXPECT_THAT(api.requests().back(), HasSubstr("propagationPolicy=Foreground"));
  EXPECT_FALSE(api.object("/apis/apps/v1/namespaces/shop/deployments/web").has_value());
  EXPECT_EQ(apiErrorOf([&] { client.remove(deployment("shop", "web")); }).code(),
            ErrorCode::kNotFound);
  client.remove(namespaceNamed("shop"));
  EXPECT_FALSE(api.object("/api/v1/namespaces/shop/configmaps/settings").has_value());
}

TEST(KubeClient, RetriesTooManyRequestsAndServerErrors) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api), testing::fastRetries());
  api.failNext(429, 2, 0);
  EXPECT_EQ(client.version().git_version, "v1.29.2");
  EXPECT_EQ(api.requests().size(), 3U);
  api.failNext(503, 2);
  EXPECT_EQ(client.version().git_version, "v1.29.2");
  api.failNext(500, 100);
  const ApiError failing = apiErrorOf([&] { client.version(); });
  EXPECT_EQ(failing.code(), ErrorCode::kUnavailable);
  EXPECT_EQ(api.requests().size(), 3U + 3U + 5U);  // one try and four retries
}

TEST(KubeClient, SendsTheTokenAndReportsAWrongOne) {
  test::FakeKubeApi::Options options;
  options.token = "s3cret";
  test::FakeKubeApi api(options);
  EXPECT_EQ(KubeClient(contextFor(api, "s3cret")).version().git_version, "v1.29.2");
  const ApiError refused = apiErrorOf([&] { KubeClient(contextFor(api, "wrong")).version(); });
  EXPECT_EQ(refused.code(), ErrorCode::kUnauthenticated);
  EXPECT_THAT(refused.remedy(), HasSubstr("credentials"));
}

TEST(KubeClient, GetsItsTokenFromAnExecPlugin) {
  test::FakeKubeApi::Options options;
  options.token = "from-plugin";
  test::FakeKubeApi api(options);
  test::TempDir dir;
  const auto plugin = dir.path() / "plugin";
  std::ofstream(plugin) << "#!/bin/sh\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                           "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"from-plugin\"}}'\n";
  ::chmod(plugin.c_str(), 0755);
  ResolvedContext context = contextFor(api);
  context.user.exec = ExecPlugin{plugin.string(), {}, {}, "client.authentication.k8s.io/v1",
                                 "", false, "Never"};
  EXPECT_EQ(KubeClient(context).version().git_version, "v1.29.2");
}

TEST(KubeClient, ReachesAnHttpsServerTrustingItsCaData) {
  test::FakeKubeApi::Options options;
  options.https = true;
  options.token = "t0ken";
  test::FakeKubeApi api(options);
  ASSERT_TRUE(api.url().starts_with("https://"));
  ResolvedContext context = contextFor(api, "t0ken");
  context.cluster.certificate_authority_data = api.caPem();
  EXPECT_EQ(KubeClient(context).version().git_version, "v1.29.2");
  // Without the CA data the server's certificate is not trusted.
  context.cluster.certificate_authority_data.clear();
  try {
    KubeClient(context).version();
    ADD_FAILURE() << "an untrusted server was accepted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);  // not retried
    EXPECT_THAT(error.cause(), HasSubstr("certificate verify failed"));
  }
}

TEST(KubeClient, AuthenticatesWithAClientCertificate) {
  const test::TestCertificate admin = test::makeSelfSignedCertificate({"admin"}, {});
  test::FakeKubeApi::Options options;
  options.https = true;
  options.client_ca_pem = admin.certificate_pem;
  test::FakeKubeApi api(options);
  ResolvedContext context = contextFor(api);
  context.cluster.certificate_authority_data = api.caPem();
  EXPECT_EQ(apiErrorOf([&] { KubeClient(context).version(); }).code(),
            ErrorCode::kUnauthenticated);
  context.user.client_certificate_data = admin.certificate_pem;
  context.user.client_key_data = admin.private_key_pem;
  KubeClient client(context);
  EXPECT_EQ(client.version().git_version, "v1.29.2");
  client.apply(namespaceNamed("shop"));
  EXPECT_TRUE(api.object("/api/v1/namespaces/shop").has_value());
}

TEST(KubeClient, ReadsTheClustersOpenApiDocument) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  json document;
  try {
    document = client.openApiV2();
  } catch (const ApiError& error) {
    if (error.status().code == 404) GTEST_SKIP() << "the build found no Kubernetes swagger document";
    throw;
  }
  EXPECT_EQ(document["swagger"], "2.0");
  EXPECT_TRUE(document["definitions"].contains("io.k8s.api.apps.v1.Deployment"));
}

TEST(KubeClient, ReadsAGroupVersionsOpenApiV3Document) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  const auto paths = client.openApiV3Paths();
  if (paths.empty()) GTEST_SKIP() << "the build found no Kubernetes swagger document";
  ASSERT_TRUE(paths.contains("apis/apps/v1"));
  EXPECT_TRUE(paths.at("apis/apps/v1").starts_with("/openapi/v3/apis/apps/v1?hash="));
  EXPECT_TRUE(paths.contains("api/v1"));
  const json apps = client.openApiV3("apis/apps/v1");
  EXPECT_EQ(apps["openapi"], "3.0.0");
  EXPECT_TRUE(apps["paths"].contains("/apis/apps/v1/namespaces/{namespace}/deployments"));
  const json& deployment = apps["components"]["schemas"]["io.k8s.api.apps.v1.Deployment"];
  EXPECT_EQ(deployment["properties"]["spec"]["$ref"], "#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec");
  try {
    client.openApiV3("apis/nothing.example.com/v1");
    ADD_FAILURE() << "an undocumented group version was answered";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  }
}

TEST(KubeClient, KeepsToItsRateLimit) {
  test::FakeKubeApi api;
  ClientLimits limits;
  limits.qps = 10;
  limits.burst = 1;
  KubeClient client(contextFor(api), limits);
  const auto started = std::chrono::steady_clock::now();
  for (int i = 0; i < 5; ++i) client.version();
  // The first goes at once, each next one a tenth of a second later.
  EXPECT_GE(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(350));
}

TEST(KubeClient, ServesACustomResourceOnceItsDefinitionIsEstablished) {
  test::FakeKubeApi::Options options;
  options.crd_establish_delay = std::chrono::milliseconds(300);
  test::FakeKubeApi api(options);
  KubeClient client(contextFor(api));
  const json crd = testing::widgetCrd();
  const json applied = client.apply(crd);
  EXPECT_EQ(applied["status"]["conditions"][1]["status"], "False");  // not yet Established
  EXPECT_FALSE(client.resourceFor("example.com/v1", "Widget").has_value());
  std::this_thread::sleep_for(std::chrono::milliseconds(350));
  EXPECT_EQ(client.get("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com")
                ["status"]["conditions"][1]["status"],
            "True");
  ASSERT_TRUE(client.resourceFor("example.com/v1", "Widget").has_value());
  client.apply(namespaceNamed("shop"));
  const json widget = {{"apiVersion", "example.com/v1"},
                       {"kind", "Widget"},
                       {"metadata", {{"name", "w"}, {"namespace", "shop"}}},
                       {"spec", {{"size", 3}}}};
  EXPECT_EQ(client.apply(widget)["spec"]["size"], 3);
}

}  // namespace
}  // namespace meshery::kube
