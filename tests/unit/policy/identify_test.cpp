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

namespace meshery::policy {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

registry::RelationshipDefinition bundled(const std::string& file) {
  const fs::path path = fs::path(MESHERY_TEST_SOURCE_DIR) / "models" / "kubernetes" / "v1.13.0" /
                        "v1.0.0" / "relationships" / file;
  std::ifstream in(path);
  return registry::RelationshipDefinition::fromJson(json::parse(in));
}

json component(const std::string& id, const std::string& kind, const std::string& name,
               json configuration) {
  return {{"id", id},
          {"displayName", name},
          {"component", {{"kind", kind}, {"version", "v1"}}},
          {"model", {{"name", "kubernetes"}}},
          {"configuration", std::move(configuration)}};
}

json service(const std::string& id, json selector) {
  return component(id, "Service", "svc-" + id, {{"spec", {{"selector", std::move(selector)}}}});
}

json deployment(const std::string& id, json labels) {
  return component(id, "Deployment", "deploy-" + id,
                   {{"spec", {{"template", {{"metadata", {{"labels", std::move(labels)}}}}}}}});
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
/// the ones Meshery's definitions find among its components.
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

}  // namespace
}  // namespace meshery::policy
