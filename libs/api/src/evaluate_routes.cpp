// POST /api/meshmodels/relationships/evaluate (and /api/registry/…):
// Meshery's relationship evaluation of a design (libs/policy) with the
// registry's relationship definitions of the models the design uses.
#include <algorithm>
#include <map>
#include <set>

#include "handler.hpp"
#include "meshery/policy/evaluate.hpp"
#include "meshery/registry/registry.hpp"

namespace meshery::api {
namespace {

using nlohmann::json;

/// Meshery's trace: the ids each kind of action touched.
json traceOf(const std::vector<policy::Action>& actions) {
  json trace = {{"componentsAdded", json::array()},      {"componentsUpdated", json::array()},
                {"componentsRemoved", json::array()},    {"relationshipsAdded", json::array()},
                {"relationshipsUpdated", json::array()}, {"relationshipsRemoved", json::array()}};
  static const std::map<std::string, const char*> kLists = {
      {"add_component", "componentsAdded"},
      {"update_component", "componentsUpdated"},
      {"update_component_configuration", "componentsUpdated"},
      {"delete_component", "componentsRemoved"},
      {"add_relationship", "relationshipsAdded"},
      {"update_relationship", "relationshipsUpdated"},
      {"delete_relationship", "relationshipsRemoved"}};
  for (const auto& action : actions) {
    const auto list = kLists.find(action.op);
    if (list == kLists.end()) continue;
    json& ids = trace[list->second];
    const json id = action.value.contains("item") ? action.value["item"].value("id", "")
                                                  : action.value.value("id", "");
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return trace;
}

/// The design with only what the actions touched (returnDiffOnly).
json diffOnly(const json& design, const json& trace) {
  json diff = design;
  const auto keep = [&](const char* field, std::initializer_list<const char*> lists) {
    std::set<std::string> ids;
    for (const char* list : lists) {
      for (const json& id : trace[list]) ids.insert(id.get<std::string>());
    }
    json kept = json::array();
    for (const json& item : design.value(field, json::array())) {
      if (ids.contains(item.value("id", ""))) kept.push_back(item);
    }
    diff[field] = std::move(kept);
  };
  keep("components", {"componentsAdded", "componentsUpdated"});
  keep("relationships", {"relationshipsAdded", "relationshipsUpdated"});
  return diff;
}

http::Response evaluate(Services& services, http::Request& request) {
  json body = request.jsonBody();
  if (!body.is_object() || !body.contains("design") || !body["design"].is_object()) {
    throw Error(ErrorCode::kInvalidArgument, "the request has no design to evaluate",
                "relationship evaluation reads the design from the body's \"design\" object",
                R"(send {"design": {"components": [...], "relationships": [...]}, "options": {}})");
  }
  const json options = body.value("options", json::object());
  auto snapshot = services.registry.current();
  policy::EvaluationResult result =
      policy::evaluateWithRegistry(std::move(body["design"]), *snapshot);
  json actions = json::array();
  for (const auto& action : result.actions) {
    actions.push_back({{"op", action.op}, {"value", action.value}});
  }
  const json trace = traceOf(result.actions);
  json answer = {
      {"schemaVersion", result.design.value("schemaVersion", "designs.meshery.io/v1beta1")},
      {"design", boolMember(options, "returnDiffOnly", false) ? diffOnly(result.design, trace)
                                                              : std::move(result.design)},
      {"actions", std::move(actions)},
      {"timestamp", formatTimestamp(std::chrono::system_clock::now())}};
  if (boolMember(options, "enableTrace", false)) answer["trace"] = trace;
  return http::Response::json(answer);
}

}  // namespace

void registerEvaluationRoutes(http::Router& router, Services& services) {
  for (std::string_view prefix : kRegistryPrefixes) {
    router.add(http::Method::kPost, std::string(prefix) + "/relationships/evaluate",
               guarded(services, "design.evaluate",
                       [&services](http::Request& request, const Principal&) {
                         return evaluate(services, request);
                       }),
               {http::Dispatch::kBlocking, 0, "evaluate a design's relationships"});
  }
}

}  // namespace meshery::api
