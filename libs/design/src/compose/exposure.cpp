// How a service is reached and scaled: Kubernetes Services from `ports` and
// `expose` (and `kompose.service.type`), an Ingress from
// `kompose.service.expose`, a HorizontalPodAutoscaler from `kompose.hpa.*`.
#include <algorithm>
#include <cctype>
#include <tuple>

#include "compose_project.hpp"
#include "compose_values.hpp"

namespace meshery::design::compose {
namespace {

using nlohmann::json;

std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

json portsOf(const std::vector<PortMapping>& ports) {
  json result = json::array();
  std::set<int> seen;
  std::set<std::tuple<int, int, std::string>> mapped;
  for (const auto& port : ports) {
    const int number = port.published != 0 ? port.published : port.target;
    if (!mapped.emplace(number, port.target, port.protocol).second) continue;
    std::string name = std::to_string(number);
    if (!seen.insert(number).second) name += "-" + lower(port.protocol);
    json entry = {{"name", name}, {"port", number}, {"targetPort", port.target}};
    if (port.protocol != "TCP") entry["protocol"] = port.protocol;
    result.push_back(std::move(entry));
  }
  return result;
}

json serviceOf(const Service& service, const std::string& name, json ports,
               const json& annotations) {
  json object = objectOf("v1", "Service", name);
  object["spec"] = {{"ports", std::move(ports)}, {"selector", selectorOf(service.name)}};
  if (!annotations.empty()) object["metadata"]["annotations"] = annotations;
  return object;
}

std::vector<json> servicesOf(const Project& project, const Service& service,
                             const std::vector<PortMapping>& ports, const std::string& type) {
  json annotations = json::object();
  for (const auto& [key, value] : service.labels) {
    if (key.rfind("kompose.", 0) != 0) annotations[key] = value;
  }
  std::vector<json> services;
  if (type == "headless") {
    json object = serviceOf(
        service, service.name,
        ports.empty() ? json::array({{{"name", "headless"}, {"port", 55555}, {"targetPort", 0}}})
                      : portsOf(ports),
        annotations);
    object["spec"]["clusterIP"] = "None";
    if (!ports.empty()) object["spec"]["type"] = "ClusterIP";
    services.push_back(std::move(object));
    return services;
  }
  if (ports.empty()) return services;
  if (type == "loadbalancer") {
    // A LoadBalancer cannot mix protocols: one Service per protocol.
    std::vector<std::string> protocols;
    for (const auto& port : ports) {
      if (std::find(protocols.begin(), protocols.end(), port.protocol) == protocols.end()) {
        protocols.push_back(port.protocol);
      }
    }
    for (const auto& protocol : protocols) {
      std::vector<PortMapping> subset;
      std::copy_if(ports.begin(), ports.end(), std::back_inserter(subset),
                   [&](const PortMapping& port) { return port.protocol == protocol; });
      json object =
          serviceOf(service, service.name + "-" + lower(protocol), portsOf(subset), annotations);
      object["spec"]["type"] = "LoadBalancer";
      services.push_back(std::move(object));
    }
    return services;
  }
  json object = serviceOf(service, service.name, portsOf(ports), annotations);
  if (type == "nodeport") {
    object["spec"]["type"] = "NodePort";
    if (const auto node_port = service.label("kompose.service.nodeport.port")) {
      const auto number = integerOf(json(*node_port));
      if (number && object["spec"]["ports"].size() == 1) {
        object["spec"]["ports"][0]["nodePort"] = *number;
      } else {
        project.diagnostics.warn(service.subject,
                                 "kompose.service.nodeport.port needs a number "
                                 "and exactly one port; skipped");
      }
    }
  }
  services.push_back(std::move(object));
  return services;
}

json ingressOf(const Service& service, const std::string& hosts_text, int port) {
  json ingress = objectOf("networking.k8s.io/v1", "Ingress", service.name);
  json rules = json::array();
  json tls_hosts = json::array();
  std::size_t start = 0;
  while (start <= hosts_text.size()) {
    auto comma = hosts_text.find(',', start);
    if (comma == std::string::npos) comma = hosts_text.size();
    std::string entry = hosts_text.substr(start, comma - start);
    start = comma + 1;
    entry.erase(0, entry.find_first_not_of(' '));
    entry.erase(entry.find_last_not_of(' ') + 1);
    if (entry.empty()) continue;
    const auto slash = entry.find('/');
    const std::string host = entry.substr(0, slash);
    const std::string path = slash == std::string::npos ? "/" : entry.substr(slash);
    json rule = {{"http",
                  {{"paths",
                    {{{"path", path},
                      {"pathType", "Prefix"},
                      {"backend",
                       {{"service", {{"name", service.name}, {"port", {{"number", port}}}}}}}}}}}}};
    if (host != "true") {
      rule["host"] = host;
      tls_hosts.push_back(host);
    }
    rules.push_back(std::move(rule));
  }
  ingress["spec"]["rules"] = std::move(rules);
  if (const auto class_name = service.label("kompose.service.expose.ingress-class-name")) {
    ingress["spec"]["ingressClassName"] = *class_name;
  }
  if (const auto secret = service.label("kompose.service.expose.tls-secret")) {
    ingress["spec"]["tls"] = {{{"hosts", tls_hosts}, {"secretName", *secret}}};
  }
  return ingress;
}

}  // namespace

std::vector<json> buildExposure(const Project& project, const Service& service,
                                const std::vector<PortMapping>& ports) {
  std::string type = lower(service.label("kompose.service.type").value_or("clusterip"));
  if (type != "clusterip" && type != "nodeport" && type != "loadbalancer" && type != "headless") {
    project.diagnostics.warn(
        service.subject, "kompose.service.type \"" + type + "\" is not known; ClusterIP is used");
    type = "clusterip";
  }
  std::vector<json> objects = servicesOf(project, service, ports, type);
  if (const auto policy = service.label("kompose.service.external-traffic-policy")) {
    const std::string value = lower(*policy) == "local" ? "Local" : "Cluster";
    if (type == "loadbalancer" || type == "nodeport") {
      for (auto& object : objects) object["spec"]["externalTrafficPolicy"] = value;
    } else {
      project.diagnostics.warn(service.subject,
                               "kompose.service.external-traffic-policy applies "
                               "only to LoadBalancer and NodePort services; skipped");
    }
  }
  if (const auto expose = service.label("kompose.service.expose");
      expose && type != "loadbalancer") {
    if (ports.empty()) {
      project.diagnostics.warn(service.subject, "kompose.service.expose needs a port; no Ingress");
    } else if (lower(*expose) != "false") {
      const auto& first = ports.front();
      objects.push_back(
          ingressOf(service, *expose, first.published != 0 ? first.published : first.target));
    }
  }
  return objects;
}

json buildAutoscaler(const Service& service, const json& workload) {
  const auto cpu = service.label("kompose.hpa.cpu");
  const auto memory = service.label("kompose.hpa.memory");
  const auto min = service.label("kompose.hpa.replicas.min");
  const auto max = service.label("kompose.hpa.replicas.max");
  if (!cpu && !memory && !min && !max) return nullptr;
  const auto number = [](const std::optional<std::string>& text, std::int64_t fallback) {
    return text ? integerOf(json(*text)).value_or(fallback) : fallback;
  };
  json metrics = json::array();
  const auto metric = [&](const char* name, std::int64_t value) {
    metrics.push_back(
        {{"type", "Resource"},
         {"resource",
          {{"name", name}, {"target", {{"type", "Utilization"}, {"averageUtilization", value}}}}}});
  };
  if (cpu || !memory) metric("cpu", number(cpu, 50));
  if (memory) metric("memory", number(memory, 70));
  const auto min_replicas = number(min, 1);
  return {{"apiVersion", "autoscaling/v2"},
          {"kind", "HorizontalPodAutoscaler"},
          {"metadata", {{"name", service.name}}},
          {"spec",
           {{"scaleTargetRef",
             {{"apiVersion", workload["apiVersion"]},
              {"kind", workload["kind"]},
              {"name", service.name}}},
            {"minReplicas", min_replicas},
            {"maxReplicas", std::max(number(max, 3), min_replicas)},
            {"metrics", metrics}}}};
}

}  // namespace meshery::design::compose
