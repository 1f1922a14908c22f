#pragma once

// Embedded MeshSync: what runs in a connected cluster, discovered and kept
// in the store. Every listable kind (less those upstream MeshSync exempts)
// is listed and then watched; a watch that ends is resumed from its last
// resource version, one the server no longer has (410) is listed again,
// and a server that goes away is retried with backoff until it is back.
// Each change is stored and published on the bus in MeshSync's message
// shape on kCoreSubject.

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "meshery/core/uuid.hpp"
#include "meshery/events/bus.hpp"
#include "meshery/kube/client.hpp"
#include "meshery/store/cluster_resource_repository.hpp"

namespace meshery::meshsync {

/// MeshSync's NATS subject for discovered data.
inline constexpr const char* kCoreSubject = "meshery.meshsync.core";

/// Whether upstream MeshSync leaves a resource out: access and token
/// reviews, bindings, componentstatuses, flow schemas, priority levels, and
/// anything that cannot be both listed and watched.
bool exempt(const kube::ApiResource& resource);

struct SyncOptions {
  std::chrono::seconds watch_timeout{300};
  std::chrono::milliseconds first_backoff{200};
  std::chrono::milliseconds max_backoff{30'000};
  std::chrono::milliseconds flush_interval{50};  ///< how long changes wait to be stored together
  /// Kinds to follow ("Deployment", …); empty: every listable one.
  std::vector<std::string> only_kinds;
};

struct SyncStatus {
  std::string state;  ///< starting, running, reconnecting, stopped
  std::size_t kinds = 0;
  std::uint64_t listed = 0;  ///< objects read by lists
  std::uint64_t events = 0;  ///< watch events stored
  std::uint64_t errors = 0;
  std::string last_error;
  [[nodiscard]] nlohmann::json toJson() const;
};

/// The discovery of one cluster; threads of its own from start() to stop().
class ClusterSync {
 public:
  ClusterSync(Uuid cluster_id, kube::ResolvedContext context,
              store::ClusterResourceRepository& resources, events::Bus& bus, SyncOptions options = {});
  ~ClusterSync();
  ClusterSync(const ClusterSync&) = delete;
  ClusterSync& operator=(const ClusterSync&) = delete;

  void start();
  /// Stops every watch (within about 250 ms) and stores what was pending.
  void stop();
  /// Lists every kind again (as after a restart): objects gone from the
  /// cluster are removed, the rest refreshed.
  void resync();
  [[nodiscard]] SyncStatus status() const;
  [[nodiscard]] const Uuid& clusterId() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshery::meshsync
