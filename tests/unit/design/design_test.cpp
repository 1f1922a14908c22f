#include "meshery/design/design.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

constexpr const char* kDesignYaml = R"(name: web app
schemaVersion: designs.meshery.io/v1beta1
version: v0.0.3
id: 3c1f8a5e-2d2b-4a57-9a4e-0d7c7e0a1b2c
components:
- id: 5b7c0b0e-8a9d-4f6e-9c1a-2b3c4d5e6f70
  displayName: web
  component: {kind: Deployment, version: apps/v1}
  model: {name: kubernetes}
  configuration:
    metadata: {namespace: shop}
    spec: {replicas: 2}
relationships: []
preferences:
  layers: {}
  theme: dark
extra: kept
)";

TEST(Design, ParsesAV1beta1DesignKeepingItsKeys) {
  Design design = Design::parse(kDesignYaml);
  EXPECT_EQ(design.name, "web app");
  EXPECT_EQ(design.version, "v0.0.3");
  EXPECT_EQ(design.id.toString(), "3c1f8a5e-2d2b-4a57-9a4e-0d7c7e0a1b2c");
  EXPECT_EQ(design.componentCount(), 1U);
  json document = design.toJson();
  EXPECT_EQ(document["extra"], "kept");
  EXPECT_EQ(document["preferences"]["theme"], "dark");
  EXPECT_EQ(document["components"][0]["configuration"]["spec"]["replicas"], 2);
}

TEST(Design, JsonAndYamlReadTheSame) {
  Design from_yaml = Design::parse(kDesignYaml);
  Design from_json = Design::parse(from_yaml.toJson().dump(2));
  EXPECT_EQ(from_json.toJson(), from_yaml.toJson());
}

TEST(Design, RoundTripsThroughItsYaml) {
  Design design = Design::parse(kDesignYaml);
  std::string yaml = design.toYaml();
  EXPECT_EQ(Design::parse(yaml).toJson(), design.toJson());
  EXPECT_NE(yaml.find("components:\n- component:"), std::string::npos) << yaml;
}

TEST(Design, FillsDefaults) {
  Design design = Design::parse("schemaVersion: designs.meshery.io/v1beta3\nname: empty\n");
  EXPECT_EQ(design.version, "v0.0.1");
  EXPECT_EQ(design.id.version(), 4);
  json document = design.toJson();
  EXPECT_EQ(document["components"], json::array());
  EXPECT_EQ(document["relationships"], json::array());
  EXPECT_EQ(document["preferences"]["layers"], json::object());
  EXPECT_EQ(document["schemaVersion"], "designs.meshery.io/v1beta3");
}

TEST(Design, GivesComponentsWithoutAnIdOne) {
  Design design = Design::parse(R"(schemaVersion: designs.meshery.io/v1beta1
name: x
components:
- component: {kind: Service, version: v1}
  displayName: web
)");
  auto id = Uuid::parse(design.toJson()["components"][0]["id"].get<std::string>());
  ASSERT_TRUE(id.has_value());
}

ErrorCode codeOf(std::string_view text, std::string* message = nullptr,
                 std::optional<SourcePosition>* position = nullptr) {
  try {
    Design::parse(text);
  } catch (const Error& error) {
    if (message != nullptr) *message = error.message();
    if (position != nullptr) *position = error.position();
    return error.code();
  }
  ADD_FAILURE() << "no error for: " << text;
  return ErrorCode::kInternal;
}

TEST(Design, MalformedTextNamesLineAndColumn) {
  std::string message;
  std::optional<SourcePosition> position;
  EXPECT_EQ(codeOf("name: a\ncomponents: [\n  - x: y\n", &message, &position), ErrorCode::kMalformedInput);
  ASSERT_TRUE(position.has_value());
  EXPECT_GE(position->line, 2U);
  EXPECT_NE(message.find("line"), std::string::npos) << message;
}

TEST(Design, InvalidDocumentsNameTheField) {
  std::string message;
  EXPECT_EQ(codeOf("schemaVersion: designs.meshery.io/v1beta1\ncomponents: {}\n", &message),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(message.starts_with("components:")) << message;
  EXPECT_EQ(codeOf("schemaVersion: designs.meshery.io/v1beta1\nid: nope\n", &message),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(message.starts_with("id:")) << message;
  EXPECT_EQ(codeOf("schemaVersion: designs.meshery.io/v1beta1\ncomponents:\n- displayName: x\n",
                   &message),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(message.starts_with("components[0].component")) << message;
  EXPECT_EQ(codeOf("schemaVersion: models.meshery.io/v1beta1\n", &message), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(message.starts_with("schemaVersion:")) << message;
  EXPECT_EQ(codeOf("apiVersion: v1\nkind: Pod\n", &message), ErrorCode::kInvalidArgument);
  EXPECT_EQ(codeOf("services:\n  web:\n    image: nginx\n", &message), ErrorCode::kInvalidArgument);
  EXPECT_TRUE(message.starts_with("services:")) << message;
  EXPECT_EQ(codeOf("- a\n- b\n", &message), ErrorCode::kInvalidArgument);
  EXPECT_EQ(codeOf("", &message), ErrorCode::kInvalidArgument);
}

constexpr const char* kPatternYaml = R"(name: bookinfo
version: v0.0.2
services:
  reviews:
    name: reviews
    type: Deployment
    apiVersion: apps/v1
    namespace: books
    model: kubernetes
    version: v1.0.0
    labels: {app: reviews}
    dependsOn: [ratings]
    settings:
      spec: {replicas: 3}
    traits:
      meshmap:
        id: 0f6b6c34-7a3c-4e1e-9d9e-3c1a2b4c5d6e
        position: {x: 10, "y": 20.5}  # an unquoted y is a YAML 1.1 boolean
        meshmodel-metadata: {isNamespaced: "true", genealogy: parent}
  ratings:
    type: Service
    apiVersion: v1
    settings:
      spec:
        ports: [{port: 9080}]
)";

TEST(Design, ConvertsAV1alpha2PatternFile) {
  Design design = Design::parse(kPatternYaml);
  EXPECT_EQ(design.name, "bookinfo");
  EXPECT_EQ(design.version, "v0.0.2");
  json document = design.toJson();
  EXPECT_EQ(document["schemaVersion"], "designs.meshery.io/v1beta1");
  ASSERT_EQ(document["components"].size(), 2U);
  const json& ratings = document["components"][0];  // services in key order
  const json& reviews = document["components"][1];
  EXPECT_EQ(ratings["displayName"], "ratings") << "the key names a service without a name";
  EXPECT_EQ(ratings["version"], "v1.0.0");
  EXPECT_EQ(ratings["component"], (json{{"kind", "Service"}, {"version", "v1"}}));
  EXPECT_EQ(reviews["id"], "0f6b6c34-7a3c-4e1e-9d9e-3c1a2b4c5d6e");
  EXPECT_EQ(reviews["model"]["name"], "kubernetes");
  EXPECT_EQ(reviews["configuration"]["spec"]["replicas"], 3);
  EXPECT_EQ(reviews["configuration"]["metadata"]["namespace"], "books");
  EXPECT_EQ(reviews["configuration"]["metadata"]["labels"]["app"], "reviews");
  EXPECT_EQ(reviews["metadata"]["isNamespaced"], true);
  EXPECT_EQ(reviews["metadata"]["genealogy"], "parent");
  EXPECT_EQ(reviews["metadata"]["dependsOn"], json::array({"ratings"}));
  EXPECT_EQ(reviews["styles"]["position"], (json{{"x", 10}, {"y", 20.5}}));
}

TEST(Design, ConvertingAPatternTwiceGivesTheSameComponentIds) {
  json first = Design::parse(kPatternYaml).toJson();
  json second = Design::parse(kPatternYaml).toJson();
  EXPECT_EQ(first["components"], second["components"]);
}

TEST(Design, APatternServiceWithoutTypeIsRefusedNamingIt) {
  std::string message;
  EXPECT_EQ(codeOf("name: p\nservices:\n  a: {type: Service}\n  b: {type: ''}\n", &message),
            ErrorCode::kInvalidArgument);
  EXPECT_TRUE(message.starts_with("services.b.type")) << message;
}

}  // namespace
}  // namespace meshery::design
