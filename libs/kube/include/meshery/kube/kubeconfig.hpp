#pragma once

// kubeconfig files (clientcmd's v1 Config): clusters, users and contexts,
// read the way kubectl reads them, and one context resolved into what a
// client needs to reach its cluster (server, CA, client certificate, token
// or basic auth, or an exec credential plugin to run).

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meshery::kube {

struct KubeCluster {
  std::string name;
  std::string server;                      ///< https://host:port
  std::string certificate_authority;       ///< a file (as written)
  std::string certificate_authority_data;  ///< PEM (decoded from base64)
  bool insecure_skip_tls_verify = false;
  std::string tls_server_name;
  std::string unsupported;  ///< a field set that this client refuses (proxy-url), or ""
};

/// An exec credential plugin (client.authentication.k8s.io v1 or v1beta1).
struct ExecPlugin {
  std::string command;
  std::vector<std::string> args;
  std::vector<std::pair<std::string, std::string>> env;
  std::string api_version;
  std::string install_hint;
  bool provide_cluster_info = false;
  std::string interactive_mode;  ///< Never, IfAvailable, Always ("" as IfAvailable)
};

struct KubeUser {
  std::string name;
  std::string client_certificate;       ///< a file (as written)
  std::string client_certificate_data;  ///< PEM
  std::string client_key;               ///< a file (as written)
  std::string client_key_data;          ///< PEM
  std::string token;
  std::string token_file;
  std::string username;
  std::string password;
  std::optional<ExecPlugin> exec;
  std::string unsupported;  ///< auth-provider, as, as-groups…: set and refused, or ""
};

struct KubeContext {
  std::string name;
  std::string cluster;
  std::string user;
  std::string namespace_;  ///< "" for "default"
};

/// A parsed kubeconfig. Every list keeps the file's order; names are
/// unique within each list (a repeated name is an error, as clientcmd's
/// loader makes it one).
struct Kubeconfig {
  std::vector<KubeCluster> clusters;
  std::vector<KubeUser> users;
  std::vector<KubeContext> contexts;
  std::string current_context;
  /// Where relative file references are resolved (the file's directory);
  /// empty for an uploaded kubeconfig, which may not name files.
  std::filesystem::path base_directory;

  [[nodiscard]] const KubeCluster* cluster(std::string_view name) const;
  [[nodiscard]] const KubeUser* user(std::string_view name) const;
  [[nodiscard]] const KubeContext* context(std::string_view name) const;
};

/// Parses a kubeconfig (YAML or JSON; `kind: Config`, `apiVersion: v1` or
/// absent). Fields kubectl reads and this client does not support — an
/// `auth-provider` (gcp, azure, oidc), impersonation (`as`, `as-groups`…),
/// `proxy-url` — are noted on their entry and refused when a context using
/// it is resolved, so the other contexts stay usable; unknown fields are
/// ignored, as kubectl ignores them. Malformed YAML, base64 data or
/// structure is Error(kMalformedInput).
Kubeconfig parseKubeconfig(std::string_view text, std::filesystem::path base_directory = {});

/// Reads and parses a kubeconfig file (relative references resolve against
/// its directory).
Kubeconfig loadKubeconfig(const std::filesystem::path& file);

/// What a client needs for one context: file references read, relative
/// ones resolved against the kubeconfig's directory; `-data` fields win
/// over files, `token` over `tokenFile`, as in kubectl.
struct ResolvedContext {
  std::string context;
  std::string namespace_;  ///< the context's, "default" when it names none
  KubeCluster cluster;     ///< certificate_authority_data filled from the file
  KubeUser user;           ///< client certificate, key and token filled from files
};

/// Resolves `context` ("" for current-context). Error(kNotFound) when the
/// context, its cluster or its user is missing; Error(kInvalidArgument)
/// when the cluster has no server, a certificate comes without its key, a
/// user has more than one of token and basic auth, an exec plugin lacks a
/// command or apiVersion (or names v1alpha1), or a file is named where no
/// base directory is known (an upload), or the user has an exec plugin and
/// `exec_allowed` is false (an upload on a server that does not run them);
/// Error(kNotFound) when a named file cannot be read. An exec command with
/// a path separator is resolved against the kubeconfig's directory.
ResolvedContext resolveContext(const Kubeconfig& config, std::string_view context = {},
                               bool exec_allowed = true);

/// A kubeconfig with every file it names read into `-data` fields (what
/// `kubectl config view --flatten` gives), for uploading it: one cluster
/// and one user entry per context, named after it. Contexts that do not
/// resolve are left out, with their reasons.
struct FlattenedKubeconfig {
  nlohmann::json document;
  std::vector<std::pair<std::string, std::string>> skipped;  ///< context, reason
};
FlattenedKubeconfig flatten(const Kubeconfig& config);

/// A resolved context as JSON, credentials included — for storing it
/// sealed (store::SecretBox), never for showing it.
nlohmann::json toJson(const ResolvedContext& context);
/// The inverse of toJson; Error(kMalformedInput) for another document.
ResolvedContext resolvedContextFromJson(const nlohmann::json& document);

}  // namespace meshery::kube
