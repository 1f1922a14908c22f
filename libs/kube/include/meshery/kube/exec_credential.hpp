#pragma once

// exec credential plugins (client.authentication.k8s.io v1 and v1beta1):
// the command a kubeconfig user names is run, bounded in time and output,
// and the ExecCredential it prints is checked the way client-go checks it.

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "meshery/kube/kubeconfig.hpp"

namespace meshery::kube {

/// What a plugin gives: a bearer token, or a client certificate and key.
struct ExecCredential {
  std::string token;
  std::string client_certificate_data;  ///< PEM
  std::string client_key_data;          ///< PEM
  /// When to run the plugin again; nullopt: the credential does not expire.
  std::optional<std::chrono::system_clock::time_point> expiration;
};

struct ExecLimits {
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
  std::size_t max_output = std::size_t{1} << 20;  ///< bytes of stdout (and of stderr kept)
};

/// Runs `plugin` (its command found on PATH unless it has a "/"), with the
/// server's environment plus the plugin's `env` and KUBERNETES_EXEC_INFO
/// (an ExecCredential whose spec says the session is not interactive and,
/// with provideClusterInfo, holds `cluster`'s server, TLS settings and CA),
/// stdin from /dev/null. Error(kNotFound) when the command does not exist
/// (its installHint as the remedy); Error(kTimeout) when it runs past the
/// timeout (it and its process group are killed); Error(kUnauthenticated)
/// when it exits non-zero (with what it wrote to stderr) or prints
/// something parseExecCredential refuses; Error(kPayloadTooLarge) past
/// max_output.
ExecCredential runExecPlugin(const ExecPlugin& plugin, const KubeCluster& cluster,
                             const ExecLimits& limits = {});

/// Reads a plugin's output as client-go does: an ExecCredential JSON object
/// of the apiVersion the kubeconfig asked for, with a `status` holding a
/// token or both a client certificate and key; `expirationTimestamp` in
/// RFC 3339. Error(kUnauthenticated) with client-go's reason otherwise
/// ("exec plugin didn't return a status field", …).
ExecCredential parseExecCredential(std::string_view output, std::string_view api_version);

}  // namespace meshery::kube
