#pragma once

// Models from a connected cluster: the Kubernetes components of the
// version it runs (from its OpenAPI document) and the components of its
// CRDs (one model per API group), ready to register.

#include <string>
#include <vector>

#include "meshery/kube/client.hpp"
#include "meshery/registry/generation.hpp"

namespace meshery::kube {

struct ClusterModels {
  std::string server_version;  ///< "v1.29.2": the kubernetes model's version
  /// The "kubernetes" model at the server's version (model.version), from
  /// GET /openapi/v2; its components are the kinds the cluster serves.
  registry::GenerationResult kubernetes;
  /// One result per API group of the cluster's CRDs (model named by
  /// registry::modelNameOfGroup), in group order.
  std::vector<registry::GenerationResult> custom;
};

/// Reads the cluster's version, OpenAPI v2 document and CRDs and generates
/// their components; `source` names the cluster in the models' source URI
/// (the connection's context). A CRD that cannot be turned into components
/// is a failure in its group's result; the others are still generated.
/// Without `with_kubernetes` the OpenAPI document is not read and
/// `kubernetes` stays empty (a model already registered for that version).
ClusterModels generateClusterModels(KubeClient& client, const std::string& source,
                                    bool with_kubernetes = true);

}  // namespace meshery::kube
