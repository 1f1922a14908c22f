#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "meshery/core/error.hpp"
#include "meshery/registry/component.hpp"
#include "meshery/registry/model.hpp"
#include "meshery/registry/policy.hpp"
#include "meshery/registry/relationship.hpp"
#include "registry_test_documents.hpp"

namespace meshery::registry {
namespace {

using testing::componentDocument;
using testing::modelDocument;
using testing::relationshipDocument;

/// `original` as toJson() must write it: the same document, with the derived
/// id where the file had none (or the nil one).
nlohmann::json expectedWritten(nlohmann::json original, const Uuid& id) {
  original["id"] = id.toString();
  return original;
}

template <typename Read>
void expectInvalid(Read read, const std::string& field) {
  try {
    read();
    FAIL() << "expected an error naming " << field;
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(error.message().find(field), std::string::npos) << error.message();
    EXPECT_FALSE(error.remedy().empty());
  }
}

TEST(DefinitionDocuments, MesheryFixturesRoundTripInV1beta1) {
  auto fixtures = testing::mesheryFixtures();
  if (!fixtures) GTEST_SKIP() << "Meshery fixtures not found (MESHERY_SOURCE_DIR/../shared)";
  std::size_t models = 0, components = 0, relationships = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(*fixtures / "models")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().string());
    const nlohmann::json original = nlohmann::json::parse(testing::readFile(entry.path()));
    const std::string directory = entry.path().parent_path().filename().string();
    if (directory == "components") {
      auto component = ComponentDefinition::fromJson(original);
      EXPECT_EQ(component.toJson(), expectedWritten(original, component.id));
      EXPECT_TRUE(component.schemaJson().is_object());
      ++components;
    } else if (directory == "relationships") {
      auto relationship = RelationshipDefinition::fromJson(original);
      EXPECT_EQ(relationship.toJson(), expectedWritten(original, relationship.id));
      ++relationships;
    } else {
      auto model = Model::fromJson(original);
      EXPECT_EQ(model.toJson(), expectedWritten(original, model.id));
      ++models;
    }
  }
  EXPECT_EQ(models, 2U);
  EXPECT_EQ(components, 5U);
  EXPECT_EQ(relationships, 106U);
}

TEST(DefinitionDocuments, ReadsTypedFieldsOfAComponent) {
  auto component = ComponentDefinition::fromJson(
      componentDocument("Deployment", "apps/v1", "kubernetes", "v1.35.0"));
  EXPECT_EQ(component.kind, "Deployment");
  EXPECT_EQ(component.api_version, "apps/v1");
  EXPECT_EQ(component.display_name, "Deployment");
  EXPECT_EQ(component.model.name, "kubernetes");
  EXPECT_EQ(component.model.version, "v1.0.0");
  EXPECT_EQ(component.model.upstream_version, "v1.35.0");
  EXPECT_EQ(component.model.registrant_kind, "github");
  EXPECT_EQ(component.model.category, "Orchestration & Management");
  EXPECT_EQ(component.status, EntityStatus::kEnabled);
  EXPECT_TRUE(component.is_namespaced);
  EXPECT_TRUE(component.document["component"]["schema"].is_string());
  EXPECT_EQ(component.schemaJson(), nlohmann::json({{"type", "object"}}));
}

TEST(DefinitionDocuments, ModelInCamelCaseIsNormalisedToV1beta1) {
  nlohmann::json camel = {
      {"schemaVersion", "models.meshery.io/v1beta2"},
      {"version", "v1.0.0"},
      {"name", "cert-manager"},
      {"displayName", "Cert Manager"},
      {"registrant",
       {{"kind", "artifacthub"}, {"subType", ""}, {"credentialId", "x"}, {"createdAt", "t"}}},
      {"registrantId", "00000000-0000-0000-0000-000000000000"},
      {"categoryId", "00000000-0000-0000-0000-000000000000"},
      {"category", {{"name", "Security & Compliance"}}},
      {"model", {{"version", "v1.13.0"}}},
      {"componentsCount", 3},
      {"relationshipsCount", 1},
      {"createdAt", "2024-01-01T00:00:00Z"}};
  auto model = Model::fromJson(camel);
  const nlohmann::json& document = model.document;
  EXPECT_EQ(document["schemaVersion"], "models.meshery.io/v1beta1");
  EXPECT_EQ(document["connection_id"], "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(document["components_count"], 3);
  EXPECT_EQ(document["relationships_count"], 1);
  EXPECT_EQ(document["created_at"], "2024-01-01T00:00:00Z");
  EXPECT_FALSE(document.contains("registrantId"));
  EXPECT_FALSE(document.contains("categoryId"));
  EXPECT_FALSE(document.contains("createdAt"));
  EXPECT_EQ(document["registrant"]["sub_type"], "");
  EXPECT_EQ(document["registrant"]["credential_id"], "x");
  EXPECT_EQ(model.upstream_version, "v1.13.0");
  EXPECT_EQ(model.category.name, "Security & Compliance");
  EXPECT_EQ(model.registrant.kind, "artifacthub");

  nlohmann::json written = model.toJson(WireFormat::kCamelCase);
  EXPECT_EQ(written["schemaVersion"], "models.meshery.io/v1beta2");
  EXPECT_EQ(written["componentsCount"], 3);
  EXPECT_EQ(written["registrantId"], "00000000-0000-0000-0000-000000000000");
  EXPECT_EQ(written["registrant"]["subType"], "");
  EXPECT_FALSE(written.contains("components_count"));
}

TEST(DefinitionDocuments, CamelCaseAndV1beta1FormsOfAModelGetTheSameId) {
  nlohmann::json v1beta1 = modelDocument("istio-base", "1.20.0");
  nlohmann::json camel = v1beta1;
  camel["schemaVersion"] = "models.meshery.io/v1beta2";
  camel["componentsCount"] = camel["components_count"];
  camel.erase("components_count");
  EXPECT_EQ(Model::fromJson(v1beta1).id, Model::fromJson(camel).id);
}

TEST(DefinitionDocuments, ComponentInV1beta3IsNormalisedAndObjectSchemaStringified) {
  nlohmann::json camel =
      componentDocument("Certificate", "cert-manager.io/v1", "cert-manager", "v1.13.0");
  camel["schemaVersion"] = "components.meshery.io/v1beta3";
  camel["createdAt"] = "2024-01-01T00:00:00Z";
  camel["modelId"] = "00000000-0000-0000-0000-000000000000";
  camel["model"]["schemaVersion"] = "models.meshery.io/v1beta2";
  camel["model"]["componentsCount"] = 7;
  camel["model"].erase("components_count");
  camel["component"]["schema"] = {{"type", "object"}, {"properties", nlohmann::json::object()}};
  auto component = ComponentDefinition::fromJson(camel);
  EXPECT_EQ(component.document["schemaVersion"], "components.meshery.io/v1beta1");
  EXPECT_EQ(component.document["created_at"], "2024-01-01T00:00:00Z");
  EXPECT_FALSE(component.document.contains("modelId"));
  EXPECT_EQ(component.document["model"]["schemaVersion"], "models.meshery.io/v1beta1");
  EXPECT_EQ(component.document["model"]["components_count"], 7);
  ASSERT_TRUE(component.document["component"]["schema"].is_string());
  EXPECT_EQ(component.schemaJson()["type"], "object");

  nlohmann::json written = component.toJson(WireFormat::kCamelCase);
  EXPECT_EQ(written["schemaVersion"], "components.meshery.io/v1beta3");
  EXPECT_EQ(written["createdAt"], "2024-01-01T00:00:00Z");
  EXPECT_EQ(written["model"]["schemaVersion"], "models.meshery.io/v1beta2");
}

TEST(DefinitionDocuments, DerivedIdsAreDeterministicAndDistinct) {
  auto deployment = componentDocument("Deployment", "apps/v1", "kubernetes", "v1.35.0");
  auto first = ComponentDefinition::fromJson(deployment);
  auto again = ComponentDefinition::fromJson(deployment);
  EXPECT_EQ(first.id, again.id);
  EXPECT_EQ(first.id.version(), 5);
  EXPECT_EQ(first.document["id"], first.id.toString());

  auto other_version = ComponentDefinition::fromJson(
      componentDocument("Deployment", "apps/v1", "kubernetes", "v1.34.0"));
  auto other_api = ComponentDefinition::fromJson(
      componentDocument("Deployment", "apps/v1beta1", "kubernetes", "v1.35.0"));
  EXPECT_NE(first.id, other_version.id);
  EXPECT_NE(first.id, other_api.id);

  nlohmann::json nil_id = deployment;
  nil_id["id"] = "00000000-0000-0000-0000-000000000000";
  EXPECT_EQ(ComponentDefinition::fromJson(nil_id).id, first.id);

  nlohmann::json explicit_id = deployment;
  explicit_id["id"] = "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
  EXPECT_EQ(ComponentDefinition::fromJson(explicit_id).id.toString(),
            "6ba7b810-9dad-11d1-80b4-00c04fd430c8");

  auto network = relationshipDocument("edge", "non-binding", "network", "kubernetes", "v1.35.0");
  auto inventory =
      relationshipDocument("hierarchical", "parent", "inventory", "kubernetes", "v1.35.0");
  EXPECT_EQ(RelationshipDefinition::fromJson(network).id,
            RelationshipDefinition::fromJson(network).id);
  EXPECT_NE(RelationshipDefinition::fromJson(network).id,
            RelationshipDefinition::fromJson(inventory).id);
  EXPECT_EQ(Model::fromJson(modelDocument("kubernetes", "v1.35.0")).id,
            Model::fromJson(modelDocument("kubernetes", "v1.35.0")).id);
}

TEST(DefinitionDocuments, InvalidDocumentsNameTheField) {
  auto missing_kind = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  missing_kind["component"].erase("kind");
  expectInvalid([&] { ComponentDefinition::fromJson(missing_kind); }, "component.kind");

  auto no_component = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  no_component.erase("component");
  expectInvalid([&] { ComponentDefinition::fromJson(no_component); }, "component");

  auto no_model = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  no_model.erase("model");
  expectInvalid([&] { ComponentDefinition::fromJson(no_model); }, "model");

  auto bad_schema = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  bad_schema["component"]["schema"] = 42;
  expectInvalid([&] { ComponentDefinition::fromJson(bad_schema); }, "component.schema");

  expectInvalid([] { Model::fromJson(modelDocument("Cert Manager", "v1")); }, "name");
  auto no_name = modelDocument("x", "v1");
  no_name.erase("name");
  expectInvalid([&] { Model::fromJson(no_name); }, "name");
  auto bad_status = modelDocument("x", "v1");
  bad_status["status"] = "sleeping";
  expectInvalid([&] { Model::fromJson(bad_status); }, "status");
  auto bad_id = modelDocument("x", "v1");
  bad_id["id"] = "not-a-uuid";
  expectInvalid([&] { Model::fromJson(bad_id); }, "id");
  expectInvalid([] { Model::fromJson(nlohmann::json::array()); }, "document");

  auto bad_selector = relationshipDocument("edge", "non-binding", "network", "kubernetes", "v1");
  bad_selector["selectors"][0]["allow"]["from"][0]["kind"] = 3;
  expectInvalid([&] { RelationshipDefinition::fromJson(bad_selector); },
                "selectors[0].allow.from[0].kind");
  auto no_kind = relationshipDocument("edge", "non-binding", "network", "kubernetes", "v1");
  no_kind.erase("kind");
  expectInvalid([&] { RelationshipDefinition::fromJson(no_kind); }, "kind");
  expectInvalid([] { PolicyDefinition::fromJson({{"kind", "x"}}); }, "model");
}

TEST(DefinitionDocuments, MalformedSchemaStringIsReportedWhenParsed) {
  auto document = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  document["component"]["schema"] = "{not json";
  auto component = ComponentDefinition::fromJson(document);
  try {
    (void)component.schemaJson();
    FAIL() << "expected kMalformedInput";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
    EXPECT_NE(error.message().find("Pod"), std::string::npos);
  }
}

TEST(DefinitionDocuments, StatusIsWrittenFromTheTypedField) {
  auto model = Model::fromJson(modelDocument("kubernetes", "v1.35.0"));
  model.status = EntityStatus::kIgnored;
  model.components_count = 4;
  nlohmann::json written = model.toJson();
  EXPECT_EQ(written["status"], "ignored");
  EXPECT_EQ(written["components_count"], 4);
  EXPECT_EQ(parseEntityStatus("duplicate"), EntityStatus::kDuplicate);
  EXPECT_FALSE(parseEntityStatus("Enabled").has_value());
  EXPECT_TRUE(isKnownCategory("Orchestration & Management"));
  EXPECT_FALSE(isKnownCategory("Orchestration"));
}

}  // namespace
}  // namespace meshery::registry
