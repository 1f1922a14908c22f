// The service's container: image, command, environment, ports, resources,
// security context and probes, as kompose maps them.
#include <algorithm>

#include "compose_project.hpp"
#include "compose_values.hpp"

namespace meshery::design::compose {
namespace {

using nlohmann::json;

json commandWords(const json& value) {
  if (value.is_string()) return shellWords(value.get<std::string>());
  json words = json::array();
  if (value.is_array()) {
    for (const auto& word : value) words.push_back(scalarText(word).value_or(word.dump()));
  }
  return words;
}

// ".env" → "env", "config/web.env" → "config-web-env".
std::string envFileName(const std::string& path) {
  std::string name;
  for (const char c : cleanRelativePath(path)) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c)) != 0;
    name += keep ? static_cast<char>(std::tolower(static_cast<unsigned char>(c))) : '-';
  }
  const auto first = name.find_first_not_of('-');
  if (first == std::string::npos) return "env";
  name = name.substr(first);
  while (name.back() == '-') name.pop_back();
  return name;
}

std::vector<std::pair<std::string, bool>> envFilePaths(const json& value) {
  std::vector<std::pair<std::string, bool>> paths;
  const json list = value.is_array() ? value : json::array({value});
  for (const auto& item : list) {
    if (item.is_string()) {
      paths.emplace_back(item.get<std::string>(), true);
    } else if (item.is_object() && item.contains("path")) {
      paths.emplace_back(scalarText(item["path"]).value_or(""),
                         booleanOf(item.value("required", json(true))).value_or(true));
    }
  }
  return paths;
}

void addEnvironment(const Project& project, const Service& service, PodParts& pod) {
  std::map<std::string, std::string> environment;
  for (const auto& [key, value] : keyValues(service.field("environment"))) {
    if (value) {
      environment[key] = *value;
    } else if (const auto found = project.variables.find(key); found != project.variables.end()) {
      environment[key] = found->second;
    } else {
      project.diagnostics.warn(service.subject, "environment variable " + key +
                                                    " has no value and is not set; left out");
    }
  }
  const auto lookup = [&](const std::string& name) -> std::optional<std::string> {
    if (const auto found = environment.find(name); found != environment.end()) return found->second;
    if (const auto found = project.variables.find(name); found != project.variables.end()) {
      return found->second;
    }
    return std::nullopt;
  };
  json env_from = json::array();
  for (const auto& [path, required] : envFilePaths(service.field("env_file"))) {
    const std::string* text = project.file(cleanRelativePath(path));
    if (text == nullptr) {
      if (required) {
        project.diagnostics.warn(service.subject, "env_file " + path +
                                                      " was not provided with the Compose file; "
                                                      "its variables are missing");
      }
      continue;
    }
    const std::string name = envFileName(path);
    json config_map = objectOf("v1", "ConfigMap", name, service.name + "-" + name);
    config_map["data"] = json::object();
    for (const auto& [key, value] : readEnvFile(*text, lookup)) {
      config_map["data"][key] = value;
      environment.erase(key);  // the file's value wins, through envFrom
    }
    pod.objects.push_back(std::move(config_map));
    env_from.push_back({{"configMapRef", {{"name", name}}}});
  }
  if (!environment.empty()) {
    json env = json::array();
    for (const auto& [key, value] : environment) env.push_back({{"name", key}, {"value", value}});
    pod.container["env"] = std::move(env);
  }
  if (!env_from.empty()) pod.container["envFrom"] = std::move(env_from);
}

void addPorts(const Project& project, const Service& service, PodParts& pod) {
  json ports = json::array();
  std::set<std::pair<int, std::string>> seen;
  for (const auto& port : servicePorts(project, service)) {
    if (!seen.emplace(port.target, port.protocol).second) continue;
    ports.push_back({{"containerPort", port.target}, {"protocol", port.protocol}});
  }
  if (!ports.empty()) pod.container["ports"] = std::move(ports);
}

void setMemory(const Project& project, const Service& service, json& list, const json& value,
               const std::string& what) {
  if (value.is_null()) return;
  const auto bytes = byteSize(value);
  if (!bytes || *bytes < 0) {
    project.diagnostics.warn(service.subject,
                             what + " " + value.dump() + " is not a size; skipped");
    return;
  }
  list["memory"] = decimalExponentQuantity(*bytes);
}

void setCpu(const Project& project, const Service& service, json& list, const json& value,
            const std::string& what) {
  if (value.is_null()) return;
  const auto quantity = cpuQuantity(value);
  if (!quantity) {
    project.diagnostics.warn(service.subject,
                             what + " " + value.dump() + " is not a CPU count; skipped");
    return;
  }
  list["cpu"] = *quantity;
}

void addResources(const Project& project, const Service& service, PodParts& pod) {
  json limits = json::object();
  json requests = json::object();
  setMemory(project, service, limits, service.field("mem_limit"), "mem_limit");
  setMemory(project, service, requests, service.field("mem_reservation"), "mem_reservation");
  setCpu(project, service, limits, service.field("cpus"), "cpus");
  const auto& resources = service.deploy("resources");
  if (resources.is_object()) {
    const json& limit = resources.value("limits", json::object());
    const json& reservation = resources.value("reservations", json::object());
    if (limit.is_object()) {
      setMemory(project, service, limits, limit.value("memory", json()),
                "deploy.resources.limits.memory");
      setCpu(project, service, limits, limit.value("cpus", json()), "deploy.resources.limits.cpus");
    }
    if (reservation.is_object()) {
      setMemory(project, service, requests, reservation.value("memory", json()),
                "deploy.resources.reservations.memory");
      setCpu(project, service, requests, reservation.value("cpus", json()),
             "deploy.resources.reservations.cpus");
      if (reservation.contains("devices") || reservation.contains("generic_resources")) {
        project.diagnostics.warn(service.subject,
                                 "deploy.resources.reservations devices are not converted");
      }
    }
  }
  const auto& deploy_labels = keyValues(service.deploy("labels"));
  const auto storage = [&](const std::string& key) -> std::optional<std::string> {
    for (const auto& [name, value] : deploy_labels) {
      if (name == key && value) return value;
    }
    return service.label(key);
  };
  if (const auto limit = storage("kompose.ephemeral-storage.limit")) {
    limits["ephemeral-storage"] = *limit;
  }
  if (const auto request = storage("kompose.ephemeral-storage.request")) {
    requests["ephemeral-storage"] = *request;
  }
  json result = json::object();
  if (!limits.empty()) result["limits"] = std::move(limits);
  if (!requests.empty()) result["requests"] = std::move(requests);
  if (!result.empty()) pod.container["resources"] = std::move(result);
}

void addSecurityContext(const Project& project, const Service& service, PodParts& pod) {
  json context = json::object();
  if (booleanOf(service.field("privileged")).value_or(false)) context["privileged"] = true;
  if (booleanOf(service.field("read_only")).value_or(false)) {
    context["readOnlyRootFilesystem"] = true;
  }
  json capabilities = json::object();
  if (const auto& add = service.field("cap_add"); add.is_array() && !add.empty()) {
    capabilities["add"] = add;
  }
  if (const auto& drop = service.field("cap_drop"); drop.is_array() && !drop.empty()) {
    capabilities["drop"] = drop;
  }
  if (!capabilities.empty()) context["capabilities"] = std::move(capabilities);
  if (const auto user = scalarText(service.field("user")); user && !user->empty()) {
    const auto colon = user->find(':');
    const auto uid = integerOf(json(user->substr(0, colon)));
    const auto gid = colon == std::string::npos ? std::optional<std::int64_t>()
                                                : integerOf(json(user->substr(colon + 1)));
    if (uid) context["runAsUser"] = *uid;
    if (gid) context["runAsGroup"] = *gid;
    if (!uid || (colon != std::string::npos && !gid)) {
      project.diagnostics.warn(service.subject, "user \"" + *user +
                                                    "\" is not numeric; Kubernetes needs a UID, "
                                                    "so only numeric parts are mapped");
    }
  }
  if (!context.empty()) pod.container["securityContext"] = std::move(context);
}

void addImage(const Project& project, const Service& service, PodParts& pod) {
  const auto image = scalarText(service.field("image"));
  pod.container["image"] = image && !image->empty() ? *image : service.name;
  std::optional<std::string> policy = service.label("kompose.image-pull-policy");
  if (!policy) {
    const auto pull = scalarText(service.field("pull_policy"));
    if (pull == "always") policy = "Always";
    if (pull == "never") policy = "Never";
    if (pull == "missing" || pull == "if_not_present") policy = "IfNotPresent";
  }
  if (policy) {
    if (*policy == "Always" || *policy == "Never" || *policy == "IfNotPresent") {
      pod.container["imagePullPolicy"] = *policy;
    } else {
      project.diagnostics.warn(service.subject, "image pull policy \"" + *policy +
                                                    "\" is not "
                                                    "Always, Never or IfNotPresent; skipped");
    }
  }
}

}  // namespace

void buildContainer(const Project& project, const Service& service, PodParts& pod) {
  const auto container_name = scalarText(service.field("container_name"));
  pod.container["name"] =
      container_name && !container_name->empty() ? kubernetesName(*container_name) : service.name;
  addImage(project, service, pod);
  if (const auto& command = service.field("command"); !command.is_null()) {
    if (auto words = commandWords(command); !words.empty()) pod.container["args"] = words;
  }
  if (const auto& entrypoint = service.field("entrypoint"); !entrypoint.is_null()) {
    if (auto words = commandWords(entrypoint); !words.empty()) pod.container["command"] = words;
  }
  if (const auto dir = scalarText(service.field("working_dir")); dir && !dir->empty()) {
    pod.container["workingDir"] = *dir;
  }
  addEnvironment(project, service, pod);
  addPorts(project, service, pod);
  addResources(project, service, pod);
  addSecurityContext(project, service, pod);
  if (booleanOf(service.field("stdin_open")).value_or(false)) pod.container["stdin"] = true;
  if (booleanOf(service.field("tty")).value_or(false)) pod.container["tty"] = true;
  if (auto liveness = probeOf(project, service, "liveness"); !liveness.is_null()) {
    pod.container["livenessProbe"] = std::move(liveness);
  }
  if (auto readiness = probeOf(project, service, "readiness"); !readiness.is_null()) {
    pod.container["readinessProbe"] = std::move(readiness);
  }
}

}  // namespace meshery::design::compose
