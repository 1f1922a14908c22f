#include "meshery/registry/registry_snapshot.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"
#include "registry_test_documents.hpp"

namespace meshery::registry {
namespace {

using testing::componentDocument;
using testing::modelDocument;
using testing::relationshipDocument;

ComponentDefinition component(const std::string& kind, const std::string& api_version,
                              const std::string& model, const std::string& upstream,
                              const std::string& registrant = "github") {
  return ComponentDefinition::fromJson(
      componentDocument(kind, api_version, model, upstream, registrant));
}

Model model(const std::string& name, const std::string& upstream,
            const std::string& registrant = "github") {
  return Model::fromJson(modelDocument(name, upstream, registrant));
}

std::shared_ptr<const RegistrySnapshot> kubernetesAndIstio() {
  SnapshotBuilder builder;
  builder.add(model("kubernetes", "v1.35.0"))
      .add(model("kubernetes", "v1.34.0"))
      .add(model("istio-base", "1.20.0", "artifacthub"))
      .add(component("Deployment", "apps/v1", "kubernetes", "v1.35.0"))
      .add(component("Deployment", "apps/v1", "kubernetes", "v1.34.0"))
      .add(component("Service", "v1", "kubernetes", "v1.35.0"))
      .add(component("VirtualService", "networking.istio.io/v1", "istio-base", "1.20.0",
                     "artifacthub"))
      .add(RelationshipDefinition::fromJson(
          relationshipDocument("edge", "non-binding", "network", "kubernetes", "v1.35.0")));
  return builder.build();
}

TEST(RegistrySnapshot, IndexesComponentsByKindApiVersionAndModel) {
  auto snapshot = kubernetesAndIstio();
  EXPECT_EQ(snapshot->components().size(), 4U);
  EXPECT_EQ(snapshot->componentsFor("Deployment", "apps/v1").size(), 2U);
  EXPECT_TRUE(snapshot->componentsFor("Deployment", "apps/v1beta1").empty());
  EXPECT_EQ(snapshot->componentsOfKind("Service").size(), 1U);
  EXPECT_EQ(snapshot->componentsOfModel("kubernetes").size(), 3U);
  EXPECT_EQ(snapshot->componentsOfModel("kubernetes", "v1.34.0").size(), 1U);
  EXPECT_EQ(snapshot->relationshipsOfModel("kubernetes", "v1.35.0").size(), 1U);
  EXPECT_TRUE(snapshot->relationshipsOfModel("kubernetes", "v1.34.0").empty());

  auto preferred = snapshot->preferredComponent("Deployment", "apps/v1");
  ASSERT_NE(preferred, nullptr);
  EXPECT_EQ(preferred->model.upstream_version, "v1.35.0");
  EXPECT_EQ(snapshot->preferredComponent("Deployment", "apps/v1", "istio-base"), nullptr);

  auto service = snapshot->componentsOfKind("Service").front();
  EXPECT_EQ(snapshot->findComponent(service->id), service);
  EXPECT_EQ(snapshot->findComponent(Uuid::v4()), nullptr);
}

TEST(RegistrySnapshot, IndexesModelsByNameCategoryAndRegistrant) {
  auto snapshot = kubernetesAndIstio();
  EXPECT_EQ(snapshot->modelsNamed("kubernetes").size(), 2U);
  EXPECT_EQ(snapshot->modelsInCategory("Orchestration & Management").size(), 3U);
  EXPECT_EQ(snapshot->modelsByRegistrant("ArtifactHub").size(), 1U);
  EXPECT_EQ(snapshot->modelsByRegistrant("github").size(), 2U);

  ASSERT_EQ(snapshot->categories().size(), 1U);
  EXPECT_EQ(snapshot->categories()[0].name, "Orchestration & Management");
  auto registrants = snapshot->registrants();
  ASSERT_EQ(registrants.size(), 2U);
  EXPECT_EQ(registrants[0].registrant.kind, "artifacthub");
  EXPECT_EQ(registrants[0].models, 1U);
  EXPECT_EQ(registrants[0].components, 1U);
  EXPECT_EQ(registrants[1].registrant.kind, "github");
  EXPECT_EQ(registrants[1].models, 2U);
  EXPECT_EQ(registrants[1].components, 3U);
  EXPECT_EQ(registrants[1].relationships, 1U);
}

TEST(RegistrySnapshot, FillsComponentAndRelationshipCounts) {
  auto snapshot = kubernetesAndIstio();
  for (const ModelPtr& entry : snapshot->models()) {
    SCOPED_TRACE(entry->name + " " + entry->upstream_version);
    if (entry->upstream_version == "v1.35.0") {
      EXPECT_EQ(entry->components_count, 2U);
      EXPECT_EQ(entry->relationships_count, 1U);
      EXPECT_EQ(entry->toJson()["components_count"], 2);
      EXPECT_EQ(entry->toJson(WireFormat::kCamelCase)["relationshipsCount"], 1);
    } else {
      EXPECT_EQ(entry->components_count, 1U);
      EXPECT_EQ(entry->relationships_count, 0U);
    }
  }
}

TEST(RegistrySnapshot, MarksLaterDuplicatesInsteadOfDroppingThem) {
  auto first = component("Deployment", "apps/v1", "kubernetes", "v1.35.0");
  auto second = first;
  second.id = Uuid::v4();
  auto other_registrant = component("Deployment", "apps/v1", "kubernetes", "v1.35.0", "meshery");
  auto first_model = model("kubernetes", "v1.35.0");
  auto second_model = first_model;
  second_model.id = Uuid::v4();
  auto snapshot = SnapshotBuilder()
                      .add(first_model)
                      .add(second_model)
                      .add(first)
                      .add(second)
                      .add(other_registrant)
                      .build();
  ASSERT_EQ(snapshot->components().size(), 3U);
  EXPECT_EQ(snapshot->findComponent(first.id)->status, EntityStatus::kEnabled);
  EXPECT_EQ(snapshot->findComponent(second.id)->status, EntityStatus::kDuplicate);
  EXPECT_EQ(snapshot->findComponent(other_registrant.id)->status, EntityStatus::kDuplicate);
  EXPECT_EQ(snapshot->findComponent(second.id)->toJson()["status"], "duplicate");
  EXPECT_EQ(snapshot->findModel(first_model.id)->status, EntityStatus::kEnabled);
  EXPECT_EQ(snapshot->findModel(second_model.id)->status, EntityStatus::kDuplicate);

  // Once the original is gone, its duplicate takes its place.
  auto after = SnapshotBuilder(*snapshot).remove(first.id).build();
  EXPECT_EQ(after->findComponent(second.id)->status, EntityStatus::kEnabled);
  EXPECT_EQ(after->findComponent(other_registrant.id)->status, EntityStatus::kDuplicate);
  EXPECT_EQ(after->generation(), snapshot->generation() + 1);
  // The older snapshot is unchanged.
  EXPECT_EQ(snapshot->findComponent(second.id)->status, EntityStatus::kDuplicate);
}

TEST(RegistrySnapshot, SameIdReplacesInsteadOfDuplicating) {
  auto deployment = component("Deployment", "apps/v1", "kubernetes", "v1.35.0");
  auto renamed = deployment;
  renamed.display_name = "Deployment (edited)";
  auto snapshot = SnapshotBuilder().add(deployment).add(renamed).build();
  ASSERT_EQ(snapshot->components().size(), 1U);
  EXPECT_EQ(snapshot->components()[0]->display_name, "Deployment (edited)");
  EXPECT_EQ(snapshot->components()[0]->status, EntityStatus::kEnabled);
}

TEST(RegistrySnapshot, RemovingAModelRemovesItsEntities) {
  auto snapshot = kubernetesAndIstio();
  auto v135 = snapshot->modelsFor({"kubernetes", "", "v1.35.0", "", ""});
  ASSERT_EQ(v135.size(), 1U);
  auto after = SnapshotBuilder(*snapshot).remove(v135[0]->id).build();
  EXPECT_EQ(after->models().size(), 2U);
  EXPECT_EQ(after->componentsOfModel("kubernetes").size(), 1U);
  EXPECT_TRUE(after->relationshipsOfModel("kubernetes").empty());
  EXPECT_EQ(after->componentsOfModel("istio-base").size(), 1U);
}

TEST(RegistrySnapshot, StatusChangesAndUnknownIds) {
  auto snapshot = kubernetesAndIstio();
  auto service = snapshot->componentsOfKind("Service").front();
  auto after = SnapshotBuilder(*snapshot).setStatus(service->id, EntityStatus::kIgnored).build();
  EXPECT_EQ(after->findComponent(service->id)->status, EntityStatus::kIgnored);
  EXPECT_EQ(snapshot->findComponent(service->id)->status, EntityStatus::kEnabled);

  SnapshotBuilder builder(*snapshot);
  try {
    builder.remove(Uuid::v4());
    FAIL() << "expected kNotFound";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  }
  EXPECT_THROW(builder.setStatus(Uuid::v4(), EntityStatus::kIgnored), Error);
}

TEST(RegistrySnapshot, EmptySnapshotAnswersEverything) {
  auto snapshot = RegistrySnapshot::empty();
  EXPECT_TRUE(snapshot->models().empty());
  EXPECT_TRUE(snapshot->componentsFor("Pod", "v1").empty());
  EXPECT_EQ(snapshot->preferredComponent("Pod", "v1"), nullptr);
  EXPECT_TRUE(snapshot->registrants().empty());
  EXPECT_EQ(snapshot->generation(), 0U);
}

std::string textOf(const RegistrySnapshot& snapshot, const ComponentDefinition& component,
                   bool trim_schema) {
  std::string out;
  snapshot.appendComponentJson(out, component, trim_schema);
  return out;
}

std::string expectedText(const ComponentDefinition& component, bool trim_schema) {
  nlohmann::json document = component.toJson();
  if (trim_schema) document["component"].erase("schema");
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(RegistrySnapshot, ComponentTextIsTheDumpOfItsDocument) {
  auto plain = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  auto special = componentDocument("Secret", "v1", "kubernetes", "v1.35.0");
  special["component"]["schema"] =
      std::string("{\"description\":\"caf\xC3\xA9 \\\"q\\\" \xE2\x80\xA8 \x7F tab\t\x01\x1F\\n\"}");
  auto broken = componentDocument("Bad", "v1", "kubernetes", "v1.35.0");
  broken["component"]["schema"] = std::string("{\"a\":\"\xFF\xC3(\xED\xA0\x80\xF4\x90\x80\x80\"}");
  auto lookalike = componentDocument("Look", "v1", "kubernetes", "v1.35.0");
  lookalike["description"] = "\x01meshery:component.schema\x01";
  auto without = componentDocument("NoSchema", "v1", "kubernetes", "v1.35.0");
  without["component"].erase("schema");
  auto ignored = componentDocument("Ignored", "v1", "kubernetes", "v1.35.0");
  ignored["status"] = "ignored";

  SnapshotBuilder builder;
  for (const auto& document : {plain, special, broken, lookalike, without, ignored}) {
    builder.add(ComponentDefinition::fromJson(document));
  }
  auto snapshot = builder.build();
  for (int pass = 0; pass < 2; ++pass) {  // the second pass reads the cached text
    for (const ComponentPtr& component : snapshot->components()) {
      for (bool trim : {false, true}) {
        EXPECT_EQ(textOf(*snapshot, *component, trim), expectedText(*component, trim))
            << component->kind << " trim=" << trim;
      }
    }
  }
  // A component that is not this snapshot's is serialised, not looked up.
  const auto stranger = ComponentDefinition::fromJson(plain);
  EXPECT_EQ(textOf(*snapshot, stranger, false), expectedText(stranger, false));
}

TEST(RegistrySnapshot, CachedComponentTextIsTheSameTextInPlace) {
  auto with_schema = componentDocument("Pod", "v1", "kubernetes", "v1.35.0");
  auto without = componentDocument("NoSchema", "v1", "kubernetes", "v1.35.0");
  without["component"].erase("schema");
  auto snapshot = SnapshotBuilder()
                      .add(ComponentDefinition::fromJson(with_schema))
                      .add(ComponentDefinition::fromJson(without))
                      .build();
  for (const ComponentPtr& component : snapshot->components()) {
    const auto trimmed = snapshot->cachedComponentJson(*component, true);
    ASSERT_TRUE(trimmed.has_value()) << component->kind;
    EXPECT_EQ(*trimmed, expectedText(*component, true));
    EXPECT_EQ(snapshot->cachedComponentJson(*component, true, true), "," + std::string(*trimmed));
    // The same bytes on every call: a view of the cache, not a copy.
    EXPECT_EQ(snapshot->cachedComponentJson(*component, true)->data(), trimmed->data());
  }
  // The full text of a component with a schema is escaped on each call:
  // not cached whole. Without a schema it is.
  const ComponentPtr pod = snapshot->componentsOfKind("Pod").front();
  EXPECT_FALSE(snapshot->cachedComponentJson(*pod, false).has_value());
  const ComponentPtr plain = snapshot->componentsOfKind("NoSchema").front();
  EXPECT_EQ(snapshot->cachedComponentJson(*plain, false), expectedText(*plain, false));
  EXPECT_EQ(snapshot->cachedComponentJson(*plain, false, true), "," + expectedText(*plain, false));
  // Not this snapshot's component: nothing cached.
  const auto stranger = ComponentDefinition::fromJson(with_schema);
  EXPECT_FALSE(snapshot->cachedComponentJson(stranger, true).has_value());
}

TEST(RegistrySnapshot, ComponentTextFollowsChangesInLaterSnapshots) {
  auto first = SnapshotBuilder()
                   .add(component("Pod", "v1", "kubernetes", "v1.35.0"))
                   .add(component("Service", "v1", "kubernetes", "v1.35.0"))
                   .build();
  const ComponentPtr pod = first->componentsOfKind("Pod").front();
  const std::string before = textOf(*first, *pod, true);
  auto second = SnapshotBuilder(*first).setStatus(pod->id, EntityStatus::kIgnored).build();
  const ComponentPtr ignored = second->componentsOfKind("Pod").front();
  EXPECT_EQ(textOf(*second, *ignored, true), expectedText(*ignored, true));
  EXPECT_NE(textOf(*second, *ignored, true), before);
  EXPECT_EQ(textOf(*first, *pod, true), before);  // the older snapshot is unchanged
  const ComponentPtr service = second->componentsOfKind("Service").front();
  EXPECT_EQ(textOf(*second, *service, false), expectedText(*service, false));
}

}  // namespace
}  // namespace meshery::registry
