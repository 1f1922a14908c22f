// The evaluation passes over whole designs, with the bundled Kubernetes
// definitions: what is added, approved, deleted and created, and the
// properties the contract promises (idempotent, order-independent).
#include "meshery/policy/evaluate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "meshery/core/uuid.hpp"
#include "policy_test_support.hpp"
#include "support/meshery_test/kubernetes_registry.hpp"

namespace meshery::policy {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::vector<const registry::RelationshipDefinition*>& definitions() {
  static const auto all = testing::allBundled();
  static const auto pointers = [] {
    std::vector<const registry::RelationshipDefinition*> out;
    for (const auto& definition : all) out.push_back(&definition);
    return out;
  }();
  return pointers;
}

using testing::component;
using testing::factory;

json service(const std::string& id, json selector) {
  return component(
      id, "Service", "svc-" + id,
      {{"metadata", {{"namespace", "default"}}}, {"spec", {{"selector", std::move(selector)}}}});
}

json deployment(const std::string& id, json labels) {
  return component(id, "Deployment", "deploy-" + id,
                   {{"metadata", {{"namespace", "default"}}},
                    {"spec", {{"template", {{"metadata", {{"labels", std::move(labels)}}}}}}}});
}

json design(json components) {
  return {{"id", "00000000-0000-0000-0000-000000000001"},  {"name", "test"},
          {"schemaVersion", "designs.meshery.io/v1beta1"}, {"version", "0.0.1"},
          {"components", std::move(components)},           {"relationships", json::array()}};
}

std::vector<std::string> ops(const EvaluationResult& result) {
  std::vector<std::string> out;
  for (const Action& action : result.actions) out.push_back(action.op);
  return out;
}

/// kind/subType from -> to, status, for every declaration of a design.
std::vector<std::string> relationshipsOf(const json& d) {
  std::vector<std::string> out;
  for (const json& relationship : d["relationships"]) {
    const json& allow = relationship["selectors"][0]["allow"];
    out.push_back(
        relationship["kind"].get<std::string>() + "/" + relationship["subType"].get<std::string>() +
        " " + allow["from"][0]["id"].get<std::string>() + " -> " +
        allow["to"][0]["id"].get<std::string>() + " " + relationship["status"].get<std::string>());
  }
  std::sort(out.begin(), out.end());
  return out;
}

using Lines = std::vector<std::string>;

const json kWeb = design({service("s", {{"app", "web"}}), deployment("d", {{"app", "web"}}),
                          component("ns", "Namespace", "default", json::object())});

TEST(EvaluateDesign, AServiceAndItsDeploymentGetAnApprovedNetworkEdge) {
  const auto result = evaluateDesign(kWeb, definitions(), factory);
  EXPECT_EQ(relationshipsOf(result.design),
            (Lines{"edge/network s -> d approved", "hierarchical/inventory d -> ns approved",
                   "hierarchical/inventory s -> ns approved"}));
  EXPECT_EQ(ops(result), (std::vector<std::string>{"add_relationship", "add_relationship",
                                                   "add_relationship", "update_relationship"}));
  EXPECT_EQ(result.design["version"], "0.0.2");
}

TEST(EvaluateDesign, EvaluatingTheResultAgainChangesNothing) {
  const auto first = evaluateDesign(kWeb, definitions(), factory);
  const auto second = evaluateDesign(first.design, definitions(), factory);
  EXPECT_TRUE(second.actions.empty());
  EXPECT_EQ(second.design.dump(), first.design.dump());
}

TEST(EvaluateDesign, TheOrderOfComponentsDoesNotChangeTheResult) {
  json reversed = kWeb;
  std::reverse(reversed["components"].begin(), reversed["components"].end());
  const auto a = evaluateDesign(kWeb, definitions(), factory);
  const auto b = evaluateDesign(reversed, definitions(), factory);
  EXPECT_EQ(a.design["relationships"].dump(), b.design["relationships"].dump());
  EXPECT_EQ(ops(a), ops(b));
}

TEST(EvaluateDesign, TheEdgeGoesAwayWhenTheLabelsChange) {
  json d = evaluateDesign(kWeb, definitions(), factory).design;
  for (json& c : d["components"]) {
    if (c["id"] == "d") c["configuration"]["spec"]["template"]["metadata"]["labels"]["app"] = "api";
  }
  const auto result = evaluateDesign(d, definitions(), factory);
  EXPECT_EQ(relationshipsOf(result.design), (Lines{"hierarchical/inventory d -> ns approved",
                                                   "hierarchical/inventory s -> ns approved"}));
  EXPECT_EQ(ops(result), (std::vector<std::string>{"update_relationship", "delete_relationship"}));
}

TEST(EvaluateDesign, DeletingAComponentDeletesItsRelationships) {
  json d = evaluateDesign(kWeb, definitions(), factory).design;
  auto& components = d["components"];
  components.erase(std::remove_if(components.begin(), components.end(),
                                  [](const json& c) { return c["id"] == "d"; }),
                   components.end());
  const auto result = evaluateDesign(d, definitions(), factory);
  EXPECT_EQ(relationshipsOf(result.design), (Lines{"hierarchical/inventory s -> ns approved"}));
}

TEST(EvaluateDesign, AMissingNamespaceIsCreatedAndParentsItsComponents) {
  const json d =
      design({component("cm", "ConfigMap", "settings", {{"metadata", {{"namespace", "team"}}}}),
              component("cm2", "ConfigMap", "more", {{"metadata", {{"namespace", "team"}}}})});
  const auto result = evaluateDesign(d, definitions(), factory);
  const std::string ns =
      Uuid::v5(Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/relationships/parents"),
               "Namespace/team")
          .toString();
  ASSERT_EQ(result.design["components"].size(), 3U);
  const json& created = result.design["components"][2];
  EXPECT_EQ(created["id"], ns);
  EXPECT_EQ(created["displayName"], "team");
  EXPECT_EQ(created["configuration"]["metadata"]["name"], "team");
  EXPECT_EQ(relationshipsOf(result.design),
            (Lines{"hierarchical/inventory cm -> " + ns + " approved",
                   "hierarchical/inventory cm2 -> " + ns + " approved"}));
  EXPECT_EQ(ops(result).front(), "add_component");
  EXPECT_TRUE(evaluateDesign(result.design, definitions(), factory).actions.empty());
}

TEST(EvaluateDesign, ARelationshipRecordsTheValuesItHoldsWith) {
  const auto result = evaluateDesign(kWeb, definitions(), factory);
  for (const json& relationship : result.design["relationships"]) {
    const bool copyable = relationship["kind"] == "hierarchical";  // equal values, copied
    EXPECT_EQ(relationship.contains("metadata") &&
                  relationship["metadata"].contains("mutatorValues"),
              copyable)
        << relationship.dump();
    if (copyable) {
      EXPECT_EQ(relationship["metadata"]["mutatorValues"], json::array({"default"}));
    }
  }
}

TEST(EvaluateDesign, APartOfAParentGoneGetsItsSchemaDefault) {
  json d = design({component("ns", "Namespace", "team", json::object()),
                   component("cm", "ConfigMap", "settings", {{"metadata", {{"namespace", "team"}}}})});
  d = evaluateDesign(d, definitions(), factory).design;
  d["components"].erase(d["components"].begin());  // the Namespace
  std::vector<registry::RefPath> asked;
  const SchemaDefault defaults = [&asked](const json& component, const registry::RefPath& path) {
    asked.push_back(path);
    EXPECT_EQ(component["id"], "cm");
    return std::optional<json>("default");
  };
  const auto result = evaluateDesign(d, definitions(), factory, defaults);
  EXPECT_EQ(asked, (std::vector<registry::RefPath>{{"configuration", "metadata", "namespace"}}));
  const json* settings = nullptr;
  for (const json& c : result.design["components"]) {
    if (c["id"] == "cm") settings = &c;
  }
  ASSERT_NE(settings, nullptr);
  EXPECT_EQ((*settings)["configuration"]["metadata"]["namespace"], "default");
  const auto action = std::find_if(result.actions.begin(), result.actions.end(), [](const Action& a) {
    return a.op == "update_component_configuration";
  });
  ASSERT_NE(action, result.actions.end());
  EXPECT_EQ(action->value, json({{"id", "cm"},
                                 {"path", {"configuration", "metadata", "namespace"}},
                                 {"value", "default"},
                                 {"mode", "replace"}}));
  // The restored value names a Namespace the design lacks: it is created.
  EXPECT_EQ(relationshipsOf(result.design).size(), 1U);
  EXPECT_TRUE(evaluateDesign(result.design, definitions(), factory, defaults).actions.empty());
}

TEST(EvaluateWithRegistry, ANamespaceRenamedOrRemovedMovesOrFreesWhatItHolds) {
  const auto& registry = meshery::testing::kubernetesRegistry();
  json d = design({component("ns", "Namespace", "red", {{"metadata", {{"name", "red"}}}}),
                   component("cm", "ConfigMap", "settings", {{"metadata", {{"namespace", "red"}}}})});
  d = evaluateWithRegistry(d, registry).design;
  ASSERT_EQ(relationshipsOf(d), (Lines{"hierarchical/inventory cm -> ns approved"}));
  d["components"][0]["displayName"] = "blue";
  d = evaluateWithRegistry(d, registry).design;
  EXPECT_EQ(d["components"][1]["configuration"]["metadata"]["namespace"], "blue");
  EXPECT_EQ(relationshipsOf(d), (Lines{"hierarchical/inventory cm -> ns approved"}));
  // The registry's ConfigMap schema gives metadata.namespace no default: it goes.
  d["components"].erase(d["components"].begin());
  const auto result = evaluateWithRegistry(d, registry);
  EXPECT_FALSE(result.design["components"][0]["configuration"]["metadata"].contains("namespace"));
  EXPECT_TRUE(result.design["relationships"].empty());
  EXPECT_TRUE(evaluateWithRegistry(result.design, registry).actions.empty());
}

TEST(EvaluateDesign, ARoleBindingLinksItsRoleAndServiceAccountUntilItIsDeleted) {
  json d =
      design({component("r", "Role", "reader", {{"metadata", {{"namespace", "default"}}}}),
              component("rb", "RoleBinding", "reader-binding",
                        {{"metadata", {{"namespace", "default"}}},
                         {"roleRef", {{"kind", "Role"}, {"name", "reader"}}},
                         {"subjects", {{{"kind", "ServiceAccount"}, {"name", "app"}}}}}),
              component("sa", "ServiceAccount", "app", {{"metadata", {{"namespace", "default"}}}}),
              component("ns", "Namespace", "default", json::object())});
  d = evaluateDesign(d, definitions(), factory).design;
  const Lines with_binding = relationshipsOf(d);
  EXPECT_NE(std::find(with_binding.begin(), with_binding.end(), "edge/permission r -> sa approved"),
            with_binding.end());
  auto& components = d["components"];
  components.erase(std::remove_if(components.begin(), components.end(),
                                  [](const json& c) { return c["id"] == "rb"; }),
                   components.end());
  const Lines without = relationshipsOf(evaluateDesign(d, definitions(), factory).design);
  EXPECT_EQ(std::find(without.begin(), without.end(), "edge/permission r -> sa approved"),
            without.end());
}

TEST(EvaluateDesign, AnEdgeAlreadyDeclaredIsNotDeclaredTwice) {
  // meshery#12274: duplicate Service-to-workload edges.
  json d = evaluateDesign(kWeb, definitions(), factory).design;
  for (json& relationship : d["relationships"]) {
    relationship["id"] = Uuid::v4().toString();  // declared by another engine
  }
  const auto result = evaluateDesign(d, definitions(), factory);
  EXPECT_TRUE(result.actions.empty());
  EXPECT_EQ(result.design["relationships"].size(), 3U);
}

TEST(EvaluateDesign, ContainerAliasesAreResolvedToTheirParentsPaths) {
  const json d = design(
      {component("d", "Deployment", "web",
                 {{"metadata", {{"namespace", "default"}}},
                  {"spec", {{"template", {{"spec", {{"containers", {{{"name", "web"}}}}}}}}}}}),
       component("ns", "Namespace", "default", json::object())});
  const auto result = evaluateDesign(d, definitions(), factory);
  const json& resolved = result.design["metadata"]["resolvedAliases"];
  ASSERT_EQ(resolved.size(), 1U) << result.design.dump();
  const json& alias = resolved.begin().value();
  EXPECT_EQ(alias["alias_component_id"], resolved.begin().key());
  EXPECT_EQ(alias["immediate_parent_id"], "d");
  EXPECT_EQ(alias["resolved_parent_id"], "d");
  EXPECT_EQ(alias["immediate_ref_field_path"],
            json::array({"spec", "template", "spec", "containers", "0"}));
  EXPECT_EQ(alias["resolved_ref_field_path"], alias["immediate_ref_field_path"]);
  // The alias node: a Container of meshery-core, an annotation, no configuration.
  const auto node =
      std::find_if(result.design["components"].begin(), result.design["components"].end(),
                   [&](const json& c) { return c["id"] == alias["alias_component_id"]; });
  ASSERT_NE(node, result.design["components"].end());
  EXPECT_EQ((*node)["component"]["kind"], "Container");
  EXPECT_EQ((*node)["model"]["name"], "meshery-core");
  EXPECT_EQ((*node)["metadata"]["isAnnotation"], true);
  EXPECT_EQ((*node)["displayName"], "containers 0");
  EXPECT_TRUE(evaluateDesign(result.design, definitions(), factory).actions.empty());
}

}  // namespace
}  // namespace meshery::policy
