#pragma once
// What the stages of the Compose conversion share: the interpolated project,
// one service at a time, the pod being assembled for it, and the warnings.

#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "meshery/design/compose.hpp"

namespace meshery::design::compose {

/// Warnings in the order they were found, each reported once.
class Diagnostics {
 public:
  void warn(const std::string& subject, const std::string& message);
  std::vector<ComposeWarning> take() { return std::move(warnings_); }

 private:
  std::vector<ComposeWarning> warnings_;
  std::set<std::pair<std::string, std::string>> seen_;
};

/// The Compose file after interpolation, with the caller's files and
/// variables (options.environment over the project's `.env`).
struct Project {
  const ComposeOptions& options;
  Diagnostics& diagnostics;
  nlohmann::json document;
  std::map<std::string, std::string> variables;

  /// A top-level section ("volumes", "configs", "secrets") or an empty object.
  [[nodiscard]] const nlohmann::json& section(const std::string& key) const;
  /// A file beside the Compose file by its relative path.
  [[nodiscard]] const std::string* file(const std::string& path) const;
  /// Files directly inside a directory beside the Compose file, by name;
  /// `nested` tells whether it has subdirectories too. Nothing when no file
  /// lies under it.
  [[nodiscard]] std::optional<std::map<std::string, const std::string*>> directory(
      const std::string& path, bool& nested) const;
};

/// One Compose service.
struct Service {
  std::string key;      ///< its name in the file
  std::string name;     ///< its Kubernetes name (kubernetesName(key))
  std::string subject;  ///< "service <key>" for warnings
  const nlohmann::json& spec;
  std::map<std::string, std::string> labels;  ///< `labels`, both forms

  [[nodiscard]] std::optional<std::string> label(const std::string& key) const;
  [[nodiscard]] const nlohmann::json& field(const std::string& key) const;
  /// `deploy.<key>` or null.
  [[nodiscard]] const nlohmann::json& deploy(const std::string& key) const;
};

/// The pod assembled for a service, and the objects it needs beside it.
struct PodParts {
  nlohmann::json container = nlohmann::json::object();
  nlohmann::json volumes = nlohmann::json::array();
  /// Containers of services that share this pod (`network_mode: service:`).
  std::vector<nlohmann::json> extra_containers;
  std::vector<nlohmann::json> objects;  ///< ConfigMaps, Secrets, PVCs
  bool has_storage = false;             ///< `volumes` mapped: Deployments use Recreate
};

/// A published or exposed port of a service.
struct PortMapping {
  int published = 0;  ///< 0 when not published
  int target = 0;
  std::string protocol = "TCP";
};

/// Kubernetes object skeleton: apiVersion, kind, metadata.name and the
/// `io.kompose.service` label (`label_value` defaults to the name).
nlohmann::json objectOf(const std::string& api_version, const std::string& kind,
                        const std::string& name, const std::string& label_value = "");

/// The selector label every object of a service carries.
nlohmann::json selectorOf(const std::string& name);

// Stages, one file each.
std::vector<PortMapping> servicePorts(const Project& project, const Service& service);
void buildContainer(const Project& project, const Service& service, PodParts& pod);
void addVolumes(const Project& project, const Service& service, PodParts& pod);
nlohmann::json buildWorkload(const Project& project, const Service& service, PodParts& pod);
std::vector<nlohmann::json> buildExposure(const Project& project, const Service& service,
                                          const std::vector<PortMapping>& ports);
/// livenessProbe ("liveness") or readinessProbe ("readiness"), or null.
nlohmann::json probeOf(const Project& project, const Service& service, const std::string& kind);
/// ConfigMaps/Secrets from top-level `configs`/`secrets` the service uses.
void addFileVolumes(const Project& project, const Service& service, PodParts& pod);
/// A HorizontalPodAutoscaler for `kompose.hpa.*` labels, or null.
nlohmann::json buildAutoscaler(const Service& service, const nlohmann::json& workload);
/// One warning per key of the service that is not mapped.
void warnUnmapped(const Project& project, const Service& service);
/// One warning per top-level key that is not mapped.
void warnUnmappedTopLevel(const Project& project);

// Interpolation (interpolation.cpp).
/// Expands ${VAR}, ${VAR:-d}, ${VAR-d}, ${VAR:+r}, ${VAR:?e}, $VAR and $$.
/// Unset variables become "" and are reported through `unset`.
/// Throws Error(kInvalidArgument) for a malformed reference or a `?` one
/// whose variable is unset.
std::string interpolate(const std::string& text,
                        const std::function<std::optional<std::string>(const std::string&)>& lookup,
                        std::vector<std::string>& unset);
/// KEY=VALUE lines of an env file (comments, `export`, quotes; values
/// interpolated with `lookup`, earlier lines first). A KEY alone takes
/// the looked-up value or is skipped.
std::vector<std::pair<std::string, std::string>> readEnvFile(
    const std::string& text,
    const std::function<std::optional<std::string>(const std::string&)>& lookup);

}  // namespace meshery::design::compose
