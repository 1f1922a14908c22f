// The fake API server's objects: resource types (built-in and from CRDs),
// server-side apply with field ownership, defaulting, validation, deletion
// and the watch event log.
#include <algorithm>
#include <cstdio>
#include <ctime>

#include "fake_kube_state.hpp"

namespace meshery::test {
namespace {

const std::vector<std::string> kVerbs = {"create", "delete", "deletecollection", "get",
                                         "list",   "patch",  "update",           "watch"};

std::string now3339() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

/// The leaves of an applied configuration, as JSON pointers: objects are
/// walked, lists and scalars (and empty objects) are leaves. The identity
/// fields are nobody's.
void leaves(const json& value, const std::string& at, std::set<std::string>& out) {
  if (value.is_object() && !value.empty()) {
    for (const auto& [key, item] : value.items()) leaves(item, at + "/" + key, out);
    return;
  }
  if (at == "/apiVersion" || at == "/kind" || at == "/metadata/name" ||
      at == "/metadata/namespace")
    return;
  out.insert(at);
}

const json* at(const json& root, const std::string& pointer) {
  const json::json_pointer path(pointer);
  return root.contains(path) ? &root.at(path) : nullptr;
}

void merge(json& target, const json& patch) {
  if (!patch.is_object() || !target.is_object()) {
    target = patch;
    return;
  }
  for (const auto& [key, value] : patch.items()) merge(target[key], value);
}

void erase(json& root, const std::string& pointer) {
  const json::json_pointer path(pointer);
  if (!root.contains(path)) return;
  json& parent = root.at(path.parent_pointer());
  if (parent.is_object()) parent.erase(path.back());
}

/// managedFields' FieldsV1 form of a set of leaves ({"f:spec":{"f:replicas":{}}}).
json fieldsV1(const std::set<std::string>& paths) {
  json fields = json::object();
  for (const std::string& path : paths) {
    std::vector<std::string> parts;  // last first
    for (json::json_pointer pointer(path); !pointer.empty(); pointer = pointer.parent_pointer())
      parts.push_back(pointer.back());
    json* node = &fields;
    for (auto part = parts.rbegin(); part != parts.rend(); ++part) {
      node = &(*node)["f:" + *part];
      if (node->is_null()) *node = json::object();
    }
  }
  return fields;
}

bool dnsSubdomain(const std::string& name) {
  if (name.empty() || name.size() > 253) return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.')) return false;
  }
  const auto alnum = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  return alnum(name.front()) && alnum(name.back());
}

StatusError invalid(const ResourceType& type, const std::string& name, json causes) {
  std::string message = type.kind + (type.group.empty() ? "" : "." + type.group) + " \"" + name +
                        "\" is invalid: ";
  for (std::size_t i = 0; i < causes.size(); ++i) {
    if (i > 0) message += ", ";
    message += causes[i].value("field", "") + ": " + causes[i].value("message", "");
  }
  return {422, "Invalid", message,
          {{"name", name}, {"group", type.group}, {"kind", type.kind}, {"causes", causes}}};
}

/// What the real API server validates of what the tests send.
void validate(const ResourceType& type, const std::string& name, const json& object) {
  json causes = json::array();
  if (!dnsSubdomain(name)) {
    causes.push_back({{"reason", "FieldValueInvalid"},
                      {"message", "Invalid value: \"" + name +
                                      "\": a lowercase RFC 1123 subdomain must consist of lower "
                                      "case alphanumeric characters, '-' or '.'"},
                      {"field", "metadata.name"}});
  }
  const bool workload = type.kind == "Deployment" || type.kind == "StatefulSet" ||
                        type.kind == "ReplicaSet";
  if (workload) {
    const json* replicas = at(object, "/spec/replicas");
    if (replicas != nullptr && !replicas->is_number_integer()) {
      causes.push_back({{"reason", "FieldValueTypeInvalid"},
                        {"message", "Invalid value: " + replicas->dump() +
                                        ": spec.replicas in body must be of type integer: \"" +
                                        std::string(replicas->type_name()) + "\""},
                        {"field", "spec.replicas"}});
    }
    if (at(object, "/spec/selector") == nullptr) {
      causes.push_back(
          {{"reason", "FieldValueRequired"}, {"message", "Required value"}, {"field", "spec.selector"}});
    }
  }
  if (!causes.empty()) throw invalid(type, name, causes);
}

/// The defaults the real API server fills in (what a dry run shows).
void applyDefaults(State& state, const ResourceType& type, const std::string& name, json& object) {
  if (type.kind == "Deployment" || type.kind == "StatefulSet" || type.kind == "ReplicaSet") {
    if (at(object, "/spec/replicas") == nullptr) object["spec"]["replicas"] = 1;
  }
  if (type.kind == "Deployment" && at(object, "/spec/strategy") == nullptr) {
    object["spec"]["strategy"] = {
        {"type", "RollingUpdate"},
        {"rollingUpdate", {{"maxUnavailable", "25%"}, {"maxSurge", "25%"}}}};
  }
  if (type.kind == "Service") {
    if (at(object, "/spec/type") == nullptr) object["spec"]["type"] = "ClusterIP";
    if (at(object, "/spec/clusterIP") == nullptr)
      object["spec"]["clusterIP"] = "10.96.0." + std::to_string(10 + ++state.cluster_ips % 240);
    if (at(object, "/spec/sessionAffinity") == nullptr) object["spec"]["sessionAffinity"] = "None";
  }
  if (type.kind == "Namespace") {
    object["metadata"]["labels"]["kubernetes.io/metadata.name"] = name;
    object["status"]["phase"] = "Active";
  }
}

}  // namespace

State::State() {
  const auto add = [this](const std::string& group, const std::string& version,
                          const std::string& resource, const std::string& kind, bool namespaced) {
    std::string singular = kind;
    std::transform(singular.begin(), singular.end(), singular.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    types.push_back({group, version, resource, kind, singular, namespaced, ""});
  };
  add("", "v1", "namespaces", "Namespace", false);
  add("", "v1", "configmaps", "ConfigMap", true);
  add("", "v1", "secrets", "Secret", true);
  add("", "v1", "services", "Service", true);
  add("", "v1", "pods", "Pod", true);
  add("", "v1", "serviceaccounts", "ServiceAccount", true);
  add("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true);
  add("", "v1", "persistentvolumes", "PersistentVolume", false);
  add("apps", "v1", "deployments", "Deployment", true);
  add("apps", "v1", "statefulsets", "StatefulSet", true);
  add("apps", "v1", "daemonsets", "DaemonSet", true);
  add("apps", "v1", "replicasets", "ReplicaSet", true);
  add("batch", "v1", "jobs", "Job", true);
  add("batch", "v1", "cronjobs", "CronJob", true);
  add("rbac.authorization.k8s.io", "v1", "roles", "Role", true);
  add("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true);
  add("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false);
  add("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false);
  add("networking.k8s.io", "v1", "ingresses", "Ingress", true);
  add("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true);
  add("apiextensions.k8s.io", "v1", "customresourcedefinitions", "CustomResourceDefinition",
      false);
}

const ResourceType* State::type(const std::string& group_version,
                                const std::string& resource) const {
  for (const ResourceType& each : types) {
    if (each.groupVersion() == group_version && each.resource == resource)
      return served(each) ? &each : nullptr;
  }
  return nullptr;
}

bool State::served(const ResourceType& type) const {
  if (type.crd.empty()) return true;
  const auto crd = objects.find(type.crd);
  return crd != objects.end() && Clock::now() >= crd->second.established_at;
}

json State::resourceList(const std::string& group_version) const {
  json resources = json::array();
  for (const ResourceType& each : types) {
    if (each.groupVersion() != group_version || !served(each)) continue;
    resources.push_back({{"name", each.resource},
                         {"singularName", each.singular},
                         {"namespaced", each.namespaced},
                         {"kind", each.kind},
                         {"verbs", kVerbs}});
  }
  return {{"kind", "APIResourceList"},
          {"apiVersion", "v1"},
          {"groupVersion", group_version},
          {"resources", resources}};
}

json State::groupList() const {
  std::map<std::string, std::vector<std::string>> groups;
  std::vector<std::string> order;
  for (const ResourceType& each : types) {
    if (each.group.empty() || !served(each)) continue;
    auto& versions = groups[each.group];
    if (versions.empty()) order.push_back(each.group);
    if (std::find(versions.begin(), versions.end(), each.version) == versions.end())
      versions.push_back(each.version);
  }
  json list = json::array();
  for (const std::string& group : order) {
    json versions = json::array();
    for (const std::string& version : groups[group])
      versions.push_back({{"groupVersion", group + "/" + version}, {"version", version}});
    list.push_back({{"name", group}, {"versions", versions}, {"preferredVersion", versions[0]}});
  }
  return {{"kind", "APIGroupList"}, {"apiVersion", "v1"}, {"groups", list}};
}

std::string State::objectKey(const ResourceType& type, const std::string& ns,
                             const std::string& name) {
  return type.key() + "|" + ns + "|" + name;
}

json State::present(const ResourceType& type, const StoredObject& stored) const {
  json object = stored.object;
  if (type.kind == "CustomResourceDefinition") {
    const bool established = Clock::now() >= stored.established_at;
    object["status"] = {
        {"conditions",
         {{{"type", "NamesAccepted"}, {"status", "True"}, {"reason", "NoConflicts"}},
          {{"type", "Established"},
           {"status", established ? "True" : "False"},
           {"reason", established ? "InitialNamesAccepted" : "Installing"}}}},
        {"acceptedNames", object["spec"].value("names", json::object())}};
  }
  return object;
}

std::pair<json, bool> State::apply(const ResourceType& type, const std::string& ns,
                                   const std::string& name, json config,
                                   const std::string& manager, bool force, bool dry_run) {
  const std::string key = objectKey(type, ns, name);
  const auto found = objects.find(key);
  const bool created = found == objects.end();
  StoredObject next = created ? StoredObject{json::object(), {}, Clock::now()} : found->second;
  std::set<std::string> applied;
  leaves(config, "", applied);
  json conflicts = json::array();
  for (const auto& [other, paths] : next.owners) {
    if (other == manager || force) continue;
    for (const std::string& path : applied) {
      const json* current = at(next.object, path);
      if (paths.contains(path) && current != nullptr && *current != *at(config, path)) {
        std::string field = path;
        std::replace(field.begin(), field.end(), '/', '.');
        conflicts.push_back({{"reason", "FieldManagerConflict"},
                             {"message", "conflict with \"" + other + "\" using " +
                                             type.groupVersion()},
                             {"field", field}});
      }
    }
  }
  if (!conflicts.empty()) {
    std::string message = "Apply failed with " + std::to_string(conflicts.size()) + " conflict" +
                          (conflicts.size() == 1 ? "" : "s") + ":";
    for (const json& conflict : conflicts)
      message += " " + conflict.value("message", "") + ": " + conflict.value("field", "");
    throw StatusError{409, "Conflict", message, {{"causes", conflicts}}};
  }
  // What this manager owned and no longer applies goes, unless shared.
  for (const std::string& path : next.owners[manager]) {
    if (applied.contains(path)) continue;
    const bool shared = std::any_of(next.owners.begin(), next.owners.end(), [&](const auto& owner) {
      return owner.first != manager && owner.second.contains(path);
    });
    if (!shared) erase(next.object, path);
  }
  const json before = next.object;
  merge(next.object, config);
  next.owners[manager] = applied;
  if (force) {
    for (auto& [other, paths] : next.owners) {
      if (other == manager) continue;
      for (const std::string& path : applied) paths.erase(path);
    }
  }
  std::erase_if(next.owners, [](const auto& owner) { return owner.second.empty(); });
  json& object = next.object;
  object["apiVersion"] = type.groupVersion();
  object["kind"] = type.kind;
  object["metadata"]["name"] = name;
  if (type.namespaced) object["metadata"]["namespace"] = ns;
  validate(type, name, object);
  applyDefaults(*this, type, name, object);
  if (!created && before == object && found->second.owners == next.owners)
    return {present(type, found->second), false};  // nothing changed: no new version
  if (created) {
    const std::string serial = std::to_string(++uids);
    object["metadata"]["uid"] =
        "00000000-0000-4000-8000-" + std::string(12 - std::min<std::size_t>(12, serial.size()), '0') +
        serial;
    object["metadata"]["creationTimestamp"] = now3339();
    object["metadata"]["generation"] = 1;
  } else if (before.value("spec", json()) != object.value("spec", json())) {
    object["metadata"]["generation"] = before["metadata"].value("generation", 1) + 1;
  }
  json managed = json::array();
  for (const auto& [owner, paths] : next.owners) {
    managed.push_back({{"manager", owner},
                       {"operation", "Apply"},
                       {"apiVersion", type.groupVersion()},
                       {"time", now3339()},
                       {"fieldsType", "FieldsV1"},
                       {"fieldsV1", fieldsV1(paths)}});
  }
  object["metadata"]["managedFields"] = managed;
  if (dry_run) return {present(type, next), created};
  object["metadata"]["resourceVersion"] = std::to_string(++resource_version);
  if (type.kind == "CustomResourceDefinition") {
    next.established_at = Clock::now() + options.crd_establish_delay;
    const json& spec = object["spec"];
    for (const json& version : spec.value("versions", json::array())) {
      ResourceType custom{spec.value("group", ""),
                          version.value("name", ""),
                          spec["names"].value("plural", ""),
                          spec["names"].value("kind", ""),
                          spec["names"].value("singular", ""),
                          spec.value("scope", "Namespaced") == "Namespaced",
                          key};
      if (version.value("served", true) &&
          std::none_of(types.begin(), types.end(), [&](const ResourceType& each) {
            return each.key() == custom.key();
          }))
        types.push_back(custom);
    }
  }
  objects[key] = next;
  record(created ? "ADDED" : "MODIFIED", type, ns, object);
  return {present(type, next), created};
}

json State::remove(const ResourceType& type, const std::string& ns, const std::string& name,
                   bool dry_run) {
  const auto found = objects.find(objectKey(type, ns, name));
  if (found == objects.end()) throw notFound(type, name);
  json object = present(type, found->second);
  if (dry_run) return object;
  if (type.kind == "Namespace") {  // what the namespace holds goes with it
    for (auto it = objects.begin(); it != objects.end();) {
      const json& held = it->second.object;
      if (held["metadata"].value("namespace", "") != name) {
        ++it;
        continue;
      }
      const ResourceType* held_type = nullptr;
      for (const ResourceType& each : types) {
        if (it->first.starts_with(each.key() + "|")) held_type = &each;
      }
      json gone = held;
      gone["metadata"]["resourceVersion"] = std::to_string(++resource_version);
      if (held_type != nullptr) record("DELETED", *held_type, name, gone);
      it = objects.erase(it);
    }
  }
  if (type.kind == "CustomResourceDefinition") {
    std::erase_if(types, [&](const ResourceType& each) { return each.crd == found->first; });
  }
  objects.erase(found);
  object["metadata"]["resourceVersion"] = std::to_string(++resource_version);
  record("DELETED", type, ns, object);
  return object;
}

void State::record(const std::string& event_type, const ResourceType& type, const std::string& ns,
                   const json& object) {
  events.push_back({resource_version, event_type, type.key(), ns, object});
  while (events.size() > options.event_window) {
    events.pop_front();
    oldest_event = events.front().resource_version;
  }
  changed.notify_all();
}

StatusError notFound(const ResourceType& type, const std::string& name) {
  return {404, "NotFound", type.qualified() + " \"" + name + "\" not found",
          {{"name", name}, {"group", type.group}, {"kind", type.resource}}};
}

http::Response statusResponse(const StatusError& error) {
  json body = {{"kind", "Status"},        {"apiVersion", "v1"},       {"metadata", json::object()},
               {"status", "Failure"},     {"message", error.message}, {"reason", error.reason},
               {"code", error.code}};
  if (!error.details.is_null()) body["details"] = error.details;
  return http::Response::json(body, error.code);
}

}  // namespace meshery::test
