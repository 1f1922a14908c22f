// A resolved context to and from JSON, for a connection's sealed credential.
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

}  // namespace meshery::kube
