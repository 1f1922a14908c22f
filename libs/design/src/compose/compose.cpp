// Docker Compose → Kubernetes manifests: parse, interpolate, convert each
// service (sorted by name), then order the objects as kompose does
// (Services first).
#include "meshery/design/compose.hpp"

#include <algorithm>

#include "compose_project.hpp"
#include "compose_values.hpp"
#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

using compose::Diagnostics;
using compose::PodParts;
using compose::Project;
using compose::Service;
using nlohmann::json;

const std::set<std::string>& serviceKeys() {
  static const std::set<std::string> kKeys = {
      "image",          "build",       "command",  "entrypoint",  "ports",
      "environment",    "env_file",    "volumes",  "depends_on",  "deploy",
      "restart",        "healthcheck", "networks", "expose",      "labels",
      "container_name", "extends",     "links",    "working_dir", "user"};
  return kKeys;
}

[[noreturn]] void notCompose(const std::string& message) {
  throw Error(ErrorCode::kInvalidArgument, message,
              "A Docker Compose file is a YAML map with a top-level `services` map of service "
              "definitions.",
              "Import the file as a Kubernetes manifest, Helm chart or Meshery design instead, or "
              "add the `services` map.");
}

json interpolated(const json& value, const Project& project, std::set<std::string>& unset) {
  if (value.is_string()) {
    std::vector<std::string> missing;
    json result = compose::interpolate(
        value.get<std::string>(),
        [&](const std::string& name) -> std::optional<std::string> {
          const auto found = project.variables.find(name);
          if (found == project.variables.end()) return std::nullopt;
          return found->second;
        },
        missing);
    unset.insert(missing.begin(), missing.end());
    return result;
  }
  if (value.is_object() || value.is_array()) {
    json result = value;
    for (auto it = result.begin(); it != result.end(); ++it)
      *it = interpolated(*it, project, unset);
    return result;
  }
  return value;
}

std::map<std::string, std::string> variablesOf(const ComposeOptions& options) {
  std::map<std::string, std::string> variables;
  if (const auto dotenv = options.files.find(".env"); dotenv != options.files.end()) {
    const auto lookup = [&](const std::string& name) -> std::optional<std::string> {
      if (const auto found = options.environment.find(name); found != options.environment.end()) {
        return found->second;
      }
      return std::nullopt;
    };
    for (auto& [key, value] : compose::readEnvFile(dotenv->second, lookup)) variables[key] = value;
  }
  for (const auto& [key, value] : options.environment) variables[key] = value;
  return variables;
}

struct Converted {
  const Service* service;
  PodParts pod;
  std::vector<compose::PortMapping> ports;
};

std::vector<json> ordered(std::vector<json> objects) {
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<json> unique;
  for (auto& object : objects) {
    const auto key = std::make_pair(object["kind"].get<std::string>(),
                                    object["metadata"]["name"].get<std::string>());
    if (seen.insert(key).second) unique.push_back(std::move(object));
  }
  std::stable_partition(unique.begin(), unique.end(),
                        [](const json& object) { return object["kind"] == "Service"; });
  return unique;
}

std::vector<json> convertServices(Project& project, const std::vector<Service>& services) {
  std::vector<Converted> converted;
  for (const auto& service : services) {
    compose::warnUnmapped(project, service);
    Converted entry{&service, {}, compose::servicePorts(project, service)};
    compose::buildContainer(project, service, entry.pod);
    compose::addVolumes(project, service, entry.pod);
    converted.push_back(std::move(entry));
  }
  // network_mode "service:<name>": the container joins that service's pod.
  std::set<const Service*> merged;
  for (auto& entry : converted) {
    const auto mode = compose::scalarText(entry.service->field("network_mode")).value_or("");
    if (mode.rfind("service:", 0) != 0) continue;
    const auto target =
        std::find_if(converted.begin(), converted.end(), [&](const Converted& other) {
          return other.service->key == mode.substr(8) && &other != &entry;
        });
    if (target == converted.end()) {
      project.diagnostics.warn(entry.service->subject, "network_mode " + mode +
                                                           " names no service; "
                                                           "it runs in a pod of its own");
      continue;
    }
    target->pod.extra_containers.push_back(entry.pod.container);
    for (const auto& volume : entry.pod.volumes) target->pod.volumes.push_back(volume);
    for (auto& object : entry.pod.objects) target->pod.objects.push_back(std::move(object));
    entry.pod.objects.clear();
    merged.insert(entry.service);
  }
  std::vector<json> objects;
  for (auto& entry : converted) {
    if (merged.contains(entry.service)) continue;
    const Service& service = *entry.service;
    std::vector<json> exposure = compose::buildExposure(project, service, entry.ports);
    for (const auto& object : exposure) {
      if (object["kind"] == "Service") objects.push_back(object);
    }
    json workload = compose::buildWorkload(project, service, entry.pod);
    json autoscaler = compose::buildAutoscaler(service, workload);
    objects.push_back(std::move(workload));
    for (auto& object : entry.pod.objects) objects.push_back(std::move(object));
    for (auto& object : exposure) {
      if (object["kind"] != "Service") objects.push_back(std::move(object));
    }
    if (!autoscaler.is_null()) objects.push_back(std::move(autoscaler));
  }
  return ordered(std::move(objects));
}

}  // namespace

bool looksLikeCompose(const json& document) {
  if (!document.is_object() || document.contains("apiVersion") || document.contains("kind")) {
    return false;
  }
  const auto services = document.find("services");
  if (services == document.end() || !services->is_object() || services->empty()) return false;
  bool recognised = false;
  for (const auto& [name, service] : services->items()) {
    if (service.is_null()) continue;
    if (!service.is_object()) return false;
    for (const auto& [key, value] : service.items())
      recognised = recognised || serviceKeys().contains(key);
  }
  return recognised;
}

ComposeConversion convertCompose(std::string_view compose_yaml, const ComposeOptions& options) {
  const json document = yaml::parse(compose_yaml);
  if (!document.is_object())
    notCompose("not a Docker Compose file: the document is not a YAML map");
  if (document.contains("apiVersion") && document.contains("kind")) {
    notCompose(
        "not a Docker Compose file: it has apiVersion and kind, so it is a Kubernetes manifest");
  }
  if (!document.contains("services") || !document["services"].is_object()) {
    notCompose("not a Docker Compose file: the key `services` is missing or is not a map");
  }
  Diagnostics diagnostics;
  Project project{options, diagnostics, json::object(), variablesOf(options)};
  std::set<std::string> unset;
  project.document = interpolated(document, project, unset);
  for (const auto& name : unset) {
    diagnostics.warn("variable " + name, "is not set; a blank string is used");
  }
  compose::warnUnmappedTopLevel(project);

  std::vector<std::string> keys;
  for (const auto& [key, spec] : project.document["services"].items()) {
    if (!spec.is_object() && !spec.is_null()) {
      notCompose("not a Docker Compose file: services." + key + " is not a map");
    }
    keys.push_back(key);
  }
  std::stable_sort(keys.begin(), keys.end(), [](const std::string& a, const std::string& b) {
    return compose::kubernetesName(a) < compose::kubernetesName(b);
  });
  static const json kEmpty = json::object();
  std::vector<Service> services;
  services.reserve(keys.size());
  for (const auto& key : keys) {
    const json& spec = project.document["services"][key];
    Service& service = services.emplace_back(Service{
        key, compose::kubernetesName(key), "service " + key, spec.is_object() ? spec : kEmpty, {}});
    for (const auto& [label, value] : compose::keyValues(service.field("labels"))) {
      service.labels[label] = value.value_or("");
    }
  }
  if (services.empty()) diagnostics.warn("file", "has no services; nothing to convert");
  ComposeConversion conversion;
  try {
    conversion.manifests = convertServices(project, services);
  } catch (const json::exception& error) {
    // A value of a type no reader expected (a map where a list belongs…).
    throw Error(ErrorCode::kInvalidArgument,
                std::string("a Compose value has an unexpected type: ") + error.what(),
                "A key holds a value of another type than the Compose Specification allows.",
                "Check the file against the Compose Specification (docker compose config).");
  }
  conversion.warnings = diagnostics.take();
  return conversion;
}

}  // namespace meshery::design
