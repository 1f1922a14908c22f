// Helm's value coalescing rules (chartutil.CoalesceValues).
#include "meshery/helm/values.hpp"

#include <gtest/gtest.h>

namespace meshery::helm {
namespace {

using Json = nlohmann::json;

Chart chartOf(const std::string& name, Json values, std::vector<Chart> dependencies = {}) {
  Chart chart;
  chart.metadata = {{"apiVersion", "v2"}, {"name", name}, {"version", "1.0.0"}};
  chart.values = std::move(values);
  chart.dependencies = std::move(dependencies);
  return chart;
}

TEST(HelmValues, UserValuesWinScalarsAndListsAreReplacedMapsMerged) {
  const Chart chart = chartOf("app", {{"image", {{"repository", "nginx"}, {"tag", "1.25"}}},
                                      {"replicas", 1},
                                      {"ports", {80, 443}},
                                      {"labels", {{"team", "a"}}}});
  const Json values =
      coalesceValues(chart, {{"image", {{"tag", "1.26"}}}, {"ports", {8080}}, {"extra", true}});
  EXPECT_EQ(values["image"], (Json{{"repository", "nginx"}, {"tag", "1.26"}}));
  EXPECT_EQ(values["replicas"], 1);
  EXPECT_EQ(values["ports"], Json({8080}));
  EXPECT_EQ(values["labels"]["team"], "a");
  EXPECT_EQ(values["extra"], true);
}

TEST(HelmValues, ANullRemovesTheKey) {
  const Chart chart = chartOf("app", {{"a", 1}, {"nested", {{"b", 2}, {"c", 3}}}});
  const Json values = coalesceValues(chart, {{"a", nullptr}, {"nested", {{"b", nullptr}}}});
  EXPECT_FALSE(values.contains("a"));
  EXPECT_EQ(values["nested"], (Json{{"c", 3}}));
}

TEST(HelmValues, TablesAndScalarsDoNotReplaceEachOther) {
  const Chart chart = chartOf("app", {{"t", {{"x", 1}}}, {"s", "text"}});
  const Json values = coalesceValues(chart, {{"t", "scalar"}, {"s", {{"y", 2}}}});
  EXPECT_EQ(values["t"], "scalar");
  EXPECT_EQ(values["s"], (Json{{"y", 2}}));
}

TEST(HelmValues, DependenciesGetTheirDefaultsUnderTheirNameAndTheParentWins) {
  const Chart child = chartOf("child", {{"service", {{"port", 80}, {"type", "ClusterIP"}}}});
  const Chart parent =
      chartOf("parent", {{"child", {{"service", {{"port", 8080}}}}}}, std::vector<Chart>{child});
  const Json values = coalesceValues(parent, {{"child", {{"service", {{"type", "NodePort"}}}}}});
  EXPECT_EQ(values["child"]["service"], (Json{{"port", 8080}, {"type", "NodePort"}}));
}

TEST(HelmValues, GlobalsFlowDownAndTheParentsWin) {
  const Chart grandchild = chartOf("grandchild", {{"global", {{"region", "gc"}, {"only", "gc"}}}});
  const Chart child =
      chartOf("child", {{"global", {{"region", "child"}}}}, std::vector<Chart>{grandchild});
  const Chart parent =
      chartOf("parent", {{"global", {{"region", "parent"}, {"db", {{"host", "h"}}}}}},
              std::vector<Chart>{child});
  const Json values = coalesceValues(parent, Json::object());
  EXPECT_EQ(values["global"]["region"], "parent");
  EXPECT_EQ(values["child"]["global"]["region"], "parent");
  EXPECT_EQ(values["child"]["global"]["db"]["host"], "h");
  EXPECT_EQ(values["child"]["grandchild"]["global"]["region"], "parent");
  EXPECT_EQ(values["child"]["grandchild"]["global"]["only"], "gc");
}

}  // namespace
}  // namespace meshery::helm
