// POST/DELETE /api/pattern/deploy: a design deployed to (or undeployed
// from) the caller's connected Kubernetes contexts by server-side apply,
// with a result per component and per context; dryRun, verify, skipCRD
// and upgrade as Meshery has them.
#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <vector>

#include "connection_json.hpp"
#include "design_envelope.hpp"
#include "handler.hpp"
#include "meshery/design/export.hpp"
#include "meshery/kube/deploy.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {
namespace {

using nlohmann::json;

/// A query boolean: present and not "false" or "0".
bool queryFlag(const http::Request& request, std::string_view name) {
  const auto value = request.queryParam(name);
  return value && *value != "false" && *value != "0";
}

struct DeployRequest {
  design::Design design;
  bool dry_run = false;
  bool verify = false;
  bool skip_crds = false;
  bool upgrade = false;
  /// Context ids or names the caller chose; empty: every connected one.
  std::vector<std::string> contexts;
};

DeployRequest deployRequestOf(Services& services, const http::Request& request,
                              const Principal& principal) {
  const json body = request.body.empty() ? json::object() : request.jsonBody();
  if (!body.is_object()) {
    throw Error(ErrorCode::kMalformedInput, "the body must be a JSON object",
                "got a JSON " + std::string(body.type_name()),
                R"(send {"pattern_file": "<design YAML>"} or {"pattern_id": "<id>"})");
  }
  DeployRequest out;
  const std::string text = stringMember(body, {"pattern_file", "patternFile"});
  const std::string id = stringMember(body, {"pattern_id", "patternId", "id"});
  if (!text.empty()) {
    out.design = design::Design::parse(text);
  } else if (!id.empty()) {
    out.design = designOf(findDesign(
        services, principal, idOf(id, "pattern_id", "list designs with GET /api/pattern")));
  } else {
    throw Error(ErrorCode::kInvalidArgument, "the request names no design to deploy",
                "the body has neither pattern_file nor pattern_id",
                R"(send {"pattern_file": "<design YAML>"} or {"pattern_id": "<id>"})");
  }
  out.dry_run = queryFlag(request, "dryRun");
  out.verify = queryFlag(request, "verify");
  out.skip_crds = queryFlag(request, "skipCRD");
  out.upgrade = queryFlag(request, "upgrade");
  for (std::string& name : queryList(request, "contexts")) {
    if (name != "all") out.contexts.push_back(std::move(name));
  }
  if (const auto chosen = body.find("contexts"); chosen != body.end() && chosen->is_array()) {
    for (const json& name : *chosen) {
      if (name.is_string() && name != "all" && !name.get<std::string>().empty())
        out.contexts.push_back(name);
    }
  }
  return out;
}

/// The caller's Kubernetes connections the deploy goes to: those chosen (by
/// id or name), else every connected one. A chosen one that is not
/// connected is kept, to be answered with why it was left out.
std::vector<store::Connection> targetsOf(Services& services, const Principal& principal,
                                         const std::vector<std::string>& chosen) {
  store::ConnectionQuery query;
  query.owner_id = principal.user_id;
  query.kinds = {"kubernetes"};
  query.page_size = 0;
  std::vector<store::Connection> all = services.store.connections().list(query).connections;
  std::vector<store::Connection> targets;
  if (chosen.empty()) {
    for (store::Connection& connection : all) {
      if (connection.status == store::ConnectionStatus::kConnected)
        targets.push_back(std::move(connection));
    }
    if (targets.empty()) {
      throw Error(ErrorCode::kConflict, "no connected Kubernetes context to deploy to",
                  all.empty() ? "no kubeconfig was uploaded"
                              : "none of your " + std::to_string(all.size()) +
                                    " Kubernetes context(s) is connected",
                  "upload a kubeconfig (mesheryctl system config --kubeconfig FILE) or "
                  "reconnect a context (PUT /api/integrations/connections/{id} "
                  "{\"status\": \"connected\"})");
    }
    return targets;
  }
  for (const std::string& name : chosen) {
    const auto found = std::find_if(all.begin(), all.end(), [&](const store::Connection& c) {
      return c.meta.id.toString() == name || c.name == name;
    });
    if (found == all.end()) {
      throw Error(ErrorCode::kNotFound, "no Kubernetes context " + name,
                  "none of your contexts has this id or name",
                  "list them with GET /api/system/kubernetes/contexts");
    }
    if (std::none_of(targets.begin(), targets.end(), [&](const store::Connection& c) {
          return c.meta.id == found->meta.id;
        })) {
      targets.push_back(*found);
    }
  }
  return targets;
}

/// Where a field the API server names lives in the design's component:
/// metadata.name is its displayName, apiVersion and kind its component's
/// version and kind, the rest its configuration.
std::string componentPathOf(std::string field) {
  if (field.starts_with('.')) field.erase(0, 1);
  if (field == "metadata.name") return "displayName";
  if (field == "apiVersion") return "component.version";
  if (field == "kind") return "component.kind";
  return field.empty() ? "configuration" : "configuration." + field;
}

json errorOf(const kube::DeployResult& result, const std::string& component_name) {
  json causes = json::array();
  for (const kube::StatusCause& cause : result.causes) {
    const std::string path = componentPathOf(cause.field);
    causes.push_back({{"message", cause.message},
                      {"type", cause.reason},
                      {"field", cause.field},
                      {"path", path},
                      {"fieldPath", component_name + "." + path}});
  }
  json error = {{"message", result.error}, {"causes", causes}};
  if (result.status != 0) error["status"] = result.status;
  return error;
}

/// The object without what the design's component holds apart from its
/// configuration (Meshery's dry-run `component`).
json configurationOf(json object) {
  if (!object.is_object()) return object;
  object.erase("apiVersion");
  object.erase("kind");
  object.erase("metadata");
  return object;
}

struct Component {
  std::string id;
  std::string name;
  /// Its key in Meshery's dryRunResponse: its name, or "Kind/name" when
  /// other components share the name.
  std::string key;
};

class Answer {
 public:
  Answer(const design::Design& design, bool dry_run, bool undeploy)
      : dry_run_(dry_run), undeploy_(undeploy) {
    answer_ = {{"dryRun", dry_run},
               {"design", {{"id", design.id.toString()}, {"name", design.name}}},
               {"contexts", json::array()},
               {"results", json::array()}};
  }

  void context(const store::Connection& connection, const std::string& error) {
    json item = {{"id", connection.meta.id.toString()},
                 {"name", connection.name},
                 {"server", connection.metadata.value("server", "")},
                 {"success", error.empty()}};
    if (!error.empty()) item["error"] = error;
    answer_["contexts"].push_back(std::move(item));
  }

  void result(const store::Connection& connection, const Component& component,
              const kube::DeployResult& result) {
    const std::string where =
        result.namespace_.empty() ? result.name : result.namespace_ + "/" + result.name;
    json item = {{"componentId", component.id},
                 {"componentName", component.name},
                 {"apiVersion", result.api_version},
                 {"kind", result.kind},
                 {"name", result.name},
                 {"namespace", result.namespace_},
                 {"contextId", connection.meta.id.toString()},
                 {"contextName", connection.name},
                 {"success", result.ok}};
    if (result.ok) {
      item["action"] = result.action;
      item["message"] = result.kind + " " + where + " " + result.action +
                        (dry_run_ ? " (dry run)" : "");
      if (!result.unchecked.empty()) {
        item["unchecked"] = result.unchecked;
        item["message"] = item["message"].get<std::string>() + "; " + result.unchecked;
      }
      ++counts_[result.action];
    } else {
      item["message"] = result.kind + " " + where + ": " + result.error;
      item["error"] = errorOf(result, component.name);
      ++counts_["failed"];
    }
    if (dry_run_ && !undeploy_) {
      json entry = {{"success", result.ok}};
      if (result.ok) {
        item["object"] = result.object;
        entry["component"] = configurationOf(result.object);
      } else {
        entry["error"] = item["error"];
      }
      answer_["dryRunResponse"][component.key][connection.meta.id.toString()] = std::move(entry);
    }
    answer_["results"].push_back(std::move(item));
  }

  json finish() && {
    answer_["summary"] = counts_;
    answer_["success"] = !counts_.contains("failed") &&
                         std::all_of(answer_["contexts"].begin(), answer_["contexts"].end(),
                                     [](const json& c) { return c.value("success", false); });
    return std::move(answer_);
  }

 private:
  bool dry_run_;
  bool undeploy_;
  json answer_;
  std::map<std::string, int> counts_;
};

/// Why a component cannot be sent, or "" when it can.
std::string unsendable(const json& object) {
  if (object.value("apiVersion", "").empty() || object.value("kind", "").empty())
    return "the component names no Kubernetes apiVersion and kind";
  const json metadata = object.value("metadata", json::object());
  if (!metadata.is_object() || metadata.value("name", "").empty())
    return "the component has no name (its displayName is empty)";
  return {};
}

http::Response run(Services& services, http::Request& request, const Principal& principal,
                   bool undeploy) {
  DeployRequest wanted = deployRequestOf(services, request, principal);
  if (wanted.verify && !undeploy) {
    const auto issues = design::validateDesign(wanted.design, *services.registry.current());
    if (!issues.empty()) {
      json body = http::errorJson(Error(
          ErrorCode::kInvalidArgument, "the design does not validate: nothing was deployed",
          std::to_string(issues.size()) + " configuration(s) break their component's schema",
          "fix them (see validation), or deploy without verify"));
      body["validation"] = issuesJson(issues);
      return http::Response::json(body, http::statusFor(ErrorCode::kInvalidArgument));
    }
  }
  const std::vector<store::Connection> targets = targetsOf(services, principal, wanted.contexts);

  std::vector<design::DesignResource> resources = design::resourcesOf(wanted.design);
  std::map<std::string, int> named;
  for (const design::DesignResource& resource : resources) ++named[resource.component_name];
  std::vector<kube::DeployObject> objects;
  std::map<std::string, Component> components;  // by component id
  std::vector<std::pair<Component, kube::DeployResult>> refused;
  for (design::DesignResource& resource : resources) {
    Component component{resource.component_id, resource.component_name, resource.component_name};
    if (named[component.name] > 1)
      component.key = resource.object.value("kind", "") + "/" + component.name;
    if (std::string why = unsendable(resource.object); !why.empty()) {
      kube::DeployResult result;
      result.component_id = component.id;
      result.api_version = resource.object.value("apiVersion", "");
      result.kind = resource.object.value("kind", "");
      result.name = component.name;
      result.error = std::move(why);
      refused.emplace_back(component, std::move(result));
      continue;
    }
    components[component.id] = component;
    objects.push_back({std::move(resource.object), component.id});
  }

  Answer answer(wanted.design, wanted.dry_run, undeploy);
  for (store::Connection connection : targets) {
    if (connection.status != store::ConnectionStatus::kConnected) {
      answer.context(connection, "the context is " +
                                     std::string(store::toString(connection.status)) +
                                     ", not connected: connect it first");
      continue;
    }
    try {
      pingAndRecord(services, connection);
    } catch (const Error& error) {
      answer.context(connection, error.message() + (error.cause().empty() ? "" : " (" + error.cause() + ")"));
      continue;
    }
    answer.context(connection, "");
    kube::ClientLimits limits;
    limits.timeout = std::chrono::seconds(30);
    kube::KubeClient client(credentialOf(services, connection), limits);
    kube::DeployOptions options;
    options.dry_run = wanted.dry_run;
    options.force = wanted.upgrade;
    options.skip_crds = wanted.skip_crds;
    const auto results = undeploy ? kube::undeploy(client, objects, wanted.dry_run)
                                  : kube::deploy(client, objects, options);
    for (const kube::DeployResult& result : results)
      answer.result(connection, components[result.component_id], result);
    for (const auto& [component, result] : refused) answer.result(connection, component, result);
  }
  return http::Response::json(std::move(answer).finish());
}

http::Response deployRoute(Services& services, http::Request& request, const Principal& principal) {
  return run(services, request, principal, false);
}

http::Response undeployRoute(Services& services, http::Request& request,
                             const Principal& principal) {
  return run(services, request, principal, true);
}

}  // namespace

void registerDeployRoutes(http::Router& router, Services& all) {
  using M = http::Method;
  addGuarded(router, all, M::kPost, "/api/pattern/deploy", "design.deploy",
      "deploy a design to Kubernetes contexts", deployRoute);
  addGuarded(router, all, M::kDelete, "/api/pattern/deploy", "design.undeploy",
      "undeploy a design from Kubernetes contexts", undeployRoute);
}

}  // namespace meshery::api
