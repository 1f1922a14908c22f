// Compose keys that have no Kubernetes mapping (as in kompose): each one is
// reported once per service, never dropped silently.
#include <set>

#include "compose_project.hpp"
#include "compose_values.hpp"

namespace meshery::design::compose {
namespace {

using nlohmann::json;

const std::set<std::string>& mappedKeys() {
  static const std::set<std::string> kKeys = {"image",       "build",           "command",
                                              "entrypoint",  "environment",     "env_file",
                                              "ports",       "expose",          "volumes",
                                              "tmpfs",       "configs",         "secrets",
                                              "labels",      "deploy",          "restart",
                                              "healthcheck", "container_name",  "hostname",
                                              "domainname",  "working_dir",     "user",
                                              "privileged",  "read_only",       "cap_add",
                                              "cap_drop",    "stdin_open",      "tty",
                                              "mem_limit",   "mem_reservation", "cpus",
                                              "scale",       "group_add",       "stop_grace_period",
                                              "pull_policy", "network_mode"};
  return kKeys;
}

// Why a known key is not mapped, when there is more to say than "not converted".
const std::map<std::string, std::string>& reasons() {
  static const std::map<std::string, std::string> kReasons = {
      {"depends_on",
       "Kubernetes starts all pods together; the service must retry until its "
       "dependencies answer"},
      {"links", "services reach each other by their Service name in Kubernetes"},
      {"external_links", "services reach each other by their Service name in Kubernetes"},
      {"networks", "pods share one cluster network; use NetworkPolicies to isolate them"},
      {"logging", "the cluster's logging collects container output"},
      {"extends", "merge the extended service into this file first"},
      {"profiles", "every service is converted, whatever its profile"},
      {"volumes_from", "mount the same volumes explicitly instead"},
  };
  return kReasons;
}

const std::set<std::string>& mappedDeployKeys() {
  static const std::set<std::string> kKeys = {
      "replicas", "resources", "restart_policy", "placement", "labels", "mode", "update_config"};
  return kKeys;
}

}  // namespace

void warnUnmapped(const Project& project, const Service& service) {
  auto& diagnostics = project.diagnostics;
  for (const auto& [key, value] : service.spec.items()) {
    if (key.rfind("x-", 0) == 0 || mappedKeys().contains(key)) continue;
    const auto reason = reasons().find(key);
    diagnostics.warn(service.subject, key + " is not converted" +
                                          (reason == reasons().end() ? "" : ": " + reason->second));
  }
  const bool has_image = !scalarText(service.field("image")).value_or("").empty();
  if (service.spec.contains("build")) {
    diagnostics.warn(service.subject,
                     has_image ? "build is not converted: the image " +
                                     scalarText(service.field("image")).value_or("") +
                                     " is deployed as it is; build and push it first"
                               : "build is not converted and there is no image to run: the image "
                                 "is named " +
                                     service.name + "; build and push it under that name");
  } else if (!has_image) {
    diagnostics.warn(service.subject,
                     "has no image: the service name " + service.name + " is used as the image");
  }
  if (const auto& deploy = service.field("deploy"); deploy.is_object()) {
    for (const auto& [key, value] : deploy.items()) {
      if (key.rfind("x-", 0) == 0 || mappedDeployKeys().contains(key)) continue;
      diagnostics.warn(service.subject, "deploy." + key + " is not converted");
    }
  }
  if (const auto mode = scalarText(service.field("network_mode"));
      mode && !mode->empty() && mode->rfind("service:", 0) != 0) {
    diagnostics.warn(service.subject, "network_mode \"" + *mode + "\" is not converted");
  }
  for (const auto& [key, value] : service.labels) {
    static const std::set<std::string> kPrefixes = {"kompose.service.type",
                                                    "kompose.service.expose",
                                                    "kompose.service.nodeport.port",
                                                    "kompose.service.external-traffic-policy",
                                                    "kompose.service.healthcheck.",
                                                    "kompose.service.group",
                                                    "kompose.controller.type",
                                                    "kompose.volume.",
                                                    "kompose.image-pull-",
                                                    "kompose.cronjob.",
                                                    "kompose.hpa.",
                                                    "kompose.init.containers.",
                                                    "kompose.security-context.fsgroup",
                                                    "kompose.ephemeral-storage.",
                                                    "kompose.container."};
    if (key.rfind("kompose.", 0) != 0) continue;
    bool known = false;
    for (const auto& prefix : kPrefixes) known = known || key.rfind(prefix, 0) == 0;
    if (!known)
      diagnostics.warn(service.subject, "label " + key + " is not a kompose label we map");
  }
}

void warnUnmappedTopLevel(const Project& project) {
  static const std::set<std::string> kMapped = {"version", "name",    "services",
                                                "volumes", "configs", "secrets"};
  for (const auto& [key, value] : project.document.items()) {
    if (key.rfind("x-", 0) == 0 || kMapped.contains(key)) continue;
    const auto reason = reasons().find(key);
    project.diagnostics.warn("file", "top-level " + key + " is not converted" +
                                         (reason == reasons().end() ? "" : ": " + reason->second));
  }
  for (const auto& [key, value] : project.section("volumes").items()) {
    if (value.is_object() && (value.contains("driver") || value.contains("driver_opts"))) {
      project.diagnostics.warn("volume " + key,
                               "driver and driver_opts are not converted; the "
                               "cluster's default storage class is used");
    }
  }
}

}  // namespace meshery::design::compose
