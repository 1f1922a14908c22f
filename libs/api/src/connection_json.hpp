#pragma once

// Private to libs/api: connections as the API shows them (never their
// credential), and what the Kubernetes and connection routes share.

#include <nlohmann/json.hpp>
#include <string>

#include "meshery/api/routes.hpp"
#include "meshery/kube/kubeconfig.hpp"
#include "meshery/store/connection_repository.hpp"

namespace meshery::api {

/// connections.meshery.io/v1beta1, without the credential.
nlohmann::json connectionJson(const store::Connection& connection);
/// A Kubernetes connection as Meshery's K8sContext.
nlohmann::json contextJson(const store::Connection& connection);
/// The stored Kubernetes connection `id` of the principal's; Error(kNotFound).
store::Connection kubernetesConnection(Services& services, const Uuid& owner, const Uuid& id);
/// Its credential, opened; Error(kInvalidConfiguration) without a key.
kube::ResolvedContext credentialOf(Services& services, const store::Connection& connection);
/// Keeps the cluster's discovery in step with the connection's status:
/// discovered while a Kubernetes connection is connected, not otherwise.
void followDiscovery(Services& services, const store::Connection& connection);
/// Stops discovering a deleted connection and removes what was discovered.
void forgetDiscovery(Services& services, const store::Connection& connection);
/// Reaches the cluster and records the outcome: connected with the server's
/// version, or disconnected (when the state machine allows) with the
/// reason; the error is rethrown.
std::string pingAndRecord(Services& services, store::Connection& connection);

}  // namespace meshery::api
