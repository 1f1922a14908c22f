#pragma once

// The server's embedded MeshSync: a ClusterSync per connected Kubernetes
// connection, started at start-up for those already connected, and as the
// routes connect, disconnect and forget them.

#include <map>
#include <memory>
#include <mutex>

#include "meshery/api/routes.hpp"
#include "meshery/events/bus.hpp"
#include "meshery/meshsync/cluster_sync.hpp"
#include "meshery/store/secret_box.hpp"
#include "meshery/store/store.hpp"

namespace meshery::server {

class EmbeddedMeshSync final : public api::ClusterDiscovery {
 public:
  EmbeddedMeshSync(store::Store& store, const store::SecretBox& secrets, events::Bus& bus,
                   meshsync::SyncOptions options = {});
  ~EmbeddedMeshSync() override;

  /// Starts every connected Kubernetes connection of the store.
  void startConnected();
  /// Stops every discovery (server shutdown).
  void stopAll();

  void connect(const Uuid& connection_id) override;
  void disconnect(const Uuid& connection_id) override;
  void forget(const Uuid& connection_id) override;
  bool resync(const Uuid& connection_id) override;
  nlohmann::json status(const Uuid& connection_id) override;

 private:
  std::unique_ptr<meshsync::ClusterSync> take(const Uuid& connection_id);

  store::Store& store_;
  const store::SecretBox& secrets_;
  events::Bus& bus_;
  meshsync::SyncOptions options_;
  std::mutex mutex_;
  std::map<Uuid, std::unique_ptr<meshsync::ClusterSync>> clusters_;
};

}  // namespace meshery::server
