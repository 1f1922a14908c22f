// /api/system/meshsync…: what embedded MeshSync discovered in the caller's
// connected clusters — listed with filters, summarised by kind, read and
// deleted one by one; a cluster's discovery status and resync.
#include <algorithm>

#include "connection_json.hpp"
#include "handler.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {
namespace {

using nlohmann::json;

/// The caller's Kubernetes connections' ids.
std::vector<Uuid> ownClusters(Services& services, const Principal& principal) {
  store::ConnectionQuery query;
  query.owner_id = principal.user_id;
  query.kinds = {"kubernetes"};
  query.page_size = 0;
  std::vector<Uuid> ids;
  for (const store::Connection& connection : services.store.connections().list(query).connections)
    ids.push_back(connection.meta.id);
  return ids;
}

store::ClusterResourceQuery queryOf(Services& services, const http::Request& request,
                                    const Principal& principal) {
  store::ClusterResourceQuery query;
  const std::vector<Uuid> own = ownClusters(services, principal);
  std::vector<std::string> wanted = queryList(request, "clusterIds");
  for (const std::string& id : queryList(request, "cluster_id")) wanted.push_back(id);
  if (wanted.empty()) {
    query.cluster_ids = own;
  } else {
    for (const std::string& text : wanted) {
      const Uuid id = idOf(text, "clusterIds", "list the contexts with GET /api/system/kubernetes/contexts");
      if (std::find(own.begin(), own.end(), id) != own.end()) query.cluster_ids.push_back(id);
    }
  }
  // No cluster of the caller's: a filter nothing matches.
  if (query.cluster_ids.empty()) query.cluster_ids = {Uuid()};
  query.kinds = queryList(request, "kind");
  query.namespaces = queryList(request, "namespace");
  for (const std::string& label : queryList(request, "labels")) {
    const auto equals = label.find('=');
    if (equals == std::string::npos || equals == 0) {
      throw Error(ErrorCode::kMalformedInput, "the label filter '" + label + "' is not key=value",
                  "labels are matched as key=value pairs", "send labels=app=web,tier=front");
    }
    query.labels.emplace_back(label.substr(0, equals), label.substr(equals + 1));
  }
  query.search = request.queryParam("search").value_or("");
  query.page_size = static_cast<std::int64_t>(pageSizeOf(request));
  query.page = static_cast<std::int64_t>(pageOf(request));
  return query;
}

/// Meshery's KubernetesResource: the object as served, with its row id and
/// the cluster (connection) it was found in.
json resourceJson(const store::ClusterResource& resource) {
  json out = resource.object;
  out["id"] = resource.id.toString();
  out["cluster_id"] = resource.cluster_id.toString();
  out["apiVersion"] = resource.api_version;
  out["kind"] = resource.kind;
  return out;
}

http::Response listResources(Services& services, http::Request& request,
                             const Principal& principal) {
  const store::ClusterResourceQuery query = queryOf(services, request, principal);
  const store::ClusterResourcePage page = services.store.clusterResources().list(query);
  json resources = json::array();
  for (const store::ClusterResource& resource : page.resources) resources.push_back(resourceJson(resource));
  return http::Response::json({{"resources", std::move(resources)},
                               {"page", query.page},
                               {"page_size", query.page_size},
                               {"total_count", page.total_count}});
}

http::Response summary(Services& services, http::Request& request, const Principal& principal) {
  const store::ClusterResourceSummary found =
      services.store.clusterResources().summary(queryOf(services, request, principal));
  json kinds = json::array();
  for (const store::KindCount& kind : found.kinds)
    kinds.push_back({{"kind", kind.kind}, {"count", kind.count}});
  return http::Response::json(
      {{"kinds", kinds}, {"namespaces", found.namespaces}, {"total_count", found.total_count}});
}

store::ClusterResource ownResource(Services& services, const http::Request& request,
                                   const Principal& principal) {
  const Uuid id = idOf(request.pathParam("id"), "resource id",
                       "list them with GET /api/system/meshsync/resources");
  const auto resource = services.store.clusterResources().find(id);
  const std::vector<Uuid> own = ownClusters(services, principal);
  if (!resource || std::find(own.begin(), own.end(), resource->cluster_id) == own.end()) {
    throw Error(ErrorCode::kNotFound, "no discovered resource " + id.toString(),
                "none of your clusters holds it (it was deleted, or never seen)",
                "list them with GET /api/system/meshsync/resources");
  }
  return *resource;
}

http::Response getResource(Services& services, http::Request& request, const Principal& principal) {
  return http::Response::json(resourceJson(ownResource(services, request, principal)));
}

http::Response deleteResource(Services& services, http::Request& request,
                              const Principal& principal) {
  const store::ClusterResource resource = ownResource(services, request, principal);
  services.store.clusterResources().remove(resource.id);
  return http::Response::json(resourceJson(resource));
}

/// The connections a request names (connection_id, repeatable), else all
/// of the caller's Kubernetes connections.
std::vector<store::Connection> namedConnections(Services& services, const http::Request& request,
                                                const Principal& principal) {
  std::vector<store::Connection> out;
  const std::vector<std::string> named = queryList(request, "connection_id");
  if (named.empty()) {
    for (const Uuid& id : ownClusters(services, principal))
      out.push_back(kubernetesConnection(services, principal.user_id, id));
  }
  for (const std::string& id : named) {
    out.push_back(kubernetesConnection(
        services, principal.user_id,
        idOf(id, "connection_id", "list the contexts with GET /api/system/kubernetes/contexts")));
  }
  return out;
}

http::Response status(Services& services, http::Request& request, const Principal& principal) {
  json clusters = json::array();
  for (const store::Connection& connection : namedConnections(services, request, principal)) {
    json item = {{"connection_id", connection.meta.id.toString()},
                 {"name", connection.name},
                 {"connection_status", std::string(store::toString(connection.status))}};
    const json sync = services.discovery != nullptr ? services.discovery->status(connection.meta.id)
                                                    : json();
    item["meshsync"] = sync.is_null() ? json{{"state", "stopped"}} : sync;
    clusters.push_back(std::move(item));
  }
  return http::Response::json({{"clusters", clusters}});
}

http::Response resync(Services& services, http::Request& request, const Principal& principal) {
  json clusters = json::array();
  for (const store::Connection& connection : namedConnections(services, request, principal)) {
    const bool started =
        services.discovery != nullptr && services.discovery->resync(connection.meta.id);
    json item = {{"connection_id", connection.meta.id.toString()},
                 {"name", connection.name},
                 {"resync", started}};
    if (!started) item["reason"] = "the connection is not connected: nothing is discovered";
    clusters.push_back(std::move(item));
  }
  return http::Response::json({{"clusters", clusters}}, 202);
}

}  // namespace

void registerMeshSyncRoutes(http::Router& router, Services& all) {
  using M = http::Method;
  addGuarded(router, all, M::kGet, "/api/system/meshsync/resources", "meshsync.view",
      "discovered cluster resources, one page", listResources);
  addGuarded(router, all, M::kGet, "/api/system/meshsync/resources/summary", "meshsync.view",
      "discovered cluster resources counted by kind", summary);
  addGuarded(router, all, M::kGet, "/api/system/meshsync/resources/{id}", "meshsync.view",
      "one discovered resource", getResource);
  addGuarded(router, all, M::kDelete, "/api/system/meshsync/resources/{id}", "meshsync.delete",
      "forget one discovered resource", deleteResource);
  addGuarded(router, all, M::kGet, "/api/system/meshsync/status", "meshsync.view",
      "each cluster's discovery status", status);
  addGuarded(router, all, M::kPost, "/api/system/meshsync/resync", "meshsync.resync",
      "list every kind of a cluster again", resync);
}

}  // namespace meshery::api
