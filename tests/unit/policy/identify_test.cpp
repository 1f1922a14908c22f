// Identifying relationships between a design's components with the
// bundled Kubernetes relationship definitions (models/kubernetes/.../
// relationships): Services selecting workloads, Namespaces holding
// namespaced components, and Meshery's own evaluation fixture.
#include "meshery/policy/identify.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "policy_test_support.hpp"

namespace meshery::policy {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

using testing::bundled;
using testing::component;

json service(const std::string& id, json selector) {
  return component(id, "Service", "svc-" + id,
                   {{"metadata", {{"namespace", "default"}}},
                    {"spec", {{"selector", std::move(selector)}}}});
}

json deployment(const std::string& id, json labels) {
  return component(id, "Deployment", "deploy-" + id,
                   {{"metadata", {{"namespace", "default"}}},
                    {"spec", {{"template", {{"metadata", {{"labels", std::move(labels)}}}}}}}});
}

json design(json components) {
  return {{"components", std::move(components)}, {"relationships", json::array()}};
}

std::vector<std::pair<std::string, std::string>> pairs(
    const std::vector<FoundRelationship>& found) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& relationship : found) out.emplace_back(relationship.from_id, relationship.to_id);
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(IdentifyRelationships, AServiceSelectsTheDeploymentsWhosePodLabelsHoldItsSelector) {
  const auto network = bundled("edge-network-service-deployment.json");
  ASSERT_TRUE(relatesByValue(network));
  const json d = design({service("s1", {{"app", "web"}}),
                         deployment("d1", {{"app", "web"}, {"tier", "front"}}),
                         deployment("d2", {{"app", "api"}}), service("s2", {{"app", "api"}}),
                         deployment("d3", json::object())});
  EXPECT_EQ(pairs(findRelationships(d, network)), (Pairs{{"s1", "d1"}, {"s2", "d2"}}));
}

TEST(IdentifyRelationships, NoSelectorOrChangedLabelsMeanNoEdge) {
  const auto network = bundled("edge-network-service-deployment.json");
  json without_selector = service("s1", {{"app", "web"}});
  without_selector["configuration"]["spec"].erase("selector");
  EXPECT_TRUE(
      findRelationships(design({without_selector, deployment("d1", {{"app", "web"}})}), network)
          .empty());
  EXPECT_TRUE(
      findRelationships(
          design({service("s1", {{"app", "web"}}), deployment("d1", {{"app", "webx"}})}), network)
          .empty());
}

TEST(IdentifyRelationships, ComponentsThatNameNoNamespaceShareOne) {
  // The bundled definition compares the selector first; the same one
  // comparing the namespace first must find the same edges (the first
  // path is the one the partners are looked up by).
  std::ifstream in(testing::bundledRelationships() / "edge-network-service-deployment.json");
  json definition = json::parse(in);
  for (json& selector : definition["selectors"]) {
    json& from = selector["allow"]["from"][0];
    json& to = selector["allow"]["to"][0];
    for (json* list : {&from["patch"]["mutatorRef"], &to["patch"]["mutatedRef"],
                       &from["match_strategy_matrix"]})
      std::reverse(list->begin(), list->end());
  }
  for (const auto& network : {bundled("edge-network-service-deployment.json"),
                              registry::RelationshipDefinition::fromJson(definition)}) {
    json s1 = service("s1", {{"app", "web"}});
    json d1 = deployment("d1", {{"app", "web"}});
    json d2 = deployment("d2", {{"app", "web"}});
    s1["configuration"].erase("metadata");
    d1["configuration"].erase("metadata");
    // d2 names "default": not the namespace s1 and d1 are deployed to.
    EXPECT_EQ(pairs(findRelationships(design({s1, d1, d2}), network)), (Pairs{{"s1", "d1"}}));
  }
}

TEST(IdentifyRelationships, ANamespaceHoldsTheComponentsThatNameIt) {
  const auto inventory = bundled("hierarchical-parent-inventory.json");
  ASSERT_TRUE(relatesByValue(inventory));
  const json d =
      design({component("cm", "ConfigMap", "settings", {{"metadata", {{"namespace", "team"}}}}),
              component("ns", "Namespace", "team", json::object()),
              component("other", "Namespace", "other", {{"metadata", {{"namespace", "team"}}}}),
              component("d", "Deployment", "web", {{"metadata", {{"namespace", "elsewhere"}}}})});
  // A Namespace is never the child of another (the definition's deny).
  EXPECT_EQ(pairs(findRelationships(d, inventory)), (Pairs{{"cm", "ns"}}));
}

TEST(IdentifyRelationships, AConfigMapIsMountedByTheWorkloadsWhoseVolumesNameIt) {
  const auto mount = bundled("edge-mount-configmap-deployment.json");
  ASSERT_TRUE(relatesByValue(mount));  // a binding written as two parties
  const json volumes = {{{"name", "a"}, {"configMap", {{"name", "other"}}}},
                        {{"name", "b"}, {"configMap", {{"name", "settings"}}}}};
  const json in_default = {{"namespace", "default"}};
  const json d = design(
      {component("cm", "ConfigMap", "settings", {{"metadata", in_default}}),
       component("d1", "Deployment", "web",
                 {{"metadata", in_default},
                  {"spec", {{"template", {{"spec", {{"volumes", volumes}}}}}}}}),
       component("d2", "Deployment", "api",
                 {{"metadata", in_default},
                  {"spec", {{"template", {{"spec", {{"volumes", json::array()}}}}}}}}),
       component("d3", "Deployment", "elsewhere",  // another namespace's volume of that name
                 {{"metadata", {{"namespace", "other"}}},
                  {"spec", {{"template", {{"spec", {{"volumes", volumes}}}}}}}})});
  const auto found = findRelationships(d, mount);
  EXPECT_EQ(pairs(found), (Pairs{{"cm", "d1"}}));
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(declarationOf(found[0])["status"], "approved");
}

TEST(IdentifyRelationships, TheResultDoesNotDependOnTheOrderOfComponents) {
  const auto network = bundled("edge-network-service-deployment.json");
  json components = {service("s1", {{"app", "web"}}), deployment("d1", {{"app", "web"}}),
                     deployment("d2", {{"app", "web"}}), service("s2", {{"app", "web"}})};
  const auto first = findRelationships(design(components), network);
  std::reverse(components.begin(), components.end());
  const auto second = findRelationships(design(components), network);
  EXPECT_EQ(pairs(first), pairs(second));
  EXPECT_EQ(pairs(first), (Pairs{{"s1", "d1"}, {"s1", "d2"}, {"s2", "d1"}, {"s2", "d2"}}));
  ASSERT_EQ(first.size(), second.size());
  for (std::size_t i = 0; i < first.size(); ++i) {
    EXPECT_EQ(declarationOf(first[i]).dump(), declarationOf(second[i]).dump());
  }
}

TEST(IdentifyRelationships, ADeclarationBindsTheComponentsUnderADeterministicId) {
  const auto network = bundled("edge-network-service-deployment.json");
  const json d = design({service("s1", {{"app", "web"}}), deployment("d1", {{"app", "web"}})});
  const auto found = findRelationships(d, network);
  ASSERT_EQ(found.size(), 1U);
  const json declaration = declarationOf(found[0]);
  EXPECT_EQ(declaration["status"], "identified");
  EXPECT_EQ(declaration["kind"], "edge");
  EXPECT_EQ(declaration["subType"], "network");
  ASSERT_EQ(declaration["selectors"].size(), 1U);
  EXPECT_EQ(declaration["selectors"][0]["allow"]["from"][0]["id"], "s1");
  EXPECT_EQ(declaration["selectors"][0]["allow"]["to"][0]["id"], "d1");
  EXPECT_EQ(declaration["selectors"][0]["allow"]["from"][0]["kind"], "Service");
  const auto id = Uuid::parse(declaration["id"].get<std::string>());
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->version(), 5);
  EXPECT_NE(declaration["id"], network.document["id"]);
  EXPECT_EQ(declarationOf(findRelationships(d, network)[0])["id"], declaration["id"]);
  // Another pair gets another id.
  const json other = design({service("s1", {{"app", "web"}}), deployment("d9", {{"app", "web"}})});
  EXPECT_NE(declarationOf(findRelationships(other, network)[0])["id"], declaration["id"]);
}

TEST(IdentifyRelationships, InventoryDeclarationsAreApproved) {
  const auto inventory = bundled("hierarchical-parent-inventory.json");
  const json d =
      design({component("cm", "ConfigMap", "settings", {{"metadata", {{"namespace", "team"}}}}),
              component("ns", "Namespace", "team", json::object())});
  const auto found = findRelationships(d, inventory);
  ASSERT_EQ(found.size(), 1U);
  EXPECT_EQ(declarationOf(found[0])["status"], "approved");
}

json roleBinding(const std::string& id, const std::string& kind, const std::string& role_kind,
                 const std::string& role, json subjects) {
  return component(
      id, kind, "binding-" + id,
      {{"roleRef", {{"kind", role_kind}, {"name", role}}}, {"subjects", std::move(subjects)}});
}

json subject(const std::string& kind, const std::string& name) {
  return {{"kind", kind}, {"name", name}};
}

using Triples = std::vector<std::vector<std::string>>;

Triples triples(const std::vector<FoundRelationship>& found) {
  Triples out;
  for (const auto& relationship : found) {
    out.push_back({relationship.from_id, relationship.binding_id, relationship.to_id});
  }
  return out;
}

TEST(IdentifyBindings, ARoleBindingBindsItsRoleToItsServiceAccounts) {
  const auto permission = bundled("edge-permission-role-rolebinding-serviceaccount.json");
  ASSERT_TRUE(relatesThroughBinding(permission));
  ASSERT_FALSE(relatesByValue(permission));
  const json d =
      design({component("r", "Role", "reader", json::object()),
              component("r2", "Role", "writer", json::object()),
              roleBinding("rb", "RoleBinding", "Role", "reader",
                          {subject("ServiceAccount", "app"), subject("ServiceAccount", "jobs")}),
              component("sa1", "ServiceAccount", "app", json::object()),
              component("sa2", "ServiceAccount", "jobs", json::object()),
              component("sa3", "ServiceAccount", "other", json::object())});
  EXPECT_EQ(triples(findBindings(d, permission)),
            (Triples{{"r", "rb", "sa1"}, {"r", "rb", "sa2"}}));
}

TEST(IdentifyBindings, ASubjectsKindAndNameAreOneSubjects) {
  const auto permission = bundled("edge-permission-role-rolebinding-serviceaccount.json");
  // "app" is a User here; the ServiceAccount subject is another one.
  const json d = design({component("r", "Role", "reader", json::object()),
                         roleBinding("rb", "RoleBinding", "Role", "reader",
                                     {subject("User", "app"), subject("ServiceAccount", "x")}),
                         component("sa", "ServiceAccount", "app", json::object())});
  EXPECT_TRUE(findBindings(d, permission).empty());
}

TEST(IdentifyBindings, AClusterRoleBindingBindsAClusterRole) {
  // meshery#21988: ClusterRole and ClusterRoleBinding were left unlinked.
  const auto permission =
      bundled("edge-permission-clusterrole-clusterrolebinding-serviceaccount.json");
  const json d = design({component("cr", "ClusterRole", "view", json::object()),
                         roleBinding("crb", "ClusterRoleBinding", "ClusterRole", "view",
                                     {subject("ServiceAccount", "app")}),
                         component("sa", "ServiceAccount", "app", json::object()),
                         roleBinding("rb", "ClusterRoleBinding", "Role", "view",
                                     {subject("ServiceAccount", "app")})});
  EXPECT_EQ(triples(findBindings(d, permission)), (Triples{{"cr", "crb", "sa"}}));
}

TEST(IdentifyBindings, TheDeclarationNamesTheBindingInItsMatchEntries) {
  const auto permission = bundled("edge-permission-role-rolebinding-serviceaccount.json");
  const json d = design(
      {component("r", "Role", "reader", json::object()),
       roleBinding("rb", "RoleBinding", "Role", "reader", {subject("ServiceAccount", "app")}),
       component("sa", "ServiceAccount", "app", json::object())});
  const auto found = findBindings(d, permission);
  ASSERT_EQ(found.size(), 1U);
  const json declaration = declarationOf(found[0]);
  EXPECT_EQ(declaration["status"], "approved");
  const json& from = declaration["selectors"][0]["allow"]["from"][0];
  const json& to = declaration["selectors"][0]["allow"]["to"][0];
  EXPECT_EQ(from["id"], "r");
  EXPECT_EQ(to["id"], "sa");
  EXPECT_EQ(from["match"]["from"][0]["id"], "r");  // self
  EXPECT_EQ(from["match"]["to"][0]["id"], "rb");   // the binding
  EXPECT_EQ(to["match"]["from"][0]["id"], "rb");
  EXPECT_EQ(to["match"]["to"][0]["id"], "sa");
}

fs::path mesheryFixtures() {
  return fs::path(MESHERY_TEST_SOURCE_DIR) / ".." / "shared" / "fixtures" / "meshery";
}

/// Meshery's own network definitions (kubernetes v1.35.0).
std::vector<registry::RelationshipDefinition> mesheryNetworkDefinitions() {
  std::vector<registry::RelationshipDefinition> definitions;
  const fs::path dir =
      mesheryFixtures() / "models" / "kubernetes" / "v1.35.0" / "v1.0.0" / "relationships";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().filename().string().rfind("edge-non-binding-network-", 0) != 0) continue;
    std::ifstream in(entry.path());
    definitions.push_back(registry::RelationshipDefinition::fromJson(json::parse(in)));
  }
  return definitions;
}

/// Meshery's own fixture, with Meshery's own definitions: a Service and the
/// Deployment it selects, and the one network edge Meshery's engine records.
TEST(IdentifyRelationships, FindsTheNetworkEdgeOfMesherysFixture) {
  const fs::path fixture = mesheryFixtures() / "designs" / "meshery" / "ui" / "tests" / "e2e" /
                           "fixtures" / "relationships" /
                           "service-deployment-edge-non-binding-network-fixture.json";
  if (!fs::exists(fixture)) GTEST_SKIP() << "no fixture at " << fixture;
  std::ifstream in(fixture);
  const json d = json::parse(in);
  Pairs expected;
  for (const json& relationship : d["relationships"]) {
    if (relationship["kind"] == "edge" && relationship["subType"] == "network") {
      expected.emplace_back(relationship["selectors"][0]["allow"]["from"][0]["id"],
                            relationship["selectors"][0]["allow"]["to"][0]["id"]);
    }
  }
  ASSERT_EQ(expected.size(), 1U);
  Pairs found;
  for (const auto& definition : mesheryNetworkDefinitions()) {
    ASSERT_TRUE(relatesByValue(definition));
    for (const auto& pair : pairs(findRelationships(d, definition))) found.push_back(pair);
  }
  EXPECT_EQ(found, expected);
}

/// Every definition of Meshery's Kubernetes model that relates by value.
std::vector<registry::RelationshipDefinition> mesheryValueDefinitions() {
  std::vector<registry::RelationshipDefinition> definitions;
  const fs::path dir =
      mesheryFixtures() / "models" / "kubernetes" / "v1.35.0" / "v1.0.0" / "relationships";
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    auto definition = registry::RelationshipDefinition::fromJson(json::parse(in));
    if (relatesByValue(definition)) definitions.push_back(std::move(definition));
  }
  return definitions;
}

using Edges = std::vector<std::string>;

std::string edgeText(const std::string& kind, const std::string& type, const std::string& sub_type,
                     const std::string& from, const std::string& to) {
  return kind + "/" + type + "/" + sub_type + " " + from + " -> " + to;
}

/// Meshery's evaluation fixtures: the value relationships each records are
/// the ones Meshery's definitions find among its components. (Its binding
/// definition reads roleRef under `spec`, where a RoleBinding has none; the
/// next test uses the definition the fixture itself records.)
TEST(IdentifyRelationships, FindsWhatMesherysFixturesRecord) {
  const fs::path dir = mesheryFixtures() / "designs" / "meshery" / "ui" / "tests" / "e2e" /
                       "fixtures" / "relationships";
  if (!fs::exists(dir)) GTEST_SKIP() << "no fixtures at " << dir;
  const auto definitions = mesheryValueDefinitions();
  int checked = 0;
  int edges = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    const json d = json::parse(in);
    if (!d.contains("relationships") || !d.contains("components")) continue;
    Edges expected;
    for (const json& relationship : d["relationships"]) {
      const auto definition = registry::RelationshipDefinition::fromJson(relationship);
      if (!relatesByValue(definition)) continue;
      expected.push_back(edgeText(definition.kind, definition.type, definition.sub_type,
                                  relationship["selectors"][0]["allow"]["from"][0]["id"],
                                  relationship["selectors"][0]["allow"]["to"][0]["id"]));
    }
    Edges found;
    for (const auto& definition : definitions) {
      for (const auto& relationship : findRelationships(d, definition)) {
        found.push_back(edgeText(definition.kind, definition.type, definition.sub_type,
                                 relationship.from_id, relationship.to_id));
      }
    }
    std::sort(expected.begin(), expected.end());
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    EXPECT_EQ(found, expected) << entry.path().filename();
    ++checked;
    edges += static_cast<int>(expected.size());
  }
  EXPECT_GE(checked, 6);
  EXPECT_GE(edges, 8);
}

/// Each relationship a Meshery fixture records, read back as a definition
/// (its components' ids cleared), finds the components it names (and may
/// find more: a recorded "*" item admits every child of a Namespace).
TEST(IdentifyRelationships, EachRecordedRelationshipFindsItsComponents) {
  const fs::path dir = mesheryFixtures() / "designs" / "meshery" / "ui" / "tests" / "e2e" /
                       "fixtures" / "relationships";
  if (!fs::exists(dir)) GTEST_SKIP() << "no fixtures at " << dir;
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path());
    const json d = json::parse(in);
    if (!d.contains("relationships") || !d.contains("components")) continue;
    for (json recorded : d["relationships"]) {
      const json& allow = recorded["selectors"][0]["allow"];
      const Triples expected = {{allow["from"][0]["id"], allow["to"][0]["id"]}};
      for (const char* side : {"from", "to"}) {
        for (json& item : recorded["selectors"][0]["allow"][side]) item.erase("id");
      }
      const auto definition = registry::RelationshipDefinition::fromJson(recorded);
      Triples found;
      if (relatesByValue(definition)) {
        for (const auto& relationship : findRelationships(d, definition))
          found.push_back({relationship.from_id, relationship.to_id});
      } else if (relatesThroughBinding(definition)) {
        for (const auto& relationship : findBindings(d, definition))
          found.push_back({relationship.from_id, relationship.to_id});
      } else {
        continue;
      }
      EXPECT_NE(std::find(found.begin(), found.end(), expected.front()), found.end())
          << entry.path().filename() << " " << definition.kind << "/" << definition.type << "/"
          << definition.sub_type;
      ++checked;
    }
  }
  EXPECT_GE(checked, 8);
}

}  // namespace
}  // namespace meshery::policy
