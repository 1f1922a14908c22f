// /api/integrations/connections: every connection of the caller, filtered
// and paged; one read, its status changed along Meshery's state machine,
// or deleted. Credentials never leave the server.
#include <chrono>

#include "connection_json.hpp"
#include "handler.hpp"
#include "meshery/kube/client.hpp"
#include "meshery/store/secret_box.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {

using nlohmann::json;
using store::ConnectionStatus;

json connectionJson(const store::Connection& connection) {
  return {{"id", connection.meta.id.toString()},
          {"schemaVersion", "connections.meshery.io/v1beta1"},
          {"name", connection.name},
          {"kind", connection.kind},
          {"type", connection.type},
          {"sub_type", connection.sub_type},
          {"status", std::string(store::toString(connection.status))},
          {"metadata", connection.metadata},
          {"user_id", connection.meta.owner_id.toString()},
          {"created_at", formatTimestamp(connection.meta.created_at)},
          {"updated_at", formatTimestamp(connection.meta.updated_at)}};
}

json contextJson(const store::Connection& connection) {
  const json& metadata = connection.metadata;
  return {{"id", connection.meta.id.toString()},
          {"name", connection.name},
          {"server", metadata.value("server", "")},
          {"cluster", metadata.value("cluster", "")},
          {"namespace", metadata.value("namespace", "")},
          {"version", metadata.value("server_version", "")},
          {"connection_id", connection.meta.id.toString()},
          {"status", std::string(store::toString(connection.status))},
          {"owner", connection.meta.owner_id.toString()},
          {"created_at", formatTimestamp(connection.meta.created_at)},
          {"updated_at", formatTimestamp(connection.meta.updated_at)}};
}

store::Connection kubernetesConnection(Services& services, const Uuid& owner, const Uuid& id) {
  auto connection = services.store.connections().find(id);
  if (!connection || connection->meta.owner_id != owner || connection->kind != "kubernetes") {
    throw Error(ErrorCode::kNotFound, "no Kubernetes context " + id.toString(),
                "none of your connections has this id",
                "list them with GET /api/system/kubernetes/contexts");
  }
  return *connection;
}

kube::ResolvedContext credentialOf(Services& services, const store::Connection& connection) {
  if (services.secrets == nullptr || connection.sealed_credential.empty()) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "the connection " + connection.name + " has no usable credential",
                "the server has no credentials key, or none was stored",
                "upload the kubeconfig again");
  }
  return kube::resolvedContextFromJson(
      json::parse(services.secrets->open(connection.sealed_credential)));
}

void followDiscovery(Services& services, const store::Connection& connection) {
  if (services.discovery == nullptr || connection.kind != "kubernetes") return;
  if (connection.status == ConnectionStatus::kConnected) {
    services.discovery->connect(connection.meta.id);
  } else {
    services.discovery->disconnect(connection.meta.id);
  }
}

void forgetDiscovery(Services& services, const store::Connection& connection) {
  if (services.discovery != nullptr) services.discovery->forget(connection.meta.id);
}

std::string pingAndRecord(Services& services, store::Connection& connection) {
  const auto record = [&](ConnectionStatus status, const std::string& version,
                          const std::string& reason) {
    if (!store::transitionAllowed(connection.status, status)) return;
    connection.status = status;
    if (!version.empty()) connection.metadata["server_version"] = version;
    if (reason.empty()) {
      connection.metadata.erase("reason");
    } else {
      connection.metadata["reason"] = reason;
    }
    connection.meta.updated_at = std::chrono::system_clock::now();
    services.store.connections().upsert(connection);
    followDiscovery(services, connection);
  };
  try {
    kube::ClientLimits limits;
    limits.timeout = std::chrono::seconds(10);
    limits.max_retries = 1;
    kube::KubeClient client(credentialOf(services, connection), limits);
    const std::string version = client.version().git_version;
    record(ConnectionStatus::kConnected, version, "");
    return version;
  } catch (const Error& error) {
    record(ConnectionStatus::kDisconnected, "", error.message());
    throw;
  }
}

namespace {

Uuid connectionId(const http::Request& request) {
  return idOf(request.pathParam("id"), "connection id",
              "list the connections with GET /api/integrations/connections");
}

store::Connection ownConnection(Services& services, const http::Request& request,
                                const Principal& principal) {
  const Uuid id = connectionId(request);
  auto connection = services.store.connections().find(id);
  if (!connection || connection->meta.owner_id != principal.user_id) {
    throw Error(ErrorCode::kNotFound, "no connection " + id.toString(),
                "none of your connections has this id",
                "list them with GET /api/integrations/connections");
  }
  return *connection;
}

/// Values of a repeated or comma-separated query parameter.
std::vector<std::string> listParameter(const http::Request& request, std::string_view name) {
  std::vector<std::string> values;
  for (const std::string& each : request.queryParams(name)) {
    std::size_t start = 0;
    while (start <= each.size()) {
      const auto comma = each.find(',', start);
      std::string value = each.substr(start, comma == std::string::npos ? comma : comma - start);
      if (!value.empty()) values.push_back(std::move(value));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
  }
  return values;
}

http::Response listConnections(Services& services, http::Request& request,
                               const Principal& principal) {
  store::ConnectionQuery query;
  query.owner_id = principal.user_id;
  query.kinds = listParameter(request, "kind");
  for (const std::string& text : listParameter(request, "status")) {
    const auto status = store::connectionStatusOf(text);
    if (!status) {
      throw Error(ErrorCode::kMalformedInput, "unknown connection status " + text,
                  "statuses are discovered, registered, connected, ignored, maintenance, "
                  "disconnected, deleted and not found",
                  "use one of them");
    }
    query.statuses.push_back(*status);
  }
  query.search = request.queryParam("search").value_or("");
  query.page_size = static_cast<std::int64_t>(pageSizeOf(request));
  query.page = static_cast<std::int64_t>(pageOf(request));
  const store::ConnectionPage page = services.store.connections().list(query);
  json connections = json::array();
  for (const store::Connection& connection : page.connections)
    connections.push_back(connectionJson(connection));
  return http::Response::json({{"connections", connections},
                               {"page", query.page},
                               {"page_size", query.page_size},
                               {"total_count", page.total_count}});
}

http::Response getConnection(Services& services, http::Request& request,
                             const Principal& principal) {
  return http::Response::json(connectionJson(ownConnection(services, request, principal)));
}

/// PUT {status}: along the state machine; connecting a Kubernetes
/// connection reaches its cluster first.
http::Response changeStatus(Services& services, http::Request& request,
                            const Principal& principal) {
  store::Connection connection = ownConnection(services, request, principal);
  const std::string text = stringMember(request.jsonBody(), {"status"});
  const auto wanted = store::connectionStatusOf(text);
  if (!wanted) {
    throw Error(ErrorCode::kMalformedInput, "unknown connection status '" + text + "'",
                "statuses are discovered, registered, connected, ignored, maintenance, "
                "disconnected, deleted and not found",
                "send {\"status\": \"connected\"} or another of them");
  }
  if (!store::transitionAllowed(connection.status, *wanted)) {
    throw Error(ErrorCode::kConflict,
                "a " + std::string(store::toString(connection.status)) +
                    " connection cannot become " + text,
                "Meshery's connection state machine does not allow it",
                "see docs/kubernetes.md for the transitions");
  }
  if (*wanted == ConnectionStatus::kDeleted) {
    services.store.connections().remove(connection.meta.id);
    forgetDiscovery(services, connection);
    connection.status = ConnectionStatus::kDeleted;
    return http::Response::json(connectionJson(connection));
  }
  if (*wanted == ConnectionStatus::kConnected && connection.kind == "kubernetes") {
    pingAndRecord(services, connection);
    return http::Response::json(connectionJson(connection));
  }
  connection.status = *wanted;
  connection.meta.updated_at = std::chrono::system_clock::now();
  services.store.connections().upsert(connection);
  followDiscovery(services, connection);
  return http::Response::json(connectionJson(connection));
}

http::Response deleteConnection(Services& services, http::Request& request,
                                const Principal& principal) {
  const store::Connection connection = ownConnection(services, request, principal);
  services.store.connections().remove(connection.meta.id);
  forgetDiscovery(services, connection);
  return http::Response::json(connectionJson(connection));
}


}  // namespace

void registerConnectionRoutes(http::Router& router, Services& all) {
  using M = http::Method;
  addGuarded(router, all, M::kGet, "/api/integrations/connections", "connection.view",
      "connections, one page", listConnections);
  addGuarded(router, all, M::kGet, "/api/integrations/connections/{id}", "connection.view",
      "one connection", getConnection);
  addGuarded(router, all, M::kPut, "/api/integrations/connections/{id}", "connection.update",
      "change a connection's status", changeStatus);
  addGuarded(router, all, M::kDelete, "/api/integrations/connections/{id}", "connection.delete",
      "delete a connection", deleteConnection);
}

}  // namespace meshery::api
