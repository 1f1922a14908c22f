// /api/system/kubernetes: a kubeconfig upload registers every context as its
// own connection and answers per context; contexts listed, read, deleted;
// ping with the server's version.
#include <chrono>

#include "connection_json.hpp"
#include "handler.hpp"
#include "meshery/http/multipart.hpp"
#include "meshery/kube/client.hpp"
#include "meshery/kube/cluster_models.hpp"
#include "meshery/kube/context_check.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/registry/registry_snapshot.hpp"
#include "meshery/store/secret_box.hpp"
#include "meshery/store/store.hpp"
#include "registry_persistence.hpp"

namespace meshery::api {
namespace {

using nlohmann::json;
using store::ConnectionStatus;

const store::SecretBox& secretsOf(Services& services) {
  if (services.secrets == nullptr) {
    throw Error(ErrorCode::kInvalidConfiguration, "connection credentials cannot be stored",
                "the server has no credentials key",
                "start meshery-server with a MESHERY_HOME it can write");
  }
  return *services.secrets;
}

/// The upload: multipart `k8sfile` (and `contexts`, a JSON list or
/// comma-separated names), or JSON {kubeconfig, contexts}.
std::pair<std::string, std::vector<std::string>> uploadOf(const http::Request& request) {
  std::string kubeconfig;
  json contexts;
  const std::string type(request.headers.get("Content-Type").value_or(""));
  if (type.starts_with("multipart/form-data")) {
    const auto parts = http::parseMultipart(type, request.body);
    if (const auto file = http::formPart(parts, "k8sfile")) kubeconfig = file->body;
    if (const auto chosen = http::formPart(parts, "contexts")) {
      contexts = json::parse(chosen->body, nullptr, false);
      if (contexts.is_discarded()) {
        contexts = json::array();
        std::string names = chosen->body;
        std::erase(names, ' ');
        for (const std::string& name : commaList(names)) contexts.push_back(name);
      }
    }
  } else {
    const json body = request.jsonBody();
    kubeconfig = stringMember(body, {"kubeconfig", "k8sfile"});
    contexts = body.is_object() ? body.value("contexts", json::array()) : json::array();
  }
  if (kubeconfig.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "the request carries no kubeconfig",
                "neither a multipart k8sfile part nor a JSON kubeconfig field",
                "upload it: curl -F k8sfile=@$HOME/.kube/config …/api/system/kubernetes");
  }
  std::vector<std::string> only;
  for (const json& name : contexts.is_array() ? contexts : json::array()) {
    if (name.is_string() && !name.get<std::string>().empty()) only.push_back(name);
  }
  return {std::move(kubeconfig), std::move(only)};
}

/// Where a context's connection goes from where it is, given what the check
/// found: connected, or registered — disconnected when it was connected.
ConnectionStatus nextStatus(std::optional<ConnectionStatus> current, kube::ContextResult result) {
  const ConnectionStatus wanted = result == kube::ContextResult::kConnected
                                      ? ConnectionStatus::kConnected
                                      : ConnectionStatus::kRegistered;
  if (!current) return wanted;
  if (store::transitionAllowed(*current, wanted)) return wanted;
  if (store::transitionAllowed(*current, ConnectionStatus::kDisconnected))
    return ConnectionStatus::kDisconnected;
  return *current;
}

/// The kubernetes model a connected cluster registered for `version`, if any.
const registry::Model* clusterKubernetesModel(const registry::RegistrySnapshot& snapshot,
                                              const std::string& version) {
  for (const auto& model : snapshot.modelsNamed("kubernetes")) {
    if (model->upstream_version == version && model->registrant.kind == "kubernetes")
      return model.get();
  }
  return nullptr;
}

/// Registers the models of a connected cluster: the kubernetes model at
/// its version (read from its OpenAPI document once per version) and its
/// CRDs' models; what was registered, or why nothing was (the connection
/// stays connected).
json registerClusterModels(Services& services, const Principal& principal,
                           const kube::ContextOutcome& outcome) {
  try {
    kube::ClientLimits limits;
    limits.timeout = std::chrono::seconds(30);
    kube::KubeClient client(*outcome.resolved, limits);
    const auto snapshot = services.registry.current();
    const registry::Model* known = clusterKubernetesModel(*snapshot, outcome.server_version);
    const kube::ClusterModels models = kube::generateClusterModels(
        client, "kubernetes-context:" + outcome.context, known == nullptr);
    registry::ImportResult result;
    const auto add = [&result](const registry::GenerationResult& generated) {
      if (generated.components.empty()) return;
      result.models.push_back(registry::Model::fromJson(generated.model));
      for (const json& component : generated.components)
        result.components.push_back(registry::ComponentDefinition::fromJson(component));
    };
    add(models.kubernetes);
    const std::size_t kubernetes_components =
        known != nullptr ? known->components_count.value_or(0) : models.kubernetes.components.size();
    json summary = {{"kubernetes", {{"version", models.server_version}, {"components", kubernetes_components}}},
                    {"custom", json::array()}};
    for (const registry::GenerationResult& custom : models.custom) {
      add(custom);
      summary["custom"].push_back({{"model", custom.model.value("name", "")},
                                   {"components", custom.components.size()},
                                   {"failures", custom.failures.size()}});
    }
    if (!result.models.empty()) registerDefinitions(services, principal, result);
    return summary;
  } catch (const Error& error) {
    return {{"error", error.message() + (error.cause().empty() ? "" : " (" + error.cause() + ")")}};
  }
}

/// Stores the context's connection (an ignored one stays set aside) and
/// adds it to `answer` under its outcome.
void registerOne(Services& services, const Principal& principal,
                 const kube::ContextOutcome& outcome, json& answer) {
  auto& connections = services.store.connections();
  auto existing = connections.findByName(principal.user_id, "kubernetes", outcome.context);
  if (existing && existing->status == ConnectionStatus::kIgnored) {
    json item = contextJson(*existing);
    item["reason"] = "the connection is set aside (ignored); change its status to use it";
    answer["ignoredContexts"].push_back(item);
    return;
  }
  const auto now = std::chrono::system_clock::now();
  store::Connection connection;
  if (existing) {
    connection = *existing;
  } else {
    connection.meta.id = Uuid::v4();
    connection.meta.owner_id = principal.user_id;
    connection.meta.organization_id = principal.organization_id;
    connection.meta.visibility = store::Visibility::kPrivate;
    connection.meta.created_at = now;
    connection.name = outcome.context;
    connection.kind = "kubernetes";
    connection.type = "platform";
    connection.sub_type = "orchestration";
  }
  connection.meta.updated_at = now;
  connection.status =
      nextStatus(existing ? std::optional(existing->status) : std::nullopt, outcome.result);
  connection.metadata = {{"name", outcome.context},
                         {"context", outcome.context},
                         {"cluster", outcome.cluster},
                         {"server", outcome.server},
                         {"user", outcome.user},
                         {"namespace", outcome.namespace_},
                         {"server_version", outcome.server_version}};
  if (!outcome.reason.empty()) connection.metadata["reason"] = outcome.reason;
  connection.sealed_credential = secretsOf(services).seal(kube::toJson(*outcome.resolved).dump());
  connections.upsert(connection);
  followDiscovery(services, connection);
  json item = contextJson(connection);
  const bool connected = connection.status == ConnectionStatus::kConnected;
  if (connected) item["models"] = registerClusterModels(services, principal, outcome);
  answer[connected ? "connectedContexts" : "registeredContexts"].push_back(item);
}

http::Response uploadKubeconfig(Services& services, http::Request& request,
                                const Principal& principal) {
  secretsOf(services);
  const auto [text, only] = uploadOf(request);
  const kube::Kubeconfig config = kube::parseKubeconfig(text);
  kube::ContextCheckOptions options;
  options.only = only;
  options.exec_allowed = services.exec_plugins;
  json answer = {{"registeredContexts", json::array()},
                 {"connectedContexts", json::array()},
                 {"ignoredContexts", json::array()},
                 {"erroredContexts", json::array()}};
  for (const kube::ContextOutcome& outcome : kube::checkContexts(config, options)) {
    switch (outcome.result) {
      case kube::ContextResult::kConnected:
      case kube::ContextResult::kRegistered:
        registerOne(services, principal, outcome, answer);
        break;
      case kube::ContextResult::kIgnored:
        answer["ignoredContexts"].push_back(
            {{"name", outcome.context}, {"server", outcome.server}, {"reason", outcome.reason}});
        break;
      case kube::ContextResult::kErrored:
        answer["erroredContexts"].push_back(
            {{"name", outcome.context}, {"server", outcome.server}, {"error", outcome.reason}});
        break;
    }
  }
  return http::Response::json(answer);
}

http::Response listContexts(Services& services, http::Request& request,
                            const Principal& principal) {
  store::ConnectionQuery query;
  query.owner_id = principal.user_id;
  query.kinds = {"kubernetes"};
  query.search = request.queryParam("search").value_or("");
  query.page_size = static_cast<std::int64_t>(pageSizeOf(request));
  query.page = static_cast<std::int64_t>(pageOf(request));
  const store::ConnectionPage page = services.store.connections().list(query);
  json contexts = json::array();
  for (const store::Connection& connection : page.connections) contexts.push_back(contextJson(connection));
  return http::Response::json({{"contexts", contexts},
                               {"page", query.page},
                               {"page_size", query.page_size},
                               {"total_count", page.total_count}});
}

Uuid contextId(const http::Request& request) {
  return idOf(request.pathParam("id"), "context id",
              "list the contexts with GET /api/system/kubernetes/contexts");
}

http::Response getContext(Services& services, http::Request& request, const Principal& principal) {
  return http::Response::json(
      contextJson(kubernetesConnection(services, principal.user_id, contextId(request))));
}

http::Response deleteContext(Services& services, http::Request& request,
                             const Principal& principal) {
  const store::Connection connection =
      kubernetesConnection(services, principal.user_id, contextId(request));
  services.store.connections().remove(connection.meta.id);
  forgetDiscovery(services, connection);
  return http::Response::json(contextJson(connection));
}

http::Response ping(Services& services, http::Request& request, const Principal& principal) {
  std::string id = request.queryParam("connection_id").value_or("");
  if (id.empty()) id = request.queryParam("context").value_or("");
  store::Connection connection = kubernetesConnection(
      services, principal.user_id,
      idOf(id, "connection_id", "list the contexts with GET /api/system/kubernetes/contexts"));
  const std::string version = pingAndRecord(services, connection);
  return http::Response::json({{"server_version", version}});
}


}  // namespace

void registerKubernetesRoutes(http::Router& router, Services& all) {
  using M = http::Method;
  addGuarded(router, all, M::kPost, "/api/system/kubernetes", "connection.register",
      "register every context of a kubeconfig", uploadKubeconfig);
  addGuarded(router, all, M::kGet, "/api/system/kubernetes/contexts", "connection.view",
      "Kubernetes contexts, one page", listContexts);
  addGuarded(router, all, M::kGet, "/api/system/kubernetes/contexts/{id}", "connection.view",
      "one Kubernetes context", getContext);
  addGuarded(router, all, M::kDelete, "/api/system/kubernetes/contexts/{id}", "connection.delete",
      "delete a Kubernetes context", deleteContext);
  addGuarded(router, all, M::kGet, "/api/system/kubernetes/ping", "connection.view",
      "reach a context's cluster", ping);
}

}  // namespace meshery::api
