// kubeconfig files read as kubectl reads them: several clusters, users and
// contexts; inline data and files (relative to the kubeconfig); what wins
// over what; and what is refused, with the context named.
#include "meshery/kube/kubeconfig.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::kube {
namespace {

const std::string kCa = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n";
const std::string kCert = "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n";
const std::string kKey = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n";

std::string threeClusters() {
  return R"(apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: dev-cluster
  cluster:
    server: https://127.0.0.1:6443
    certificate-authority-data: )" +
         encodeBase64(kCa) + R"(
- name: prod-cluster
  cluster:
    server: https://10.0.0.1:443
    insecure-skip-tls-verify: true
    tls-server-name: api.prod
- name: files-cluster
  cluster:
    server: https://files:6443
    certificate-authority: certs/ca.crt
users:
- name: dev-admin
  user:
    client-certificate-data: )" +
         encodeBase64(kCert) + R"(
    client-key-data: )" + encodeBase64(kKey) + R"(
- name: prod-reader
  user:
    token: abc.def
- name: files-user
  user:
    client-certificate: certs/client.crt
    client-key: /absolute/never-read.key
    tokenFile: token
- name: basic
  user:
    username: admin
    password: secret
contexts:
- name: dev
  context: {cluster: dev-cluster, user: dev-admin, namespace: team-a}
- name: prod
  context: {cluster: prod-cluster, user: prod-reader}
- name: files
  context: {cluster: files-cluster, user: files-user}
- name: anonymous
  context: {cluster: prod-cluster}
)";
}

void write(const std::filesystem::path& file, const std::string& content) {
  std::filesystem::create_directories(file.parent_path());
  std::ofstream(file) << content;
}

ErrorCode codeOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.code();
  }
  return ErrorCode::kInternal;  // nothing thrown
}

std::string messageOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& error) {
    return error.message() + " | " + error.cause() + " | " + error.remedy();
  }
  return "nothing thrown";
}

TEST(Kubeconfig, ReadsEveryClusterUserAndContextInOrder) {
  const Kubeconfig config = parseKubeconfig(threeClusters());
  ASSERT_EQ(config.clusters.size(), 3U);
  ASSERT_EQ(config.users.size(), 4U);
  ASSERT_EQ(config.contexts.size(), 4U);
  EXPECT_EQ(config.current_context, "dev");
  EXPECT_EQ(config.contexts[1].name, "prod");
  EXPECT_EQ(config.cluster("dev-cluster")->certificate_authority_data, kCa);
  EXPECT_TRUE(config.cluster("prod-cluster")->insecure_skip_tls_verify);
  EXPECT_EQ(config.cluster("prod-cluster")->tls_server_name, "api.prod");
  EXPECT_EQ(config.user("dev-admin")->client_key_data, kKey);
  EXPECT_EQ(config.context("dev")->namespace_, "team-a");
}

TEST(Kubeconfig, ResolvesTheCurrentContextOrANamedOne) {
  const Kubeconfig config = parseKubeconfig(threeClusters());
  const ResolvedContext dev = resolveContext(config);
  EXPECT_EQ(dev.context, "dev");
  EXPECT_EQ(dev.namespace_, "team-a");
  EXPECT_EQ(dev.cluster.server, "https://127.0.0.1:6443");
  EXPECT_EQ(dev.user.client_certificate_data, kCert);
  const ResolvedContext prod = resolveContext(config, "prod");
  EXPECT_EQ(prod.namespace_, "default");
  EXPECT_EQ(prod.user.token, "abc.def");
  const ResolvedContext anonymous = resolveContext(config, "anonymous");
  EXPECT_TRUE(anonymous.user.name.empty());
}

TEST(Kubeconfig, ReadsFilesRelativeToTheKubeconfigAndPrefersInlineData) {
  test::TempDir home;
  write(home.path() / "certs" / "ca.crt", kCa);
  write(home.path() / "certs" / "client.crt", kCert);
  write(home.path() / "token", "  file-token\n");
  std::string text = threeClusters();
  // The key is inline as well: the data wins, the absolute file is not read.
  text.replace(text.find("    client-key: /absolute/never-read.key"),
               std::string("    client-key: /absolute/never-read.key").size(),
               "    client-key: /absolute/never-read.key\n    client-key-data: " +
                   encodeBase64(kKey));
  write(home.path() / "config", text);
  const Kubeconfig config = loadKubeconfig(home.path() / "config");
  const ResolvedContext files = resolveContext(config, "files");
  EXPECT_EQ(files.cluster.certificate_authority_data, kCa);
  EXPECT_EQ(files.user.client_certificate_data, kCert);
  EXPECT_EQ(files.user.client_key_data, kKey);
  EXPECT_EQ(files.user.token, "file-token");  // trimmed, as client-go trims it
}

TEST(Kubeconfig, ATokenWinsOverItsTokenFile) {
  test::TempDir home;
  write(home.path() / "config", R"(
clusters: [{name: c, cluster: {server: "https://h"}}]
users: [{name: u, user: {token: inline, tokenFile: missing-file}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
)");
  EXPECT_EQ(resolveContext(loadKubeconfig(home.path() / "config"), "x").user.token, "inline");
}

TEST(Kubeconfig, AnUploadMayNotNameFiles) {
  // No base directory: the files would be the server's own.
  const Kubeconfig upload = parseKubeconfig(threeClusters());
  const std::string message = messageOf([&] { resolveContext(upload, "files"); });
  EXPECT_NE(message.find("context \"files\""), std::string::npos) << message;
  EXPECT_NE(message.find("certs/ca.crt"), std::string::npos) << message;
  EXPECT_NE(message.find("--flatten"), std::string::npos) << message;
  EXPECT_EQ(codeOf([&] { resolveContext(upload, "files"); }), ErrorCode::kInvalidArgument);
}

TEST(Kubeconfig, MissingPiecesAreNamed) {
  const Kubeconfig config = parseKubeconfig(R"(
clusters:
- {name: serverless, cluster: {}}
- {name: ok, cluster: {server: "https://h"}}
users: [{name: u, user: {token: t}}]
contexts:
- {name: no-cluster, context: {cluster: gone, user: u}}
- {name: no-user, context: {cluster: ok, user: gone}}
- {name: no-server, context: {cluster: serverless, user: u}}
)");
  EXPECT_EQ(codeOf([&] { resolveContext(config); }), ErrorCode::kNotFound);  // no current-context
  const std::string unknown = messageOf([&] { resolveContext(config, "nope"); });
  EXPECT_NE(unknown.find("only no-cluster, no-user, no-server"), std::string::npos) << unknown;
  EXPECT_NE(messageOf([&] { resolveContext(config, "no-cluster"); }).find("cluster \"gone\""),
            std::string::npos);
  EXPECT_NE(messageOf([&] { resolveContext(config, "no-user"); }).find("user \"gone\""),
            std::string::npos);
  EXPECT_NE(messageOf([&] { resolveContext(config, "no-server"); }).find("has no server"),
            std::string::npos);
}

TEST(Kubeconfig, ConflictingCredentialsAreRefused) {
  const Kubeconfig config = parseKubeconfig(R"(
clusters: [{name: c, cluster: {server: "https://h"}}]
users:
- {name: both, user: {token: t, username: a, password: b}}
- {name: half, user: {client-certificate-data: )" + encodeBase64(kCert) + R"(}}
contexts:
- {name: both, context: {cluster: c, user: both}}
- {name: half, context: {cluster: c, user: half}}
)");
  EXPECT_NE(messageOf([&] { resolveContext(config, "both"); }).find("[token basicAuth]"),
            std::string::npos);
  EXPECT_NE(messageOf([&] { resolveContext(config, "half"); }).find("without its key"),
            std::string::npos);
}

TEST(Kubeconfig, UnsupportedAuthenticationIsRefusedForItsContextsOnly) {
  const Kubeconfig config = parseKubeconfig(R"(
clusters:
- {name: c, cluster: {server: "https://h"}}
- {name: proxied, cluster: {server: "https://h", proxy-url: "http://proxy:3128"}}
users:
- {name: gcp, user: {auth-provider: {name: gcp}}}
- {name: someone, user: {token: t, as: admin}}
- {name: fine, user: {token: t}}
contexts:
- {name: gcp, context: {cluster: c, user: gcp}}
- {name: impersonating, context: {cluster: c, user: someone}}
- {name: proxied, context: {cluster: proxied, user: fine}}
- {name: fine, context: {cluster: c, user: fine}}
)");
  EXPECT_NE(messageOf([&] { resolveContext(config, "gcp"); }).find("gke-gcloud-auth-plugin"),
            std::string::npos);
  EXPECT_NE(messageOf([&] { resolveContext(config, "impersonating"); }).find("uses as"),
            std::string::npos);
  EXPECT_NE(messageOf([&] { resolveContext(config, "proxied"); }).find("proxy-url"),
            std::string::npos);
  EXPECT_EQ(resolveContext(config, "fine").user.token, "t");
}

TEST(Kubeconfig, ExecPluginsAreCheckedAsClientGoChecksThem) {
  const auto with = [](const std::string& exec) {
    return parseKubeconfig(R"(
clusters: [{name: c, cluster: {server: "https://h"}}]
users: [{name: u, user: {exec: )" + exec + R"(}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
)");
  };
  const auto problem = [&](const std::string& exec) {
    return messageOf([&] { resolveContext(with(exec), "x"); });
  };
  EXPECT_NE(problem("{apiVersion: client.authentication.k8s.io/v1beta1}").find("no command"),
            std::string::npos);
  EXPECT_NE(problem("{command: aws}").find("no apiVersion"), std::string::npos);
  EXPECT_NE(problem("{command: aws, apiVersion: client.authentication.k8s.io/v1alpha1}")
                .find("removed in Kubernetes 1.24"),
            std::string::npos);
  EXPECT_NE(problem("{command: aws, apiVersion: client.authentication.k8s.io/v1}")
                .find("interactiveMode must be set"),
            std::string::npos);
  EXPECT_NE(problem("{command: aws, apiVersion: client.authentication.k8s.io/v1, "
                    "interactiveMode: Always}")
                .find("needs a terminal"),
            std::string::npos);
  const auto ok = resolveContext(
      with("{command: aws, args: [eks, get-token], env: [{name: AWS_PROFILE, value: dev}], "
           "apiVersion: client.authentication.k8s.io/v1beta1, provideClusterInfo: true}"),
      "x");
  ASSERT_TRUE(ok.user.exec.has_value());
  EXPECT_EQ(ok.user.exec->args, (std::vector<std::string>{"eks", "get-token"}));
  EXPECT_EQ(ok.user.exec->env.front().second, "dev");
  EXPECT_TRUE(ok.user.exec->provide_cluster_info);
  // A server that does not run an upload's plugins says so.
  const std::string refused = messageOf([&] {
    resolveContext(with("{command: aws, apiVersion: client.authentication.k8s.io/v1beta1}"), "x",
                   false);
  });
  EXPECT_NE(refused.find("turned off on this server"), std::string::npos) << refused;
}

TEST(Kubeconfig, AnExecCommandWithAPathIsRelativeToTheKubeconfig) {
  test::TempDir home;
  write(home.path() / "config", R"(
clusters: [{name: c, cluster: {server: "https://h"}}]
users:
- {name: u, user: {exec: {command: ./bin/plugin, apiVersion: client.authentication.k8s.io/v1beta1}}}
contexts: [{name: x, context: {cluster: c, user: u}}]
)");
  const auto resolved = resolveContext(loadKubeconfig(home.path() / "config"), "x");
  EXPECT_EQ(resolved.user.exec->command, (home.path() / "./bin/plugin").string());
}

TEST(Kubeconfig, MalformedInputIsReportedWithWhatIsWrong) {
  EXPECT_EQ(codeOf([] { parseKubeconfig("clusters: [unclosed"); }), ErrorCode::kMalformedInput);
  EXPECT_EQ(codeOf([] { parseKubeconfig("kind: Pod"); }), ErrorCode::kMalformedInput);
  EXPECT_NE(messageOf([] {
              parseKubeconfig("clusters: [{name: a, cluster: {}}, {name: a, cluster: {}}]");
            }).find("duplicate name \"a\""),
            std::string::npos);
  EXPECT_NE(messageOf([] {
              parseKubeconfig("clusters: [{name: a, cluster: {certificate-authority-data: '%%'}}]");
            }).find("not base64"),
            std::string::npos);
  EXPECT_NE(messageOf([] { parseKubeconfig("users: [{user: {token: t}}]"); }).find("no name"),
            std::string::npos);
  EXPECT_EQ(codeOf([] { loadKubeconfig("/nonexistent/kubeconfig"); }), ErrorCode::kNotFound);
}

TEST(Kubeconfig, AResolvedContextRoundTripsThroughJson) {
  const Kubeconfig config = parseKubeconfig(threeClusters());
  for (const char* name : {"dev", "prod"}) {
    const ResolvedContext original = resolveContext(config, name);
    const ResolvedContext back = resolvedContextFromJson(toJson(original));
    EXPECT_EQ(toJson(back), toJson(original)) << name;
    EXPECT_EQ(back.cluster.certificate_authority_data, original.cluster.certificate_authority_data);
  }
  const Kubeconfig with_exec = parseKubeconfig(R"(
clusters: [{name: c, cluster: {server: "https://h"}}]
users: [{name: u, user: {exec: {command: aws, args: [eks], env: [{name: A, value: b}],
  apiVersion: client.authentication.k8s.io/v1beta1}}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
)");
  const ResolvedContext exec = resolveContext(with_exec, "x");
  EXPECT_EQ(toJson(resolvedContextFromJson(toJson(exec))), toJson(exec));
  EXPECT_THROW(resolvedContextFromJson(nlohmann::json::array()), Error);
}

}  // namespace
}  // namespace meshery::kube
