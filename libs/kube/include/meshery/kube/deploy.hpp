#pragma once

// Deploying objects to a cluster as a design deploy does: in the order the
// API server needs them (CRDs, which it must establish first, then
// Namespaces, other cluster-scoped kinds, namespaced kinds), each by
// server-side apply, with a result per object; and undeploying in reverse.

#include <chrono>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "meshery/kube/client.hpp"

namespace meshery::kube {

struct DeployObject {
  nlohmann::json object;     ///< a Kubernetes object (apiVersion, kind, metadata.name…)
  std::string component_id;  ///< the design component it comes from, if any
};

struct DeployOptions {
  bool dry_run = false;    ///< dryRun=All: nothing is stored; results hold what would be
  bool force = false;      ///< take fields other managers own (an upgrade)
  bool skip_crds = false;  ///< leave CustomResourceDefinitions out
  std::chrono::milliseconds crd_wait{30'000};  ///< for each CRD to become Established
};

struct DeployResult {
  std::string component_id;
  std::string api_version;
  std::string kind;
  std::string name;
  std::string namespace_;
  bool ok = false;
  std::string action;  ///< created, configured, unchanged (not on a dry run), deleted, absent
  /// What the server answered: the object as stored, or as it would be on a
  /// dry run (with its defaults).
  nlohmann::json object;
  std::string error;                ///< why it failed
  /// On a dry run, why the API server could not check the object although
  /// it would be created: its Namespace or CRD is created by the same
  /// deploy, which a dry run does not store.
  std::string unchecked;
  int status = 0;                   ///< the API server's HTTP status for it, when it answered
  std::vector<StatusCause> causes;  ///< the API server's, with field paths
};

/// The rank an object is applied in: 0 CRDs, 1 Namespaces, 2 other
/// cluster-scoped kinds, 3 namespaced kinds (and kinds the cluster does not
/// serve yet, such as custom resources of CRDs in the same deploy).
int deployRank(KubeClient& client, const nlohmann::json& object);

/// Applies `objects` in rank order (stable within a rank); after the CRDs,
/// waits until each is Established (not on a dry run). One object's failure
/// does not stop the others. Results are in the order applied. On a dry
/// run, an object whose Namespace or CRD the same deploy creates is
/// answered `created` with `unchecked` saying why the server could not
/// check it.
std::vector<DeployResult> deploy(KubeClient& client, std::vector<DeployObject> objects,
                                 const DeployOptions& options = {});

/// Deletes `objects` in reverse rank order (propagationPolicy Background);
/// an object already gone is `absent`, not an error.
std::vector<DeployResult> undeploy(KubeClient& client, std::vector<DeployObject> objects,
                                   bool dry_run = false);

}  // namespace meshery::kube
