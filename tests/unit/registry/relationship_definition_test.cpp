#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "meshery/registry/relationship.hpp"
#include "registry_test_documents.hpp"

namespace meshery::registry {
namespace {

using testing::relationshipDocument;

TEST(RelationshipDefinition, RelationshipSelectorsAreParsed) {
  nlohmann::json document =
      relationshipDocument("edge", "binding", "permission", "kubernetes", "v1.35.0");
  // Two-element key paths are spelled with json::array: a brace pair of
  // strings would be read as an object member.
  using nlohmann::json;
  document["selectors"][0]["allow"]["from"][0]["match"] = {
      {"from",
       {{{"kind", "self"},
         {"id", nullptr},
         {"mutatedRef", json::array({json::array({"metadata", "name"})})}}}},
      {"to",
       {{{"kind", "RoleBinding"},
         {"mutatorRef", json::array({json::array({"roleRef", "name"})})}}}}};
  document["selectors"][0]["allow"]["from"][0]["match_strategy_matrix"] = {{"equal"}};
  document["selectors"][0]["allow"]["to"][0]["patch"] = {
      {"patchStrategy", "replace"},
      {"mutatorRef", {{"configuration", "spec", "containers", 0, "name"}}},
      {"mutatedRef", {{"configuration", "metadata", "name"}}}};
  document["selectors"][0]["deny"] = {{"from", {{{"kind", "Pod"}}}}};
  auto relationship = RelationshipDefinition::fromJson(document);
  ASSERT_EQ(relationship.selectors.size(), 1U);
  const Selector& selector = relationship.selectors[0];
  ASSERT_EQ(selector.allow.from.size(), 1U);
  const SelectorItem& from = selector.allow.from[0];
  EXPECT_EQ(from.kind, "Service");
  EXPECT_EQ(from.model.name, "kubernetes");
  ASSERT_TRUE(from.match.has_value());
  ASSERT_EQ(from.match->from.size(), 1U);
  EXPECT_EQ(from.match->from[0].kind, "self");
  EXPECT_EQ(from.match->from[0].mutated_ref, (std::vector<RefPath>{{"metadata", "name"}}));
  EXPECT_EQ(from.match->to[0].mutator_ref, (std::vector<RefPath>{{"roleRef", "name"}}));
  EXPECT_EQ(from.match_strategy_matrix, (std::vector<std::vector<std::string>>{{"equal"}}));
  const SelectorItem& to = selector.allow.to[0];
  ASSERT_TRUE(to.patch.has_value());
  EXPECT_EQ(to.patch->patch_strategy, "replace");
  EXPECT_EQ(to.patch->mutator_ref[0],
            (RefPath{"configuration", "spec", "containers", "0", "name"}));
  ASSERT_EQ(selector.deny.from.size(), 1U);
  EXPECT_EQ(selector.deny.from[0].model.name, "*");
  EXPECT_TRUE(selector.deny.to.empty());
}

TEST(RelationshipDefinition, LegacyRelationshipWithStringModelsIsKept) {
  nlohmann::json legacy = {{"schemaVersion", "core.meshery.io/v1alpha2"},
                           {"version", "v1.0.0"},
                           {"kind", "Edge"},
                           {"subType", "Annotation"},
                           {"model", {{"name", "meshery-core"}, {"model", {{"version", "0.7.1"}}}}},
                           {"selectors",
                            {{{"allow", {{"from", {{{"kind", "*"}, {"model", "meshery-core"}}}}}},
                              {"deny", {{"from", nlohmann::json::array()}}}}}}};
  auto relationship = RelationshipDefinition::fromJson(legacy);
  EXPECT_EQ(relationship.kind, "Edge");
  EXPECT_EQ(relationship.type, "");
  EXPECT_EQ(relationship.model.upstream_version, "0.7.1");
  EXPECT_EQ(relationship.selectors[0].allow.from[0].model.name, "meshery-core");
  nlohmann::json written = relationship.toJson();
  EXPECT_FALSE(written.contains("status"));
  EXPECT_EQ(written["schemaVersion"], "core.meshery.io/v1alpha2");
}

}  // namespace
}  // namespace meshery::registry
