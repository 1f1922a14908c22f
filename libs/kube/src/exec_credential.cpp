#include "meshery/kube/exec_credential.hpp"

#include <ctime>
#include <nlohmann/json.hpp>

#include "bounded_process.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"

namespace meshery::kube {
namespace {

using nlohmann::json;
using detail::ProcessRun;

Error refused(const std::string& reason) {
  return Error(ErrorCode::kUnauthenticated, "getting credentials: " + reason,
               "the kubeconfig user's exec plugin did not give a credential",
               "run the plugin by hand and check what it prints (an ExecCredential)");
}

/// RFC 3339 ("2026-12-03T10:00:00Z", "…00.5+01:00"); nullopt otherwise.
std::optional<std::chrono::system_clock::time_point> rfc3339(const std::string& text) {
  std::tm parts{};
  int consumed = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &parts.tm_year, &parts.tm_mon,
                  &parts.tm_mday, &parts.tm_hour, &parts.tm_min, &parts.tm_sec, &consumed) != 6 ||
      consumed != 19)
    return std::nullopt;
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    ++at;
    while (at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0) ++at;
  }
  long offset = 0;
  if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    ++at;
  } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') && text[at + 3] == ':') {
    int hours = 0;
    int minutes = 0;
    if (std::sscanf(text.c_str() + at + 1, "%2d:%2d", &hours, &minutes) != 2) return std::nullopt;
    offset = (text[at] == '-' ? -1 : 1) * (hours * 3600L + minutes * 60L);
    at += 6;
  } else {
    return std::nullopt;
  }
  if (at != text.size()) return std::nullopt;
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  const std::time_t utc = ::timegm(&parts);
  return std::chrono::system_clock::from_time_t(utc - offset);
}

std::string statusText(const json& status, const char* key) {
  const auto found = status.find(key);
  return found != status.end() && found->is_string() ? found->get<std::string>() : std::string();
}

/// KUBERNETES_EXEC_INFO: what the plugin may read about the request.
std::string execInfo(const ExecPlugin& plugin, const KubeCluster& cluster) {
  json spec = {{"interactive", false}};
  if (plugin.provide_cluster_info) {
    json described = {{"server", cluster.server}};
    if (!cluster.tls_server_name.empty()) described["tls-server-name"] = cluster.tls_server_name;
    if (cluster.insecure_skip_tls_verify) described["insecure-skip-tls-verify"] = true;
    if (!cluster.certificate_authority_data.empty())
      described["certificate-authority-data"] = encodeBase64(cluster.certificate_authority_data);
    spec["cluster"] = std::move(described);
  }
  return json{{"apiVersion", plugin.api_version}, {"kind", "ExecCredential"}, {"spec", spec}}
      .dump();
}

std::string lastLines(std::string text) {
  constexpr std::size_t kShown = 2000;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text.size() > kShown ? "…" + text.substr(text.size() - kShown) : text;
}

}  // namespace

ExecCredential parseExecCredential(std::string_view output, std::string_view api_version) {
  json credential;
  try {
    credential = json::parse(output);
  } catch (const json::exception& error) {
    throw refused(std::string("decoding stdout: ") + error.what());
  }
  if (!credential.is_object()) throw refused("decoding stdout: not a JSON object");
  const std::string version = credential.value("apiVersion", "");
  if (credential.value("kind", "") != "ExecCredential")
    throw refused("decoding stdout: kind is \"" + credential.value("kind", "") +
                  "\", not ExecCredential");
  if (version != api_version) {
    throw refused("exec plugin is configured to use API version " + std::string(api_version) +
                  ", plugin returned version " + version);
  }
  const auto status = credential.find("status");
  if (status == credential.end() || !status->is_object())
    throw refused("exec plugin didn't return a status field");
  ExecCredential out;
  out.token = statusText(*status, "token");
  out.client_certificate_data = statusText(*status, "clientCertificateData");
  out.client_key_data = statusText(*status, "clientKeyData");
  if (out.token.empty() && out.client_certificate_data.empty() && out.client_key_data.empty())
    throw refused("exec plugin didn't return a token or cert/key pair");
  if (out.client_certificate_data.empty() != out.client_key_data.empty())
    throw refused("exec plugin returned only certificate or key, not both");
  const std::string expiration = statusText(*status, "expirationTimestamp");
  if (!expiration.empty()) {
    out.expiration = rfc3339(expiration);
    if (!out.expiration)
      throw refused("decoding stdout: expirationTimestamp \"" + expiration + "\" is not RFC 3339");
  }
  return out;
}

ExecCredential runExecPlugin(const ExecPlugin& plugin, const KubeCluster& cluster,
                             const ExecLimits& limits) {
  std::vector<std::string> argv{plugin.command};
  argv.insert(argv.end(), plugin.args.begin(), plugin.args.end());
  auto env = plugin.env;
  env.emplace_back("KUBERNETES_EXEC_INFO", execInfo(plugin, cluster));
  const ProcessRun run = detail::runBounded(argv, env, limits.timeout, limits.max_output);
  switch (run.outcome) {
    case ProcessRun::Outcome::kNotFound:
      throw Error(ErrorCode::kNotFound,
                  "getting credentials: exec: executable " + plugin.command + " not found",
                  "the kubeconfig user's exec plugin is not installed where the server runs (" +
                      run.errors + ")",
                  plugin.install_hint.empty() ? "install it on the server's PATH"
                                              : plugin.install_hint);
    case ProcessRun::Outcome::kTimedOut:
      throw Error(ErrorCode::kTimeout,
                  "getting credentials: exec plugin " + plugin.command + " did not finish within " +
                      std::to_string(limits.timeout.count()) + " ms",
                  "the plugin hung, or waits for input it cannot get (stdin is /dev/null)",
                  "run it by hand; make it work without prompting (interactiveMode: Never)");
    case ProcessRun::Outcome::kTooMuchOutput:
      throw Error(ErrorCode::kPayloadTooLarge,
                  "getting credentials: exec plugin " + plugin.command + " printed more than " +
                      std::to_string(limits.max_output) + " bytes",
                  "an ExecCredential is a small JSON object", "check what the plugin prints");
    case ProcessRun::Outcome::kKilled:
    case ProcessRun::Outcome::kExited:
      break;
  }
  if (run.outcome == ProcessRun::Outcome::kKilled || run.exit_code != 0) {
    throw Error(ErrorCode::kUnauthenticated,
                "getting credentials: exec: executable " + plugin.command +
                    " failed with exit code " + std::to_string(run.exit_code),
                run.errors.empty() ? "the plugin printed nothing on stderr" : lastLines(run.errors),
                "run the plugin by hand with the kubeconfig's arguments and environment");
  }
  return parseExecCredential(run.output, plugin.api_version);
}

}  // namespace meshery::kube
