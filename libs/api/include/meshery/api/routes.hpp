#pragma once

#include <nlohmann/json.hpp>

#include "meshery/api/provider.hpp"
#include "meshery/core/uuid.hpp"
#include "meshery/http/metrics.hpp"
#include "meshery/http/router.hpp"

namespace meshery::store {
class Store;
class SecretBox;
}

namespace meshery::registry {
class Registry;
}

namespace meshery::api {

/// Discovery of what runs in connected Kubernetes clusters (embedded
/// MeshSync), as the routes drive it: implemented by the server.
class ClusterDiscovery {
 public:
  virtual ~ClusterDiscovery() = default;
  /// Starts (or keeps) discovering a connected Kubernetes connection.
  virtual void connect(const Uuid& connection_id) = 0;
  /// Stops discovering it; what was discovered stays until `forget`.
  virtual void disconnect(const Uuid& connection_id) = 0;
  /// Stops discovering it and removes what was discovered.
  virtual void forget(const Uuid& connection_id) = 0;
  /// Lists every kind again; false when it is not being discovered.
  virtual bool resync(const Uuid& connection_id) = 0;
  /// {state, kinds, listed, events, errors, lastError}, or null when it is
  /// not being discovered.
  virtual nlohmann::json status(const Uuid& connection_id) = 0;
};

/// What the handlers work with; owned by the composition root and alive
/// for as long as the server runs.
struct Services {
  store::Store& store;
  const Provider& provider;
  http::Metrics& metrics;
  registry::Registry& registry;  ///< model definitions served by /api/registry
  nlohmann::json openapi;  ///< the REST contract (api/openapi.yaml as JSON)
  /// Seals connection credentials; without it, uploads are refused.
  const store::SecretBox* secrets = nullptr;
  /// Whether an uploaded kubeconfig's exec credential plugins may run on
  /// the server (the Local provider serves loopback only: its one user's
  /// own plugins).
  bool exec_plugins = true;
  /// Embedded MeshSync; without it, connected clusters are not discovered.
  ClusterDiscovery* discovery = nullptr;
};

/// Registers every REST route of the server on `router`.
void registerRoutes(http::Router& router, Services& services);

/// The REST contract compiled into the binary (api/openapi.yaml), as JSON.
/// Throws Error(kInternal) if the embedded document does not parse.
nlohmann::json loadOpenApi();

}  // namespace meshery::api
