#include "meshery/registry/schema_validation.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "meshery/core/error.hpp"
#include "meshery/registry/component.hpp"

namespace meshery::registry {
namespace {

using nlohmann::json;

const json kDeploymentLike = json::parse(R"({
  "type": "object",
  "required": ["spec"],
  "properties": {
    "spec": {
      "type": "object",
      "properties": {
        "replicas": {"type": "integer", "format": "int32", "minimum": 0},
        "template": {"$ref": "#/definitions/PodTemplate"}
      }
    }
  },
  "definitions": {
    "PodTemplate": {
      "type": "object",
      "properties": {
        "containers": {
          "type": "array",
          "items": {"type": "object", "required": ["name"],
                    "properties": {"name": {"type": "string"}}}
        }
      }
    }
  },
  "x-kubernetes-group-version-kind": [{"group": "apps", "kind": "Deployment", "version": "v1"}]
})");

TEST(SchemaValidation, AValidValueHasNoViolations) {
  json value = {{"spec", {{"replicas", 3}, {"template", {{"containers", {{{"name", "web"}}}}}}}}};
  EXPECT_TRUE(validateAgainstSchema(kDeploymentLike, value).empty());
}

TEST(SchemaValidation, ReportsEachViolationWithItsFieldPath) {
  json value = {{"spec", {{"replicas", "3"}, {"template", {{"containers", {json::object()}}}}}}};
  auto violations = validateAgainstSchema(kDeploymentLike, value);
  ASSERT_FALSE(violations.empty());
  bool replicas = false;
  bool container_name = false;
  for (const auto& violation : violations) {
    EXPECT_FALSE(violation.message.empty());
    if (violation.path == "spec.replicas") replicas = true;
    if (violation.path == "spec.template.containers[0]") container_name = true;
  }
  EXPECT_TRUE(replicas) << "a string is not an integer, even when it holds digits";
  EXPECT_TRUE(container_name) << "the container without its required name";
}

TEST(SchemaValidation, AMissingRequiredTopLevelFieldIsReportedAtTheRoot) {
  auto violations = validateAgainstSchema(kDeploymentLike, json::object());
  ASSERT_FALSE(violations.empty());
  EXPECT_EQ(violations.front().path, "");
}

TEST(SchemaValidation, NegativeReplicasBreakTheMinimum) {
  auto violations = validateAgainstSchema(kDeploymentLike, {{"spec", {{"replicas", -1}}}});
  ASSERT_FALSE(violations.empty());
  EXPECT_EQ(violations.front().path, "spec.replicas");
}

TEST(SchemaValidation, AnUnusableSchemaIsAnInvalidArgumentWithTheReason) {
  json remote = {{"$ref", "https://example.com/other.json"}};
  try {
    validateAgainstSchema(remote, json::object());
    FAIL() << "a remote $ref cannot be resolved offline";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_FALSE(error.cause().empty());
    EXPECT_FALSE(error.remedy().empty());
  }
  EXPECT_THROW(validateAgainstSchema(json::array(), json::object()), Error);
}

TEST(SchemaValidation, ValidatesAgainstAGeneratedKubernetesComponentSchema) {
  std::ifstream in(std::string(MESHERY_TEST_BINARY_DIR) +
                   "/models/kubernetes/v1.13.0/v1.0.0/components/Deployment.apps_v1.json");
  ASSERT_TRUE(in) << "the bundled kubernetes model was not generated (scripts/bootstrap)";
  std::stringstream text;
  text << in.rdbuf();
  auto component = ComponentDefinition::fromJson(json::parse(text.str()));
  json schema = component.schemaJson();

  json good = json::parse(R"({
    "apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
    "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
             "template": {"metadata": {"labels": {"app": "web"}},
                          "spec": {"containers": [{"name": "web", "image": "nginx"}]}}}})");
  EXPECT_TRUE(validateAgainstSchema(schema, good).empty());

  json bad = good;
  bad["spec"]["replicas"] = "two";
  bad["spec"]["template"]["spec"]["containers"][0].erase("name");
  auto violations = validateAgainstSchema(schema, bad);
  std::set<std::string> paths;
  for (const auto& violation : violations) paths.insert(violation.path);
  EXPECT_TRUE(paths.count("spec.replicas")) << violations.size();
  EXPECT_TRUE(paths.count("spec.template.spec.containers[0]"));
}

}  // namespace
}  // namespace meshery::registry
