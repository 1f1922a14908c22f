// The registry's persistent part, against every backend.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/store/store.hpp"
#include "repository_suite.hpp"

namespace meshery::store {
namespace {

class RegistryRepositorySuite : public RepositorySuite {};

RegistryDocument documentOf(RegistryEntityType type, const std::string& name) {
  RegistryDocument document;
  document.meta.id = Uuid::v4();
  document.meta.owner_id = Uuid::v4();
  document.meta.organization_id = Uuid::v4();
  document.meta.visibility = Visibility::kPublic;
  document.meta.created_at = at(1'700'000'000'000);
  document.meta.updated_at = at(1'700'000'000'000);
  document.type = type;
  // Key order and spacing as written must come back unchanged.
  document.document = R"({"name":")" + name + R"(","b":1, "a":"Zoë ✓"})";
  return document;
}

std::vector<RegistryDocument> scanAll(RegistryRepository& registry) {
  std::vector<RegistryDocument> documents;
  registry.scan([&](RegistryDocument&& document) { documents.push_back(std::move(document)); });
  return documents;
}

TEST_P(RegistryRepositorySuite, SavedDocumentsComeBackByteForByteModelsFirst) {
  auto component = documentOf(RegistryEntityType::kComponent, "c1");
  auto policy = documentOf(RegistryEntityType::kPolicy, "p1");
  auto model = documentOf(RegistryEntityType::kModel, "m1");
  auto relationship = documentOf(RegistryEntityType::kRelationship, "r1");
  auto second_component = documentOf(RegistryEntityType::kComponent, "c2");
  store().registry().save({component, policy, model, relationship, second_component});

  auto documents = scanAll(reopen().registry());
  ASSERT_EQ(documents.size(), 5U);
  std::vector<std::string> order;
  for (const auto& document : documents) order.push_back(document.document);
  EXPECT_EQ(order, (std::vector<std::string>{model.document, component.document,
                                             second_component.document, relationship.document,
                                             policy.document}));
  EXPECT_EQ(documents[1].type, RegistryEntityType::kComponent);
  expectSameMeta(documents[1].meta, component.meta);
}

TEST_P(RegistryRepositorySuite, SavingAgainReplacesByIdKeepingCreatedAtAndOrder) {
  auto first = documentOf(RegistryEntityType::kComponent, "first");
  auto second = documentOf(RegistryEntityType::kComponent, "second");
  store().registry().save({first, second});

  RegistryDocument changed = first;
  changed.document = R"({"name":"first","changed":true})";
  changed.meta.created_at = at(1'800'000'000'000);
  changed.meta.updated_at = at(1'800'000'000'000);
  store().registry().save({changed});

  auto documents = scanAll(store().registry());
  ASSERT_EQ(documents.size(), 2U);
  EXPECT_EQ(documents[0].document, changed.document);
  EXPECT_EQ(documents[0].meta.created_at, first.meta.created_at);
  EXPECT_EQ(documents[0].meta.updated_at, changed.meta.updated_at);
  EXPECT_EQ(documents[1].document, second.document);
}

TEST_P(RegistryRepositorySuite, AFailingSaveStoresNothingOfItsBatch) {
  auto kept = documentOf(RegistryEntityType::kModel, "kept");
  store().registry().save({kept});

  auto good = documentOf(RegistryEntityType::kComponent, "good");
  auto broken = documentOf(RegistryEntityType::kComponent, "broken");
  broken.document = R"({"name": "broken")";  // both backends refuse what is not JSON
  EXPECT_THROW(store().registry().save({good, broken}), Error);

  auto documents = scanAll(store().registry());
  ASSERT_EQ(documents.size(), 1U);
  EXPECT_EQ(documents[0].document, kept.document);
}

TEST_P(RegistryRepositorySuite, RemoveDeletesDocumentsAndTheirStatuses) {
  auto model = documentOf(RegistryEntityType::kModel, "m");
  auto component = documentOf(RegistryEntityType::kComponent, "c");
  auto other = documentOf(RegistryEntityType::kComponent, "other");
  store().registry().save({model, component, other});
  store().registry().setStatus({component.meta.id, RegistryEntityType::kComponent, "ignored",
                                at(1'700'000'000'500)});
  Uuid bundled = Uuid::v4();  // a status on a definition that is not stored
  store().registry().setStatus(
      {bundled, RegistryEntityType::kModel, "ignored", at(1'700'000'000'600)});

  EXPECT_EQ(store().registry().remove({model.meta.id, component.meta.id, Uuid::v4()}), 2U);
  auto documents = scanAll(store().registry());
  ASSERT_EQ(documents.size(), 1U);
  EXPECT_EQ(documents[0].meta.id, other.meta.id);
  auto statuses = store().registry().statuses();
  ASSERT_EQ(statuses.size(), 1U);
  EXPECT_EQ(statuses[0].id, bundled);
  EXPECT_EQ(store().registry().remove({}), 0U);
}

TEST_P(RegistryRepositorySuite, StatusesAreReplacedAndListedOldestChangeFirst) {
  Uuid model = Uuid::v4();
  Uuid component = Uuid::v4();
  store().registry().setStatus(
      {model, RegistryEntityType::kModel, "ignored", at(1'700'000'000'100)});
  store().registry().setStatus(
      {component, RegistryEntityType::kComponent, "ignored", at(1'700'000'000'200)});
  store().registry().setStatus(
      {model, RegistryEntityType::kModel, "enabled", at(1'700'000'000'300)});

  auto statuses = reopen().registry().statuses();
  ASSERT_EQ(statuses.size(), 2U);
  EXPECT_EQ(statuses[0].id, component);
  EXPECT_EQ(statuses[0].type, RegistryEntityType::kComponent);
  EXPECT_EQ(statuses[0].status, "ignored");
  EXPECT_EQ(statuses[1].id, model);
  EXPECT_EQ(statuses[1].status, "enabled");
  EXPECT_EQ(statuses[1].updated_at, at(1'700'000'000'300));
}

TEST_P(RegistryRepositorySuite, ScanStreamsManyLargeDocuments) {
  std::vector<RegistryDocument> batch;
  std::string schema(40'000, 'x');
  for (int i = 0; i < 600; ++i) {
    auto document = documentOf(RegistryEntityType::kComponent, "c" + std::to_string(i));
    document.document = R"({"i":)" + std::to_string(i) + R"(,"schema":")" + schema + R"("})";
    batch.push_back(std::move(document));
  }
  store().registry().save(batch);
  int expected = 0;
  store().registry().scan([&](RegistryDocument&& document) {
    EXPECT_EQ(document.document, batch[static_cast<std::size_t>(expected)].document);
    ++expected;
  });
  EXPECT_EQ(expected, 600);
}

TEST(RegistryEntityTypeText, RoundTripsAndRejectsUnknownNames) {
  for (auto type : {RegistryEntityType::kModel, RegistryEntityType::kComponent,
                    RegistryEntityType::kRelationship, RegistryEntityType::kPolicy}) {
    EXPECT_EQ(parseRegistryEntityType(toString(type)), type);
  }
  EXPECT_THROW(parseRegistryEntityType("models"), Error);
}

INSTANTIATE_TEST_SUITE_P(store, RegistryRepositorySuite,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backendName);

}  // namespace
}  // namespace meshery::store
