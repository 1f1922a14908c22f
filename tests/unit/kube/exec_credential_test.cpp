// exec credential plugins: run with the kubeconfig's arguments and
// environment plus KUBERNETES_EXEC_INFO, bounded in time and output, and
// their ExecCredential checked as client-go checks it.
#include "meshery/kube/exec_credential.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "meshery/core/error.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::kube {
namespace {

using nlohmann::json;
constexpr const char* kV1 = "client.authentication.k8s.io/v1";
constexpr const char* kV1beta1 = "client.authentication.k8s.io/v1beta1";

/// An executable shell script in `dir`.
std::string script(const std::filesystem::path& dir, const std::string& name,
                   const std::string& body) {
  const auto file = dir / name;
  std::ofstream(file) << "#!/bin/sh\n" << body << "\n";
  ::chmod(file.c_str(), 0755);
  return file.string();
}

std::string readFile(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

Error errorOf(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& error) {
    return error;
  }
  return Error(ErrorCode::kInternal, "nothing thrown");
}

TEST(ExecCredential, RunsThePluginWithItsArgumentsEnvironmentAndExecInfo) {
  test::TempDir dir;
  ExecPlugin plugin;
  plugin.api_version = kV1;
  plugin.interactive_mode = "Never";
  plugin.provide_cluster_info = true;
  plugin.args = {"--profile", "dev"};
  plugin.env = {{"TOKEN_PREFIX", "tok"}};
  const auto info = dir.path() / "info.json";
  plugin.command = script(dir.path(), "plugin",
                          "printf '%s' \"$KUBERNETES_EXEC_INFO\" > " + info.string() + "\n" +
                              "printf '{\"apiVersion\":\"" + kV1 +
                              "\",\"kind\":\"ExecCredential\",\"status\":{\"token\":\"%s-%s-%s\"}}' "
                              "\"$TOKEN_PREFIX\" \"$1\" \"$2\"");
  KubeCluster cluster;
  cluster.server = "https://127.0.0.1:6443";
  cluster.certificate_authority_data = "PEM";
  const ExecCredential credential = runExecPlugin(plugin, cluster);
  EXPECT_EQ(credential.token, "tok---profile-dev");
  EXPECT_FALSE(credential.expiration.has_value());
  const json exec_info = json::parse(readFile(info));
  EXPECT_EQ(exec_info["apiVersion"], kV1);
  EXPECT_EQ(exec_info["kind"], "ExecCredential");
  EXPECT_EQ(exec_info["spec"]["interactive"], false);
  EXPECT_EQ(exec_info["spec"]["cluster"]["server"], "https://127.0.0.1:6443");
  EXPECT_EQ(exec_info["spec"]["cluster"]["certificate-authority-data"], "UEVN");
}

TEST(ExecCredential, ACertificateAndKeyWithAnExpiry) {
  const std::string output = json{{"apiVersion", kV1beta1},
                                  {"kind", "ExecCredential"},
                                  {"status",
                                   {{"clientCertificateData", "CERT"},
                                    {"clientKeyData", "KEY"},
                                    {"expirationTimestamp", "2026-12-03T10:00:00+01:00"}}}}
                                 .dump();
  const ExecCredential credential = parseExecCredential(output, kV1beta1);
  EXPECT_EQ(credential.client_certificate_data, "CERT");
  EXPECT_EQ(credential.client_key_data, "KEY");
  ASSERT_TRUE(credential.expiration.has_value());
  EXPECT_EQ(std::chrono::system_clock::to_time_t(*credential.expiration), 1796288400);  // 09:00Z
}

TEST(ExecCredential, OutputIsCheckedAsClientGoChecksIt) {
  const auto reason = [](const std::string& output, const char* version = kV1) {
    return errorOf([&] { parseExecCredential(output, version); }).message();
  };
  EXPECT_NE(reason("not json").find("decoding stdout"), std::string::npos);
  EXPECT_NE(reason(R"({"apiVersion":"client.authentication.k8s.io/v1beta1","kind":"ExecCredential","status":{"token":"t"}})")
                .find("configured to use API version client.authentication.k8s.io/v1, plugin "
                      "returned version client.authentication.k8s.io/v1beta1"),
            std::string::npos);
  EXPECT_NE(reason(R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential"})")
                .find("didn't return a status field"),
            std::string::npos);
  EXPECT_NE(reason(R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{}})")
                .find("didn't return a token or cert/key pair"),
            std::string::npos);
  EXPECT_NE(reason(R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"clientKeyData":"K"}})")
                .find("only certificate or key"),
            std::string::npos);
  EXPECT_NE(reason(R"({"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"t","expirationTimestamp":"tomorrow"}})")
                .find("not RFC 3339"),
            std::string::npos);
  EXPECT_EQ(errorOf([&] { parseExecCredential("{}", kV1); }).code(), ErrorCode::kUnauthenticated);
}

TEST(ExecCredential, AMissingPluginGivesItsInstallHint) {
  ExecPlugin plugin;
  plugin.command = "meshery-no-such-plugin";
  plugin.api_version = kV1beta1;
  plugin.install_hint = "install it with: apt-get install meshery-no-such-plugin";
  const Error error = errorOf([&] { runExecPlugin(plugin, {}); });
  EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  EXPECT_NE(error.message().find("executable meshery-no-such-plugin not found"), std::string::npos);
  EXPECT_EQ(error.remedy(), plugin.install_hint);
}

TEST(ExecCredential, AFailingPluginShowsWhatItWroteOnStderr) {
  test::TempDir dir;
  ExecPlugin plugin;
  plugin.api_version = kV1beta1;
  plugin.command = script(dir.path(), "fails", "echo 'token expired, run sso login' >&2; exit 3");
  const Error error = errorOf([&] { runExecPlugin(plugin, {}); });
  EXPECT_EQ(error.code(), ErrorCode::kUnauthenticated);
  EXPECT_NE(error.message().find("failed with exit code 3"), std::string::npos);
  EXPECT_EQ(error.cause(), "token expired, run sso login");
}

TEST(ExecCredential, APluginThatHangsIsKilledAtTheTimeout) {
  test::TempDir dir;
  ExecPlugin plugin;
  plugin.api_version = kV1beta1;
  // A child of the plugin keeps stdout open: its session is killed too.
  plugin.command = script(dir.path(), "hangs", "sleep 30 & sleep 30");
  const auto started = std::chrono::steady_clock::now();
  const Error error =
      errorOf([&] { runExecPlugin(plugin, {}, {std::chrono::milliseconds(300), 1 << 20}); });
  EXPECT_EQ(error.code(), ErrorCode::kTimeout);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
}

TEST(ExecCredential, OutputPastTheLimitIsRefused) {
  test::TempDir dir;
  ExecPlugin plugin;
  plugin.api_version = kV1beta1;
  plugin.command = script(dir.path(), "floods", "head -c 3000000 /dev/zero");
  const Error error =
      errorOf([&] { runExecPlugin(plugin, {}, {std::chrono::seconds(10), 1 << 20}); });
  EXPECT_EQ(error.code(), ErrorCode::kPayloadTooLarge);
}

}  // namespace
}  // namespace meshery::kube
