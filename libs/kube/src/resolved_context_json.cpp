// A resolved context to and from JSON, for a connection's sealed credential.
#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"
#include "meshery/kube/kubeconfig.hpp"

namespace meshery::kube {
namespace {

using nlohmann::json;

std::string textOf(const json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

}  // namespace

json toJson(const ResolvedContext& context) {
  const KubeCluster& cluster = context.cluster;
  const KubeUser& user = context.user;
  json out = {{"context", context.context},
              {"namespace", context.namespace_},
              {"cluster",
               {{"name", cluster.name},
                {"server", cluster.server},
                {"certificateAuthorityData", cluster.certificate_authority_data},
                {"insecureSkipTlsVerify", cluster.insecure_skip_tls_verify},
                {"tlsServerName", cluster.tls_server_name}}},
              {"user",
               {{"name", user.name},
                {"clientCertificateData", user.client_certificate_data},
                {"clientKeyData", user.client_key_data},
                {"token", user.token},
                {"username", user.username},
                {"password", user.password}}}};
  if (user.exec) {
    json env = json::array();
    for (const auto& [name, value] : user.exec->env) env.push_back({{"name", name}, {"value", value}});
    out["user"]["exec"] = {{"command", user.exec->command},
                           {"args", user.exec->args},
                           {"env", env},
                           {"apiVersion", user.exec->api_version},
                           {"installHint", user.exec->install_hint},
                           {"provideClusterInfo", user.exec->provide_cluster_info},
                           {"interactiveMode", user.exec->interactive_mode}};
  }
  return out;
}

ResolvedContext resolvedContextFromJson(const json& document) {
  if (!document.is_object() || !document.contains("cluster") || !document["cluster"].is_object()) {
    throw Error(ErrorCode::kMalformedInput, "a stored Kubernetes credential cannot be read",
                "it is not a resolved context", "register the context again");
  }
  ResolvedContext context;
  context.context = textOf(document, "context");
  context.namespace_ = textOf(document, "namespace");
  const json& cluster = document["cluster"];
  context.cluster.name = textOf(cluster, "name");
  context.cluster.server = textOf(cluster, "server");
  context.cluster.certificate_authority_data = textOf(cluster, "certificateAuthorityData");
  context.cluster.insecure_skip_tls_verify = cluster.value("insecureSkipTlsVerify", false);
  context.cluster.tls_server_name = textOf(cluster, "tlsServerName");
  const json user = document.value("user", json::object());
  context.user.name = textOf(user, "name");
  context.user.client_certificate_data = textOf(user, "clientCertificateData");
  context.user.client_key_data = textOf(user, "clientKeyData");
  context.user.token = textOf(user, "token");
  context.user.username = textOf(user, "username");
  context.user.password = textOf(user, "password");
  if (user.contains("exec") && user["exec"].is_object()) {
    const json& exec = user["exec"];
    ExecPlugin plugin;
    plugin.command = textOf(exec, "command");
    for (const json& arg : exec.value("args", json::array())) plugin.args.push_back(arg.get<std::string>());
    for (const json& variable : exec.value("env", json::array()))
      plugin.env.emplace_back(textOf(variable, "name"), textOf(variable, "value"));
    plugin.api_version = textOf(exec, "apiVersion");
    plugin.install_hint = textOf(exec, "installHint");
    plugin.provide_cluster_info = exec.value("provideClusterInfo", false);
    plugin.interactive_mode = textOf(exec, "interactiveMode");
    context.user.exec = std::move(plugin);
  }
  return context;
}

FlattenedKubeconfig flatten(const Kubeconfig& config) {
  FlattenedKubeconfig out;
  json clusters = json::array();
  json users = json::array();
  json contexts = json::array();
  for (const KubeContext& context : config.contexts) {
    ResolvedContext resolved;
    try {
      resolved = resolveContext(config, context.name);
    } catch (const Error& error) {
      out.skipped.emplace_back(context.name, error.message());
      continue;
    }
    json cluster = {{"server", resolved.cluster.server}};
    if (!resolved.cluster.certificate_authority_data.empty())
      cluster["certificate-authority-data"] = encodeBase64(resolved.cluster.certificate_authority_data);
    if (resolved.cluster.insecure_skip_tls_verify) cluster["insecure-skip-tls-verify"] = true;
    if (!resolved.cluster.tls_server_name.empty())
      cluster["tls-server-name"] = resolved.cluster.tls_server_name;
    clusters.push_back({{"name", context.name}, {"cluster", cluster}});
    const KubeUser& user = resolved.user;
    json body = json::object();
    if (!user.client_certificate_data.empty())
      body["client-certificate-data"] = encodeBase64(user.client_certificate_data);
    if (!user.client_key_data.empty()) body["client-key-data"] = encodeBase64(user.client_key_data);
    if (!user.token.empty()) body["token"] = user.token;
    if (!user.username.empty()) body["username"] = user.username;
    if (!user.password.empty()) body["password"] = user.password;
    if (user.exec) {
      json plugin = toJson(resolved)["user"]["exec"];
      if (plugin["interactiveMode"] == "") plugin.erase("interactiveMode");
      body["exec"] = plugin;
    }
    users.push_back({{"name", context.name}, {"user", body}});
    json entry = {{"cluster", context.name}, {"user", context.name}};
    if (!context.namespace_.empty()) entry["namespace"] = context.namespace_;
    contexts.push_back({{"name", context.name}, {"context", entry}});
  }
  out.document = {{"apiVersion", "v1"},
                  {"kind", "Config"},
                  {"clusters", clusters},
                  {"users", users},
                  {"contexts", contexts},
                  {"current-context", config.current_context}};
  return out;
}

}  // namespace meshery::kube
