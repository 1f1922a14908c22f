// Declarations keep their definition's capabilities and model once per
// definition (SharedDefinitionFields) and are written whole.
#include <gtest/gtest.h>

#include "design_test_support.hpp"
#include "meshery/core/json_text.hpp"
#include "meshery/design/import.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

constexpr const char* kManifest = R"(apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx}]}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api}
spec:
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec: {containers: [{name: api, image: api}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {ports: [{port: 80}]}
---
apiVersion: example.com/v1
kind: Gizmo
metadata: {name: g}
)";

Design imported() {
  return importDesign(ImportSource{"shop.yaml", kManifest, std::nullopt, ""},
                      testing::kubernetesRegistry())
      .design;
}

/// The registry's declaration fields of `kind` in apiVersion `api_version`.
json definitionOf(const std::string& kind, const std::string& api_version) {
  return testing::kubernetesRegistry().preferredComponent(kind, api_version)->toJson();
}

TEST(SharedDefinitionFields, ImportedDeclarationsHoldThemOncePerDefinition) {
  const Design design = imported();
  ASSERT_TRUE(design.shared_fields);
  const json& components = design.document["components"];
  ASSERT_EQ(components.size(), 4U);
  for (const json& component : components) {
    if (component["component"]["kind"] == "Gizmo") {
      EXPECT_EQ(component["model"]["name"], "unknown") << "an unresolved declaration stays whole";
      continue;
    }
    EXPECT_FALSE(component.contains("capabilities")) << component["displayName"];
    EXPECT_FALSE(component.contains("model")) << component["displayName"];
    EXPECT_EQ(component["modelReference"]["name"], "kubernetes") << "the model is still named";
    const json* fields = design.shared_fields->find(component);
    ASSERT_NE(fields, nullptr);
    const json definition = definitionOf(component["component"]["kind"], component["component"]["version"]);
    EXPECT_EQ((*fields)["capabilities"], definition["capabilities"]);
    EXPECT_EQ((*fields)["model"], definition["model"]);
  }
  EXPECT_EQ(design.shared_fields->find(components[0]), design.shared_fields->find(components[1]))
      << "two Deployments share one copy";
  EXPECT_NE(design.shared_fields->find(components[0]), design.shared_fields->find(components[2]));
}

TEST(SharedDefinitionFields, EveryWriterWritesTheDeclarationsWhole) {
  const Design design = imported();
  const json whole = design.toJson();
  for (const json& component : whole["components"]) {
    if (component["component"]["kind"] == "Gizmo") continue;  // unresolved: no definition
    EXPECT_TRUE(component.contains("capabilities")) << component["displayName"];
    EXPECT_TRUE(component["model"].is_object()) << component["displayName"];
  }
  EXPECT_EQ(whole["components"][0]["capabilities"], definitionOf("Deployment", "apps/v1")["capabilities"]);
  EXPECT_EQ(design.toJsonText(), dumpJson(whole));
  EXPECT_EQ(design.toYaml(), yaml::emit(whole));
  EXPECT_EQ(Design::parse(design.toYaml()).toJson(), whole) << "reads back whole";
  EXPECT_EQ(Design::parse(design.toJsonText()).toJson(), whole);
}

TEST(SharedDefinitionFields, ADeclarationsOwnFieldsWin) {
  Design design = imported();
  design.document["components"][0]["capabilities"] = json::array();
  const json whole = design.toJson();
  EXPECT_EQ(whole["components"][0]["capabilities"], json::array());
  EXPECT_FALSE(whole["components"][1]["capabilities"].empty());
  EXPECT_EQ(design.toJsonText(), dumpJson(whole));
  EXPECT_EQ(design.toYaml(), yaml::emit(whole));
}

TEST(SharedDefinitionFields, ExpandingWritesThemIntoTheDocument) {
  Design design = imported();
  const json whole = design.toJson();
  design.expandDeclarations();
  EXPECT_FALSE(design.shared_fields);
  EXPECT_EQ(design.document, whole);
  EXPECT_EQ(design.toJsonText(), dumpJson(whole));
}

TEST(SharedDefinitionFields, ADeclarationOfAnotherDefinitionIsLeftAlone) {
  Design design = imported();
  json moved = design.document["components"][0];
  moved["modelReference"]["name"] = "other-model";
  EXPECT_EQ(design.shared_fields->find(moved), nullptr);
  design.document["components"].push_back(moved);
  const json whole = design.toJson();
  EXPECT_FALSE(whole["components"].back().contains("capabilities"));
  EXPECT_EQ(design.toYaml(), yaml::emit(whole));
}

TEST(SharedDefinitionFields, OnlyTheFirstDefinitionUnderOneNameIsShared) {
  SharedDefinitionFields shared;
  json first = definitionOf("Deployment", "apps/v1");
  json second = first;
  second["capabilities"] = json::array();
  EXPECT_TRUE(shared.moveFrom(first));
  EXPECT_FALSE(first.contains("capabilities"));
  EXPECT_FALSE(shared.moveFrom(second)) << "other fields under the same name are not merged";
  EXPECT_EQ(second["capabilities"], json::array());
  json unnamed = {{"component", {{"kind", "X"}, {"version", "v1"}}}, {"capabilities", json::array()}};
  EXPECT_FALSE(shared.moveFrom(unnamed)) << "no modelReference to be found by";
  EXPECT_TRUE(unnamed.contains("capabilities"));
}

}  // namespace
}  // namespace meshery::design
