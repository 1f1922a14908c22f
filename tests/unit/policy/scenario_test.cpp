// Relationship evaluation scenarios (tests/golden/policy/*.json): a design's
// components, then steps — each optionally changes the design evaluated so
// far (sets a value, removes a component, adds one), evaluates it with the
// bundled Kubernetes definitions and compares the relationships it holds
// and the actions taken with the expected ones.
//
// A relationship is written "kind/subType from -> to status" with the
// components' display names (a sibling group "kind/subType a, b status",
// every member); an action "op" or "op name". A step may also declare a
// relationship by hand ("declare": kind, subType, from, to, status) and
// expect values of the components ("values": id, path, value; null for
// none).
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <stdexcept>

#include "meshery/policy/evaluate.hpp"
#include "meshery/policy/identify.hpp"
#include "policy_test_support.hpp"

namespace meshery::policy {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::factory;

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

const json& componentById(const json& design, const json& id) {
  for (const json& component : design["components"]) {
    if (component["id"] == id) return component;
  }
  throw std::runtime_error("no component " + id.dump());
}

/// A relationship declared by hand (as a user draws it): {"kind",
/// "subType", "from", "to", "status"}, made from the bundled definition of
/// that kind whose items admit the two components, without the values the
/// engine records.
json declarationNamed(const json& design, const json& declared) {
  const json& from = componentById(design, declared.at("from"));
  const json& to = componentById(design, declared.at("to"));
  for (const auto* definition : definitions()) {
    if (definition->kind != declared.at("kind") || definition->sub_type != declared.at("subType"))
      continue;
    for (std::size_t s = 0; s < definition->selectors.size(); ++s) {
      const auto& allow = definition->selectors[s].allow;
      for (std::size_t f = 0; f < allow.from.size(); ++f) {
        for (std::size_t t = 0; t < allow.to.size(); ++t) {
          if (!admits(allow.from[f], from) || !admits(allow.to[t], to)) continue;
          json declaration = declarationOf({definition, s, f, t, from.at("id"), to.at("id"), ""});
          declaration["status"] = declared.value("status", "approved");
          return declaration;
        }
      }
    }
  }
  throw std::runtime_error("no definition relates " + declared.dump());
}

/// The value at `path` in the component `id` (null when absent).
json valueAt(const json& design, const json& id, const json& path) {
  const json* node = &componentById(design, id);
  for (const json& part : path) {
    const std::string key = part.get<std::string>();
    if (node->is_array() && !key.empty() && std::isdigit(static_cast<unsigned char>(key[0]))) {
      const auto index = std::stoul(key);
      if (index >= node->size()) return nullptr;
      node = &(*node)[index];
    } else if (node->is_object() && node->contains(key)) {
      node = &(*node)[key];
    } else {
      return nullptr;
    }
  }
  return *node;
}

void applyChange(json& design, const json& change) {
  for (const json& set : change.value("set", json::array())) {
    for (json& component : design["components"]) {
      if (component["id"] != set.at("id")) continue;
      json* node = &component;
      for (const json& part : set.at("path")) {
        const std::string key = part.get<std::string>();
        node = node->is_array() ? &(*node)[std::stoul(key)] : &(*node)[key];
      }
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
  for (const json& declared : change.value("declare", json::array())) {
    design["relationships"].push_back(declarationNamed(design, declared));
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
    for (const json& value : expect.value("values", json::array())) {
      EXPECT_EQ(valueAt(result.design, value.at("id"), value.at("path")), value.at("value"))
          << "step " << step_number << ": " << value.dump();
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
