// Helm's value coalescing rules (chartutil.CoalesceValues).
#include "meshery/helm/values.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"

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

namespace meshery::helm {
namespace {

Chart parentWith(std::string dependencies, std::string values) {
  std::vector<archive::Entry> files = {
      {"Chart.yaml",
       "apiVersion: v2\nname: parent\nversion: 1.0.0\ndependencies:\n" + dependencies},
      {"values.yaml", std::move(values)},
      {"charts/a/Chart.yaml", "apiVersion: v2\nname: a\nversion: 0.1.0"},
      {"charts/b/Chart.yaml", "apiVersion: v2\nname: b\nversion: 0.1.0"}};
  return loadChart(std::move(files));
}

std::vector<std::string> namesOf(const Chart& chart) {
  std::vector<std::string> names;
  for (const auto& dependency : chart.dependencies) names.push_back(dependency.name());
  return names;
}

TEST(HelmDependencies, ConditionsDecideFirstThenTags) {
  const std::string declared =
      "- {name: a, condition: a.enabled}\n- {name: b, condition: 'missing.path, b.active', tags: "
      "[back]}\n";
  EXPECT_EQ(namesOf(enabledDependencies(parentWith(declared, "a: {enabled: false}"), {})),
            std::vector<std::string>{"b"});
  EXPECT_EQ(namesOf(enabledDependencies(parentWith(declared, "b: {active: false}"), {})),
            std::vector<std::string>{"a"});
  // A condition that is set wins over tags; without one, a false tag disables.
  EXPECT_EQ(namesOf(enabledDependencies(
                parentWith(declared, "tags: {back: false}\nb: {active: true}"), {})),
            (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(namesOf(enabledDependencies(parentWith(declared, "tags: {back: false}"), {})),
            std::vector<std::string>{"a"});
  // The user's values count.
  EXPECT_EQ(namesOf(enabledDependencies(parentWith(declared, ""), {{"a", {{"enabled", false}}}})),
            std::vector<std::string>{"b"});
}

TEST(HelmDependencies, AnAliasRenamesTheDependency) {
  // As processDependencyEnabled orders them: the charts Chart.yaml does not
  // declare (b), then one per declaration.
  const Chart chart = enabledDependencies(parentWith("- {name: a, alias: first}\n", ""), {});
  EXPECT_EQ(namesOf(chart), (std::vector<std::string>{"b", "first"}));
  // One chart declared twice under two aliases is rendered twice.
  const Chart twice = enabledDependencies(
      parentWith("- {name: a, alias: one}\n- {name: a, alias: two, condition: two.on}\n", ""),
      {});
  EXPECT_EQ(namesOf(twice), (std::vector<std::string>{"b", "one", "two"}));
  const Chart once = enabledDependencies(
      parentWith("- {name: a, alias: one}\n- {name: a, alias: two, condition: two.on}\n", ""),
      {{"two", {{"on", false}}}});
  EXPECT_EQ(namesOf(once), (std::vector<std::string>{"b", "one"}));
}

}  // namespace
}  // namespace meshery::helm

namespace meshery::helm {
namespace {

TEST(HelmSetValues, TypedStringAndJsonForms) {
  EXPECT_EQ(
      parseSetValues("a.b=c,n=12,t=true,z=null,o=012"),
      (nlohmann::json{{"a", {{"b", "c"}}}, {"n", 12}, {"t", true}, {"z", nullptr}, {"o", "012"}}));
  EXPECT_EQ(parseSetValues("t=TRUE,f=False,z=NULL,p=+5,m=-7,zero=0"),
            (nlohmann::json{
                {"t", true}, {"f", false}, {"z", nullptr}, {"p", 5}, {"m", -7}, {"zero", 0}}));
  EXPECT_EQ(parseSetValues("n=12,t=true", true), (nlohmann::json{{"n", "12"}, {"t", "true"}}));
  EXPECT_EQ(parseSetJsonValue(R"(a.b={"x":[1,2]})"),
            (nlohmann::json{{"a", {{"b", {{"x", {1.0, 2.0}}}}}}}));
  EXPECT_THROW(parseSetValues("novalue"), Error);
  // Lists by index (into what is there), {a,b} lists, maps in lists, escapes.
  nlohmann::json values = {{"hosts", {"a", "b"}}};
  parseSetInto(R"(hosts[1]=B,hosts[3]=D,l={x,y},p[0].name=ann,p[0].age=41,m[1][0]=7,k\.x=a\,b)",
               values, SetForm::kTyped);
  EXPECT_EQ(values, (nlohmann::json{{"hosts", {"a", "B", nullptr, "D"}},
                                    {"l", {"x", "y"}},
                                    {"p", {{{"name", "ann"}, {"age", 41}}}},
                                    {"m", {nullptr, {7}}},
                                    {"k.x", "a,b"}}));
  EXPECT_TRUE(values["p"][0]["age"].is_number_integer()) << "--set integers stay int64";
  parseSetInto(R"(j=1000000,o={"a":[1]})", values, SetForm::kJson);
  EXPECT_TRUE(values["j"].is_number_float()) << "--set-json numbers are float64";
  parseSetInto("f=path/x", values, SetForm::kFile, [](const std::string& path) {
    return "content of " + path;
  });
  EXPECT_EQ(values["f"], "content of path/x");
  for (const char* bad : {"hosts.x=1", "l[x]=1", "l={a", "a[70000]=1", "a,b=1"}) {
    EXPECT_THROW(parseSetInto(bad, values, SetForm::kTyped), Error) << bad;
  }
  EXPECT_THROW(parseSetJsonValue("a={not json"), Error);
  nlohmann::json base = {{"keep", 1}, {"map", {{"x", 1}}}, {"list", {1, 2}}};
  mergeValues(base, {{"map", {{"y", 2}}}, {"list", {3}}});
  EXPECT_EQ(base, (nlohmann::json{{"keep", 1}, {"map", {{"x", 1}, {"y", 2}}}, {"list", {3}}}));
}

}  // namespace
}  // namespace meshery::helm
