#pragma once

// Checking every context of a kubeconfig, as `POST /api/system/kubernetes`
// answers for an upload: which contexts reach their cluster (connected),
// which are kept for later (registered: the cluster did not answer), which
// were not asked for (ignored), and which cannot be used (errored), each
// with its reason.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "meshery/kube/client.hpp"
#include "meshery/kube/kubeconfig.hpp"

namespace meshery::kube {

enum class ContextResult {
  kConnected,   ///< resolved, reached, credentials accepted
  kRegistered,  ///< resolved, but the cluster did not answer (unreachable, timed out, 5xx)
  kIgnored,     ///< not among the contexts asked for
  kErrored,     ///< cannot be used: the kubeconfig entry or the credentials are refused
};

struct ContextOutcome {
  std::string context;
  ContextResult result = ContextResult::kErrored;
  std::string cluster;  ///< the kubeconfig's cluster entry
  std::string server;
  std::string user;
  std::string namespace_;
  std::string server_version;  ///< gitVersion, when connected
  std::string reason;          ///< why it was not connected: message, cause and remedy
  /// What a connection stores for connected and registered contexts.
  std::optional<ResolvedContext> resolved;
};

struct ContextCheckOptions {
  std::vector<std::string> only;  ///< contexts asked for; empty: all
  bool exec_allowed = true;       ///< see resolveContext
  std::chrono::milliseconds timeout{10'000};  ///< per context
  std::size_t concurrency = 8;                ///< contexts checked at once
};

/// Checks every context of `config`, in the file's order (`GET /version`
/// with its credentials; no retries beyond one).
std::vector<ContextOutcome> checkContexts(const Kubeconfig& config,
                                          const ContextCheckOptions& options = {});

/// "connected", "registered", "ignored", "errored".
std::string toString(ContextResult result);

}  // namespace meshery::kube
