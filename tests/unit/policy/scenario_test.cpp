// Relationship evaluation scenarios (tests/golden/policy/*.json): a design's
// components, then steps — each optionally changes the design evaluated so
// far (sets a value, removes a component, adds one), evaluates it with the
// bundled Kubernetes definitions and compares the relationships it holds
// and the actions taken with the expected ones.
//
// A relationship is written "kind/subType from -> to status" with the
// components' display names (a sibling group "kind/subType a, b status",
// every member); an action "op" or "op name".
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "meshery/policy/evaluate.hpp"
#include "policy_test_support.hpp"

namespace meshery::policy {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path scenarioDir() {
  return fs::path(MESHERY_TEST_SOURCE_DIR) / "tests" / "golden" / "policy";
}

const std::vector<const registry::RelationshipDefinition*>& definitions() {
  static const auto all = testing::allBundled();
  static const auto pointers = [] {
    std::vector<const registry::RelationshipDefinition*> out;
    for (const auto& definition : all) out.push_back(&definition);
    return out;
  }();
  return pointers;
}

/// The registry's Namespace and Container (meshery-core) components.
std::optional<json> factory(const std::string& model, const std::string& kind) {
  if (model == "kubernetes" && kind == "Namespace")
    return testing::component("", "Namespace", "", json::object());
  if (model == "meshery-core" && kind == "Container") {
    json container = testing::component("", "Container", "", json::object());
    container["model"]["name"] = "meshery-core";
    return container;
  }
  return std::nullopt;
}

/// A component written {"id", "kind", "name", "configuration"} in a scenario.
json componentOf(const json& written) {
  return testing::component(written.at("id"), written.at("kind"),
                            written.value("name", written.at("id").get<std::string>()),
                            written.value("configuration", json::object()));
}

std::map<std::string, std::string> namesOf(const json& design) {
  std::map<std::string, std::string> names;
  for (const json& component : design["components"]) {
    names[component.value("id", "")] = component.value("displayName", "");
  }
  return names;
}

std::vector<std::string> relationshipLines(const json& design) {
  const auto names = namesOf(design);
  std::vector<std::string> lines;
  for (const json& relationship : design["relationships"]) {
    const json& allow = relationship["selectors"][0]["allow"];
    if (relationship.value("type", "") == "sibling") {  // a group: every member
      std::vector<std::string> members;
      for (const json& item : allow["from"]) members.push_back(names.at(item.value("id", "")));
      std::sort(members.begin(), members.end());
      std::string line = relationship.value("kind", "") + "/" + relationship.value("subType", "");
      for (std::size_t i = 0; i < members.size(); ++i) line += (i ? ", " : " ") + members[i];
      lines.push_back(line + " " + relationship.value("status", ""));
      continue;
    }
    lines.push_back(relationship.value("kind", "") + "/" + relationship.value("subType", "") + " " +
                    names.at(allow["from"][0].value("id", "")) + " -> " +
                    names.at(allow["to"][0].value("id", "")) + " " +
                    relationship.value("status", ""));
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<std::string> actionLines(const EvaluationResult& result) {
  const auto names = namesOf(result.design);
  std::vector<std::string> lines;
  for (const Action& action : result.actions) {
    std::string line = action.op;
    if (action.op == "add_component") line += " " + action.value["item"].value("displayName", "");
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  return lines;
}

std::vector<std::string> sorted(const json& lines) {
  std::vector<std::string> out = lines.get<std::vector<std::string>>();
  std::sort(out.begin(), out.end());
  return out;
}

void applyChange(json& design, const json& change) {
  for (const json& set : change.value("set", json::array())) {
    for (json& component : design["components"]) {
      if (component["id"] != set.at("id")) continue;
      json* node = &component;
      for (const json& part : set.at("path")) node = &(*node)[part.get<std::string>()];
      *node = set.at("value");
    }
  }
  for (const json& id : change.value("remove", json::array())) {
    auto& components = design["components"];
    components.erase(std::remove_if(components.begin(), components.end(),
                                    [&](const json& c) { return c["id"] == id; }),
                     components.end());
  }
  for (const json& added : change.value("add", json::array())) {
    design["components"].push_back(componentOf(added));
  }
}

class Scenario : public ::testing::TestWithParam<fs::path> {};

TEST_P(Scenario, EvaluatesAsExpected) {
  std::ifstream in(GetParam());
  const json scenario = json::parse(in);
  json design = {{"id", "00000000-0000-0000-0000-0000000000aa"},
                 {"name", scenario.value("name", "scenario")},
                 {"schemaVersion", "designs.meshery.io/v1beta1"},
                 {"version", "0.0.1"},
                 {"components", json::array()},
                 {"relationships", json::array()}};
  for (const json& written : scenario.at("components")) {
    design["components"].push_back(componentOf(written));
  }
  int step_number = 0;
  for (const json& step : scenario.at("steps")) {
    ++step_number;
    applyChange(design, step.value("change", json::object()));
    EvaluationResult result = evaluateDesign(design, definitions(), factory);
    const json& expect = step.at("expect");
    EXPECT_EQ(relationshipLines(result.design), sorted(expect.at("relationships")))
        << "step " << step_number;
    if (expect.contains("actions")) {
      EXPECT_EQ(actionLines(result), sorted(expect.at("actions"))) << "step " << step_number;
    }
    // Every result is a fixed point, whatever its order of components.
    json reversed = result.design;
    std::reverse(reversed["components"].begin(), reversed["components"].end());
    EXPECT_TRUE(evaluateDesign(reversed, definitions(), factory).actions.empty())
        << "step " << step_number << ": evaluating the result again changed it";
    design = std::move(result.design);
  }
}

std::vector<fs::path> scenarios() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(scenarioDir())) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

INSTANTIATE_TEST_SUITE_P(Policy, Scenario, ::testing::ValuesIn(scenarios()),
                         [](const ::testing::TestParamInfo<fs::path>& param) {
                           std::string name = param.param.stem().string();
                           std::replace(name.begin(), name.end(), '-', '_');
                           return name;
                         });

}  // namespace
}  // namespace meshery::policy
