// Reference paths into component declarations, and the match strategies
// that compare the values they reach.
#include "meshery/policy/component_refs.hpp"

#include <gtest/gtest.h>

#include "meshery/policy/match_strategy.hpp"

namespace meshery::policy {
namespace {

using nlohmann::json;

const json kRoleBinding = json::parse(R"({
  "id": "rb", "component": {"kind": "RoleBinding"}, "model": {"name": "kubernetes"},
  "configuration": {"roleRef": {"name": "reader"},
                    "subjects": [{"kind": "ServiceAccount", "name": "a"},
                                 {"kind": "ServiceAccount", "name": "b"}]}})");

std::vector<std::string> texts(const std::vector<RefValue>& values) {
  std::vector<std::string> out;
  for (const auto& value : values) {
    std::string path;
    for (const auto& part : value.path) path += "/" + part;
    out.push_back(path + "=" + value.value->dump());
  }
  return out;
}

TEST(ComponentRefs, ResolvesKeysIndexesAndEveryElement) {
  EXPECT_EQ(texts(resolveRef(kRoleBinding, {"configuration", "roleRef", "name"})),
            std::vector<std::string>{"/configuration/roleRef/name=\"reader\""});
  EXPECT_EQ(texts(resolveRef(kRoleBinding, {"configuration", "subjects", "_", "name"})),
            (std::vector<std::string>{"/configuration/subjects/0/name=\"a\"",
                                      "/configuration/subjects/1/name=\"b\""}));
  EXPECT_EQ(texts(resolveRef(kRoleBinding, {"configuration", "subjects", "1", "name"})),
            std::vector<std::string>{"/configuration/subjects/1/name=\"b\""});
}

TEST(ComponentRefs, MissingKeysOutOfRangeIndexesAndScalarsReachNothing) {
  EXPECT_TRUE(resolveRef(kRoleBinding, {"configuration", "missing"}).empty());
  EXPECT_TRUE(resolveRef(kRoleBinding, {"configuration", "subjects", "2", "name"}).empty());
  EXPECT_TRUE(resolveRef(kRoleBinding, {"configuration", "roleRef", "name", "deeper"}).empty());
  EXPECT_TRUE(resolveRef(kRoleBinding, {"configuration", "roleRef", "_"}).empty());
}

TEST(ComponentRefs, KindAndModelComeFromTheDeclaration) {
  EXPECT_EQ(componentKind(kRoleBinding), "RoleBinding");
  EXPECT_EQ(componentModel(kRoleBinding), "kubernetes");
  EXPECT_EQ(componentModel(json::parse(R"({"modelReference": {"name": "istio-base"}})")),
            "istio-base");
  EXPECT_EQ(componentKind(json::object()), "");
}

TEST(MatchStrategy, EqualComparesJsonValues) {
  EXPECT_TRUE(valuesMatch(json(1), json(1.0), {}));
  EXPECT_TRUE(valuesMatch(json("a"), json("a"), {"equal"}));
  EXPECT_FALSE(valuesMatch(json(8080), json("8080"), {"equal"}));
}

TEST(MatchStrategy, EqualAsStringsComparesTexts) {
  EXPECT_TRUE(valuesMatch(json(8080), json("8080"), {"equal_as_strings"}));
  EXPECT_TRUE(valuesMatch(json(true), json("true"), {"equal_as_strings"}));
  EXPECT_FALSE(valuesMatch(json(8080), json("http"), {"equal_as_strings"}));
}

TEST(MatchStrategy, ToContainsFromIsASubset) {
  const json selector = {{"app", "web"}};
  const json labels = {{"app", "web"}, {"tier", "front"}};
  EXPECT_TRUE(valuesMatch(selector, labels, {"to_contains_from", "not_null"}));
  EXPECT_FALSE(valuesMatch(labels, selector, {"to_contains_from"}));
  EXPECT_FALSE(valuesMatch({{"app", "api"}}, labels, {"to_contains_from"}));
  EXPECT_TRUE(valuesMatch(json::array({1, 2}), json::array({3, 2, 1}), {"to_contains_from"}));
  EXPECT_FALSE(valuesMatch(json::array({4}), json::array({3, 2, 1}), {"to_contains_from"}));
  EXPECT_FALSE(valuesMatch(json(nullptr), labels, {"not_null"}));
}

TEST(MatchStrategy, AnUnknownStrategyNeverMatches) {
  EXPECT_FALSE(valuesMatch(json(1), json(1), {"equal", "approximately"}));
}

}  // namespace
}  // namespace meshery::policy
