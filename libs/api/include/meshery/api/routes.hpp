#pragma once

#include <nlohmann/json.hpp>

#include "meshery/api/provider.hpp"
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
};

/// Registers every REST route of the server on `router`.
void registerRoutes(http::Router& router, Services& services);

/// The REST contract compiled into the binary (api/openapi.yaml), as JSON.
/// Throws Error(kInternal) if the embedded document does not parse.
nlohmann::json loadOpenApi();

}  // namespace meshery::api
