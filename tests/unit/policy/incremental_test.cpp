// Incremental evaluation: each edit of a design kept by an
// IncrementalEvaluation gives the design that evaluating the whole edited
// design gives (but for the patch version and the order of what is
// appended), and a local edit evaluates few components.
#include "meshery/policy/incremental.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>

#include "meshery/core/error.hpp"
#include "policy_test_support.hpp"

namespace meshery::policy {
namespace {

using nlohmann::json;
using testing::component;
using testing::factory;

std::vector<const registry::RelationshipDefinition*> definitions() {
  static const auto all = testing::allBundled();
  std::vector<const registry::RelationshipDefinition*> out;
  for (const auto& definition : all) out.push_back(&definition);
  return out;
}

json metadata(const std::string& name, int ns) {
  return {{"name", name}, {"namespace", "team-" + std::to_string(ns)}};
}

/// Applications of a Deployment (two containers, a mounted ConfigMap and
/// Secret, a ServiceAccount), a Service, a Role and a RoleBinding, in
/// namespaces team-0..team-3 of which the design declares the first two.
json generated(int apps) {
  json components = json::array();
  for (int n = 0; n < 2; ++n) {
    components.push_back(
        component("ns-" + std::to_string(n), "Namespace", "team-" + std::to_string(n), {}));
  }
  for (int i = 0; i < apps; ++i) {
    const std::string app = "app-" + std::to_string(i);
    const int ns = i % 4;
    const json labels = {{"app", app}, {"tier", i % 3 == 0 ? "web" : "api"}};
    json containers = json::array({{{"name", "main"}, {"image", "nginx"}}});
    if (i % 2 == 0) containers.push_back({{"name", "sidecar"}, {"image", "envoy"}});
    components.push_back(component(
        app + "-deploy", "Deployment", app,
        {{"metadata", metadata(app, ns)},
         {"spec",
          {{"template",
            {{"metadata", {{"labels", labels}}},
             {"spec",
              {{"serviceAccountName", app},
               {"containers", containers},
               {"volumes", json::array({{{"name", "c"}, {"configMap", {{"name", app + "-cm"}}}},
                                        {{"name", "s"}, {"secret", {{"secretName", app}}}}})}}}}}}}}));
    components.push_back(component(app + "-svc", "Service", app,
                                   {{"metadata", metadata(app, ns)},
                                    {"spec", {{"selector", {{"app", app}}}}}}));
    components.push_back(
        component(app + "-cm", "ConfigMap", app + "-cm", {{"metadata", metadata(app + "-cm", ns)}}));
    components.push_back(
        component(app + "-secret", "Secret", app, {{"metadata", metadata(app, ns)}}));
    components.push_back(
        component(app + "-sa", "ServiceAccount", app, {{"metadata", metadata(app, ns)}}));
    components.push_back(
        component(app + "-role", "Role", app, {{"metadata", metadata(app, ns)}}));
    components.push_back(component(
        app + "-rb", "RoleBinding", app,
        {{"metadata", metadata(app, ns)},
         {"roleRef", {{"kind", "Role"}, {"name", app}}},
         {"subjects", json::array({{{"kind", "ServiceAccount"}, {"name", app}}})}}));
  }
  return {{"id", "00000000-0000-0000-0000-000000000001"},  {"name", "generated"},
          {"schemaVersion", "designs.meshery.io/v1beta1"}, {"version", "0.0.1"},
          {"components", std::move(components)},           {"relationships", json::array()}};
}

/// A design as compared: components and relationships by id, no version.
json canonical(json d) {
  d.erase("version");
  for (const char* list : {"components", "relationships"}) {
    json& items = d[list];
    std::sort(items.begin(), items.end(), [](const json& a, const json& b) {
      return a.value("id", "") < b.value("id", "");
    });
  }
  return d;
}

std::vector<std::string> actionTexts(const std::vector<Action>& actions) {
  std::vector<std::string> out;
  for (const Action& action : actions) out.push_back(action.op + " " + action.value.dump());
  std::sort(out.begin(), out.end());
  return out;
}

json componentIn(const json& d, const std::string& id) {
  for (const json& each : d["components"]) {
    if (each.value("id", "") == id) return each;
  }
  throw std::out_of_range("no component " + id);
}

/// The whole-design evaluation the incremental one is checked against.
struct Reference {
  json design;

  std::vector<Action> upsert(const json& changed) {
    bool replaced = false;
    for (json& each : design["components"]) {
      if (each.value("id", "") == changed.value("id", "")) {
        each = changed;
        replaced = true;
      }
    }
    if (!replaced) design["components"].push_back(changed);
    return evaluate();
  }

  std::vector<Action> remove(const std::string& id) {
    auto& all = design["components"];
    all.erase(std::remove_if(all.begin(), all.end(),
                             [&](const json& each) { return each.value("id", "") == id; }),
              all.end());
    return evaluate();
  }

  std::vector<Action> evaluate() {
    auto result = evaluateDesign(design, definitions(), factory);
    design = std::move(result.design);
    return result.actions;
  }
};

/// An edit of one kind, made on a copy of a component of the design.
struct Edit {
  std::string what;
  std::optional<json> component;  ///< nullopt: remove `id`
  std::string id;
};

Edit randomEdit(std::mt19937& random, const json& d) {
  const json& all = d["components"];
  const auto pick = [&](const std::string& kind) -> const json* {
    std::vector<const json*> of;
    for (const json& each : all) {
      if (each["component"].value("kind", "") == kind) of.push_back(&each);
    }
    if (of.empty()) return nullptr;
    return of[std::uniform_int_distribution<std::size_t>(0, of.size() - 1)(random)];
  };
  const auto app = [&] { return "app-" + std::to_string(random() % 12); };
  const auto ns = [&] { return "team-" + std::to_string(random() % 5); };
  for (;;) {
    switch (random() % 9) {
      case 0:
        if (const json* service = pick("Service")) {
          json edited = *service;
          edited["configuration"]["spec"]["selector"] = {{"app", app()}};
          return {"selector", edited, ""};
        }
        break;
      case 1:
        if (const json* deployment = pick("Deployment")) {
          json edited = *deployment;
          edited["configuration"]["spec"]["template"]["metadata"]["labels"]["app"] = app();
          return {"pod labels", edited, ""};
        }
        break;
      case 2: {
        const json& any = all[random() % all.size()];
        if (any["component"].value("kind", "") == "Namespace" ||
            !any["configuration"].contains("metadata"))
          break;
        json edited = any;
        edited["configuration"]["metadata"]["namespace"] = ns();
        return {"namespace", edited, ""};
      }
      case 3: {
        const json& any = all[random() % all.size()];
        return {"remove " + any["component"].value("kind", ""), std::nullopt,
                any.value("id", "")};
      }
      case 4: {
        const std::string id = "extra-" + std::to_string(random());
        return {"add Service", component(id, "Service", id,
                                         {{"metadata", {{"namespace", ns()}}},
                                          {"spec", {{"selector", {{"app", app()}}}}}}),
                ""};
      }
      case 5:
        if (const json* binding = pick("RoleBinding")) {
          json edited = *binding;
          edited["configuration"]["subjects"].push_back(
              {{"kind", "ServiceAccount"}, {"name", app()}});
          return {"subjects", edited, ""};
        }
        break;
      case 6:
        if (const json* namespace_ = pick("Namespace")) {
          json edited = *namespace_;
          edited["displayName"] = ns();
          return {"rename Namespace", edited, ""};
        }
        break;
      case 7:
        if (const json* deployment = pick("Deployment")) {
          json edited = *deployment;
          json& containers = edited["configuration"]["spec"]["template"]["spec"]["containers"];
          if (containers.size() > 1) {
            containers.erase(containers.size() - 1);
          } else {
            containers.push_back({{"name", "extra"}, {"image", "busybox"}});
          }
          return {"containers", edited, ""};
        }
        break;
      case 8:
        if (const json* config = pick("ConfigMap")) {
          json edited = *config;
          edited["displayName"] = app() + "-cm";
          return {"ConfigMap name", edited, ""};
        }
        break;
    }
  }
}

TEST(IncrementalEvaluation, StartsFromTheWholeEvaluation) {
  const json d = generated(6);
  const IncrementalEvaluation incremental(d, definitions(), factory);
  const auto whole = evaluateDesign(d, definitions(), factory);
  EXPECT_EQ(incremental.design(), whole.design);
  EXPECT_EQ(actionTexts(incremental.initialActions()), actionTexts(whole.actions));
}

TEST(IncrementalEvaluation, EachEditGivesWhatTheWholeEvaluationGives) {
  int edits = 0;
  int wholes = 0;
  for (unsigned seed = 1; seed <= 4; ++seed) {
    std::mt19937 random(seed);
    IncrementalEvaluation incremental(generated(12), definitions(), factory);
    Reference reference{incremental.design()};
    for (int step = 0; step < 40; ++step) {
      const Edit edit = randomEdit(random, reference.design);
      const auto actions = edit.component ? incremental.upsert(*edit.component)
                                          : incremental.remove(edit.id);
      const auto expected =
          edit.component ? reference.upsert(*edit.component) : reference.remove(edit.id);
      ++edits;
      if (incremental.lastEdit().whole) ++wholes;
      const std::string where = "seed " + std::to_string(seed) + ", step " +
                                std::to_string(step) + ": " + edit.what;
      const json got = canonical(incremental.design());
      const json want = canonical(reference.design);
      ASSERT_TRUE(got == want) << where << ": " << json::diff(want, got).dump();
      EXPECT_EQ(actionTexts(actions), actionTexts(expected)) << where;
      const auto again = evaluateDesign(reference.design, definitions(), factory);
      ASSERT_EQ(actionTexts(again.actions), std::vector<std::string>{}) << where << " (idempotence)";
    }
  }
  // Most edits are evaluated in part (sibling regroupings and parents
  // created under a taken id are not).
  std::printf("%d edits, %d evaluated whole\n", edits, wholes);
  EXPECT_LT(wholes * 4, edits);
}

TEST(IncrementalEvaluation, ALocalEditEvaluatesTheComponentsItTouches) {
  IncrementalEvaluation incremental(generated(100), definitions(), factory);
  json service = componentIn(incremental.design(), "app-7-svc");
  service["configuration"]["spec"]["selector"] = {{"app", "app-11"}};
  const auto actions = incremental.upsert(service);
  EXPECT_FALSE(incremental.lastEdit().whole);
  EXPECT_LT(incremental.lastEdit().components, 40U);
  // app-11 is in team-3, the Service in team-3 too: the edge moves.
  std::vector<std::string> ops;
  for (const Action& action : actions) ops.push_back(action.op);
  EXPECT_NE(std::find(ops.begin(), ops.end(), "add_relationship"), ops.end());
  EXPECT_NE(std::find(ops.begin(), ops.end(), "delete_relationship"), ops.end());
  EXPECT_NE(incremental.design().value("version", ""), "0.0.1");
}

TEST(IncrementalEvaluation, AnEditThatChangesSiblingGroupsEvaluatesTheWholeDesign) {
  IncrementalEvaluation incremental(generated(4), definitions(), factory);
  json role = componentIn(incremental.design(), "app-1-role");
  role["configuration"]["metadata"]["labels"] = {{"team", "a"}};
  incremental.upsert(role);
  EXPECT_TRUE(incremental.lastEdit().whole);
}

TEST(IncrementalEvaluation, AParentCreatedAgainForARenamedOnesNameGetsAnIdOfItsOwn) {
  json d = generated(0);
  d["components"].push_back(component("s", "Service", "s", {{"metadata", {{"namespace", "x"}}}}));
  IncrementalEvaluation incremental(d, definitions(), factory);
  Reference reference{incremental.design()};
  std::string created;
  for (const json& each : incremental.design()["components"]) {
    if (each["component"].value("kind", "") == "Namespace" && each.value("displayName", "") == "x")
      created = each.value("id", "");
  }
  ASSERT_FALSE(created.empty());
  json renamed = componentIn(incremental.design(), created);
  renamed["displayName"] = "y";
  incremental.upsert(renamed);
  reference.upsert(renamed);
  EXPECT_EQ(componentIn(incremental.design(), "s")["configuration"]["metadata"]["namespace"], "y");
  // A new component in "x": its Namespace is created anew, beside "y".
  const json again = component("t", "Service", "t", {{"metadata", {{"namespace", "x"}}}});
  incremental.upsert(again);
  reference.upsert(again);
  EXPECT_TRUE(incremental.lastEdit().whole);
  EXPECT_EQ(canonical(incremental.design()), canonical(reference.design));
  std::set<std::string> ids;
  for (const json& each : incremental.design()["components"]) ids.insert(each.value("id", ""));
  EXPECT_EQ(ids.size(), incremental.design()["components"].size());
}

TEST(IncrementalEvaluation, AComponentWithoutAnIdIsRefused) {
  IncrementalEvaluation incremental(generated(1), definitions(), factory);
  EXPECT_THROW(incremental.upsert(component("", "Service", "x", json::object())), Error);
  EXPECT_TRUE(incremental.remove("no-such-component").empty());
}

}  // namespace
}  // namespace meshery::policy
