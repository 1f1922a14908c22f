// The controller a service runs as (Deployment, Pod, DaemonSet, StatefulSet,
// CronJob) and its pod-level fields, as kompose chooses and fills them.
#include "compose_project.hpp"
#include "compose_values.hpp"

namespace meshery::design::compose {
namespace {

using nlohmann::json;

// `restart` (and `deploy.restart_policy.condition`, which wins) → restartPolicy.
std::string restartPolicy(const Service& service) {
  std::string restart = scalarText(service.field("restart")).value_or("");
  const auto& policy = service.deploy("restart_policy");
  if (policy.is_object() && policy.contains("condition")) {
    restart = scalarText(policy["condition"]).value_or("");
  }
  if (restart == "no" || restart == "none" || restart == "false") return "Never";
  if (restart.rfind("on-failure", 0) == 0) return "OnFailure";
  return "Always";
}

std::optional<std::string> constraintKey(const std::string& key) {
  if (key == "node.hostname") return "kubernetes.io/hostname";
  if (key == "node.platform.os" || key == "engine.labels.operatingsystem")
    return "kubernetes.io/os";
  if (key == "node.platform.arch") return "kubernetes.io/arch";
  if (key.rfind("node.labels.", 0) == 0) return key.substr(12);
  return std::nullopt;
}

std::string trimmed(const std::string& text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

void addPlacement(const Project& project, const Service& service, json& pod_spec) {
  const auto& placement = service.deploy("placement");
  if (!placement.is_object()) return;
  json expressions = json::array();
  const json& constraints = placement.value("constraints", json::array());
  for (const auto& constraint : constraints.is_array() ? constraints : json::array()) {
    const std::string text = scalarText(constraint).value_or("");
    const bool equal = text.find("==") != std::string::npos;
    const auto op = text.find(equal ? "==" : "!=");
    const auto key =
        op == std::string::npos ? std::nullopt : constraintKey(trimmed(text.substr(0, op)));
    if (!key) {
      project.diagnostics.warn(service.subject, "placement constraint \"" + text +
                                                    "\" has no Kubernetes node label; skipped");
      continue;
    }
    expressions.push_back({{"key", *key},
                           {"operator", equal ? "In" : "NotIn"},
                           {"values", {trimmed(text.substr(op + 2))}}});
  }
  if (!expressions.empty()) {
    pod_spec["affinity"]["nodeAffinity"]["requiredDuringSchedulingIgnoredDuringExecution"] = {
        {"nodeSelectorTerms", {{{"matchExpressions", expressions}}}}};
  }
  std::vector<std::string> keys;
  const json& preferences = placement.value("preferences", json::array());
  for (const auto& preference : preferences.is_array() ? preferences : json::array()) {
    const std::string spread =
        preference.is_object() ? scalarText(preference.value("spread", json())).value_or("") : "";
    if (spread.rfind("node.labels.", 0) == 0) {
      keys.push_back(spread.substr(12));
    } else {
      project.diagnostics.warn(service.subject, "placement preference spread \"" + spread +
                                                    "\" is not a node label; skipped");
    }
  }
  for (std::size_t i = 0; i < keys.size(); ++i) {
    pod_spec["topologySpreadConstraints"].push_back(
        {{"labelSelector", {{"matchLabels", selectorOf(service.name)}}},
         {"maxSkew", static_cast<int>(keys.size() - i)},
         {"topologyKey", keys[i]},
         {"whenUnsatisfiable", "ScheduleAnyway"}});
  }
}

void addPodSecurity(const Project& project, const Service& service, json& pod_spec) {
  json context = json::object();
  if (const auto& groups = service.field("group_add"); groups.is_array()) {
    for (const auto& group : groups) {
      if (const auto gid = integerOf(group)) {
        context["supplementalGroups"].push_back(*gid);
      } else {
        project.diagnostics.warn(service.subject,
                                 "group_add " + group.dump() + " is not a numeric group; skipped");
      }
    }
  }
  if (const auto fs_group = service.label("kompose.security-context.fsgroup")) {
    if (const auto gid = integerOf(json(*fs_group))) context["fsGroup"] = *gid;
  }
  if (!context.empty()) pod_spec["securityContext"] = std::move(context);
}

void addInitContainer(const Service& service, json& pod_spec) {
  const auto image = service.label("kompose.init.containers.image");
  if (!image) return;
  json container = {
      {"name", service.label("kompose.init.containers.name").value_or(service.name + "-init")},
      {"image", *image}};
  if (const auto command = service.label("kompose.init.containers.command")) {
    json words = json::parse(*command, nullptr, false);
    container["command"] = words.is_array() ? words : json(shellWords(*command));
  }
  pod_spec["initContainers"].push_back(std::move(container));
}

json podSpecOf(const Project& project, const Service& service, PodParts& pod,
               const std::string& restart) {
  json spec = {{"containers", {pod.container}}, {"restartPolicy", restart}};
  for (const auto& container : pod.extra_containers) spec["containers"].push_back(container);
  if (!pod.volumes.empty()) spec["volumes"] = pod.volumes;
  if (const auto hostname = scalarText(service.field("hostname")); hostname && !hostname->empty()) {
    spec["hostname"] = *hostname;
  }
  if (const auto domain = scalarText(service.field("domainname")); domain && !domain->empty()) {
    spec["subdomain"] = *domain;
  }
  if (const auto grace = scalarText(service.field("stop_grace_period")); grace && !grace->empty()) {
    if (const auto seconds = durationSeconds(*grace))
      spec["terminationGracePeriodSeconds"] = *seconds;
  }
  if (const auto secret = service.label("kompose.image-pull-secret")) {
    spec["imagePullSecrets"] = {{{"name", *secret}}};
  }
  addPodSecurity(project, service, spec);
  addPlacement(project, service, spec);
  addInitContainer(service, spec);
  return spec;
}

json annotationsOf(const Service& service) {
  json annotations = json::object();
  for (const auto& [key, value] : service.labels) {
    if (key.rfind("kompose.", 0) != 0) annotations[key] = value;
  }
  return annotations;
}

std::int64_t replicasOf(const Project& project, const Service& service) {
  for (const json* value : {&service.deploy("replicas"), &service.field("scale")}) {
    if (value->is_null()) continue;
    if (const auto count = integerOf(*value); count && *count >= 0) return *count;
    project.diagnostics.warn(service.subject,
                             "replicas " + value->dump() + " is not a number; 1 is used");
  }
  return 1;
}

json strategyOf(const Service& service, const PodParts& pod) {
  const auto& update = service.deploy("update_config");
  if (update.is_object() && update.contains("parallelism")) {
    const auto parallelism = integerOf(update["parallelism"]).value_or(1);
    const bool start_first = update.value("order", json("stop-first")) == "start-first";
    return {{"type", "RollingUpdate"},
            {"rollingUpdate",
             {{"maxSurge", start_first ? parallelism : 0},
              {"maxUnavailable", start_first ? 0 : parallelism}}}};
  }
  if (pod.has_storage) return {{"type", "Recreate"}};
  return nullptr;
}

std::string controllerOf(const Project& project, const Service& service,
                         const std::string& restart) {
  if (service.label("kompose.cronjob.schedule")) return "cronjob";
  if (auto type = service.label("kompose.controller.type")) {
    if (*type == "deployment" || *type == "daemonset" || *type == "statefulset") return *type;
    project.diagnostics.warn(service.subject, "kompose.controller.type \"" + *type +
                                                  "\" is not converted; a Deployment is used");
  } else if (service.deploy("mode") == "global") {
    return "daemonset";
  }
  return restart == "Always" ? "deployment" : "pod";
}

}  // namespace

json buildWorkload(const Project& project, const Service& service, PodParts& pod) {
  std::string restart = restartPolicy(service);
  const std::string controller = controllerOf(project, service, restart);
  if (controller != "pod" && controller != "cronjob" && restart != "Always") {
    project.diagnostics.warn(service.subject, "restart \"" + restart + "\" is not possible in a " +
                                                  controller + "; Always is used");
    restart = "Always";
  }
  if (controller == "cronjob" && restart == "Always") restart = "OnFailure";
  const json annotations = annotationsOf(service);
  json template_metadata = {{"labels", selectorOf(service.name)}};
  if (!annotations.empty()) template_metadata["annotations"] = annotations;
  const json pod_spec = podSpecOf(project, service, pod, restart);

  json workload;
  if (controller == "pod") {
    workload = objectOf("v1", "Pod", service.name);
    workload["spec"] = pod_spec;
  } else if (controller == "cronjob") {
    workload = objectOf("batch/v1", "CronJob", service.name);
    json job = {{"template", {{"metadata", template_metadata}, {"spec", pod_spec}}}};
    if (const auto limit = service.label("kompose.cronjob.backoff_limit")) {
      if (const auto number = integerOf(json(*limit))) job["backoffLimit"] = *number;
    }
    workload["spec"] = {{"schedule", *service.label("kompose.cronjob.schedule")},
                        {"jobTemplate", {{"spec", job}}}};
    if (const auto policy = service.label("kompose.cronjob.concurrency_policy")) {
      workload["spec"]["concurrencyPolicy"] = *policy;
    }
  } else {
    const std::string kind = controller == "daemonset"     ? "DaemonSet"
                             : controller == "statefulset" ? "StatefulSet"
                                                           : "Deployment";
    workload = objectOf("apps/v1", kind, service.name);
    workload["spec"] = {{"selector", {{"matchLabels", selectorOf(service.name)}}},
                        {"template", {{"metadata", template_metadata}, {"spec", pod_spec}}}};
    if (kind != "DaemonSet") workload["spec"]["replicas"] = replicasOf(project, service);
    if (kind == "StatefulSet") workload["spec"]["serviceName"] = service.name;
    if (kind == "Deployment") {
      if (auto strategy = strategyOf(service, pod); !strategy.is_null()) {
        workload["spec"]["strategy"] = std::move(strategy);
      }
    }
  }
  for (const auto& [key, value] : keyValues(service.deploy("labels"))) {
    workload["metadata"]["labels"][key] = value.value_or("");
  }
  if (!annotations.empty()) workload["metadata"]["annotations"] = annotations;
  return workload;
}

}  // namespace meshery::design::compose
