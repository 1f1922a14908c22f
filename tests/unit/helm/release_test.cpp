// A release end to end: value overrides, schemas, resources and hooks.
#include "meshery/helm/release.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"

namespace meshery::helm {
namespace {

using Json = nlohmann::json;

Chart chartWith(std::vector<archive::Entry> templates, std::string schema = "") {
  std::vector<archive::Entry> files = {
      {"Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.0.0\n"},
      {"values.yaml", "size: 1\nname: a\n"}};
  if (!schema.empty()) files.push_back({"values.schema.json", std::move(schema)});
  for (auto& file : templates) files.push_back(std::move(file));
  return loadChart(std::move(files));
}

TEST(HelmRelease, OverridesMergeFilesThenSetJsonThenSetThenSetString) {
  ValueOverrides overrides;
  overrides.value_files = {"size: 2\nlist: [1]\n", "", "name: b\n"};
  overrides.set_json = {R"(size=5)", R"(map={"x":1})"};
  overrides.set = {"size=6,map.y=2"};
  overrides.set_string = {"size=7"};
  EXPECT_EQ(userValues(overrides),
            (Json{{"size", "7"}, {"list", {1}}, {"name", "b"}, {"map", {{"x", 1}, {"y", 2}}}}));
  overrides.value_files = {"a: 1\n", "a: [unclosed\n"};
  try {
    userValues(overrides);
    ADD_FAILURE() << "a broken values file was accepted";
  } catch (const Error& error) {
    EXPECT_TRUE(error.message().starts_with("values file 2: ")) << error.message();
  }
}

TEST(HelmRelease, SchemaViolationsAreListedPerChart) {
  const Chart chart = chartWith(
      {}, R"({"type":"object","required":["name"],"properties":{"size":{"type":"integer"}}})");
  EXPECT_NO_THROW(renderRelease(chart, Json::object()));
  try {
    renderRelease(chart, {{"size", "big"}});
    ADD_FAILURE() << "a value against the schema was accepted";
  } catch (const Error& error) {
    EXPECT_TRUE(error.message().starts_with(
        "values don't meet the specifications of the schema(s) in the following chart(s):\n"
        "app:\n- size: "))
        << error.message();
  }
}

TEST(HelmRelease, ResourcesAreCrdsThenInstallOrderWithHooksLeftOut) {
  Chart chart = chartWith(
      {{"templates/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n# empty\n"},
       {"templates/ns.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: n}\n"},
       {"templates/test.yaml",
        "apiVersion: v1\nkind: Pod\nmetadata:\n  name: t\n  annotations: {helm.sh/hook: test}\n"},
       {"crds/c.yaml",
        "apiVersion: apiextensions.k8s.io/v1\nkind: CustomResourceDefinition\n"
        "metadata: {name: cs.example.com}\n"}});
  const Release release = renderRelease(std::move(chart), Json::object());
  const ReleaseResources resources = releaseResources(release);
  ASSERT_EQ(resources.documents.size(), 3U);
  EXPECT_EQ(resources.documents[0]["kind"], "CustomResourceDefinition");
  EXPECT_EQ(resources.documents[1]["kind"], "Namespace");
  EXPECT_EQ(resources.documents[2]["kind"], "Service");
  ASSERT_EQ(resources.left_out.size(), 1U);
  EXPECT_EQ(resources.left_out[0].subject, "Pod/t (app/templates/test.yaml)");
  EXPECT_NE(resources.left_out[0].message.find("helm test"), std::string::npos);
  EXPECT_EQ(templateText(release, {.include_crds = false, .skip_tests = true}),
            "---\n# Source: app/templates/ns.yaml\napiVersion: v1\nkind: Namespace\n"
            "metadata: {name: n}\n---\n# Source: app/templates/svc.yaml\napiVersion: v1\n"
            "kind: Service\nmetadata: {name: s}\n---\n# Source: app/templates/svc.yaml\n# empty\n")
      << "a comment-only document is printed, as helm does";
}

}  // namespace
}  // namespace meshery::helm
