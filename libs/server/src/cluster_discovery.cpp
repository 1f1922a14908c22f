#include "cluster_discovery.hpp"

#include "meshery/core/log.hpp"
#include "meshery/kube/kubeconfig.hpp"

namespace meshery::server {

EmbeddedMeshSync::EmbeddedMeshSync(store::Store& store, const store::SecretBox& secrets,
                                   events::Bus& bus, meshsync::SyncOptions options)
    : store_(store), secrets_(secrets), bus_(bus), options_(std::move(options)) {}

EmbeddedMeshSync::~EmbeddedMeshSync() { stopAll(); }

void EmbeddedMeshSync::startConnected() {
  store::ConnectionQuery query;
  query.kinds = {"kubernetes"};
  query.statuses = {store::ConnectionStatus::kConnected};
  query.page_size = 0;
  for (const store::Connection& connection : store_.connections().list(query).connections)
    connect(connection.meta.id);
}

void EmbeddedMeshSync::stopAll() {
  std::map<Uuid, std::unique_ptr<meshsync::ClusterSync>> clusters;
  {
    std::lock_guard lock(mutex_);
    clusters.swap(clusters_);
  }
  for (auto& [id, cluster] : clusters) cluster->stop();
}

void EmbeddedMeshSync::connect(const Uuid& connection_id) {
  const auto connection = store_.connections().find(connection_id);
  if (!connection || connection->kind != "kubernetes" ||
      connection->status != store::ConnectionStatus::kConnected || connection->sealed_credential.empty())
    return;
  {
    std::lock_guard lock(mutex_);
    if (clusters_.contains(connection_id)) return;
  }
  try {
    auto context = kube::resolvedContextFromJson(
        nlohmann::json::parse(secrets_.open(connection->sealed_credential)));
    auto cluster = std::make_unique<meshsync::ClusterSync>(connection_id, std::move(context),
                                                           store_.clusterResources(), bus_, options_);
    cluster->start();
    std::lock_guard lock(mutex_);
    clusters_.emplace(connection_id, std::move(cluster));
  } catch (const Error& error) {
    log::warn("meshsync cannot start",
              {{"connection", connection->name}, {"error", error.message()}});
  }
}

std::unique_ptr<meshsync::ClusterSync> EmbeddedMeshSync::take(const Uuid& connection_id) {
  std::lock_guard lock(mutex_);
  auto found = clusters_.find(connection_id);
  if (found == clusters_.end()) return nullptr;
  auto cluster = std::move(found->second);
  clusters_.erase(found);
  return cluster;
}

void EmbeddedMeshSync::disconnect(const Uuid& connection_id) {
  if (auto cluster = take(connection_id)) cluster->stop();
}

void EmbeddedMeshSync::forget(const Uuid& connection_id) {
  disconnect(connection_id);
  store_.clusterResources().removeCluster(connection_id);
}

bool EmbeddedMeshSync::resync(const Uuid& connection_id) {
  std::lock_guard lock(mutex_);
  const auto found = clusters_.find(connection_id);
  if (found == clusters_.end()) return false;
  found->second->resync();
  return true;
}

nlohmann::json EmbeddedMeshSync::status(const Uuid& connection_id) {
  std::lock_guard lock(mutex_);
  const auto found = clusters_.find(connection_id);
  return found == clusters_.end() ? nlohmann::json() : found->second->status().toJson();
}

}  // namespace meshery::server
