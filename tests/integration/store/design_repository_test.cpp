// Saved designs and their revisions, against every backend.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/store/store.hpp"
#include "repository_suite.hpp"

namespace meshery::store {
namespace {

class DesignRepositorySuite : public RepositorySuite {
 protected:
  StoredDesign designNamed(const std::string& name, std::int64_t at_ms = 1'700'000'000'000) {
    StoredDesign design;
    design.meta.id = Uuid::v4();
    design.meta.owner_id = owner_;
    design.meta.organization_id = organization_;
    design.meta.visibility = Visibility::kPrivate;
    design.meta.created_at = at(at_ms);
    design.meta.updated_at = at(at_ms);
    design.name = name;
    design.source_type = "Kubernetes Manifest";
    design.document = R"({"name":")" + name + R"(","schemaVersion":"designs.meshery.io/v1beta1"})";
    design.source_name = name + ".yaml";
    design.source_content = std::string("kind: List\n\0\xff binary", 19);
    return design;
  }

  DesignQuery query() {
    DesignQuery query;
    query.organization_id = organization_;
    return query;
  }

  Uuid owner_ = Uuid::v4();
  Uuid organization_ = Uuid::v4();
};

TEST_P(DesignRepositorySuite, SavesFindsAndKeepsTheOriginalBytes) {
  StoredDesign design = designNamed("web");
  StoredDesign stored = store().designs().save(design);
  EXPECT_EQ(stored.revision, 1);
  auto found = reopen().designs().find(design.meta.id);
  ASSERT_TRUE(found.has_value());
  expectSameMeta(found->meta, design.meta);
  EXPECT_EQ(found->name, "web");
  EXPECT_EQ(found->source_type, "Kubernetes Manifest");
  EXPECT_EQ(found->document, design.document);
  EXPECT_EQ(found->source_name, "web.yaml");
  EXPECT_EQ(found->source_content, design.source_content);
  EXPECT_FALSE(store().designs().find(Uuid::v4()).has_value());
}

TEST_P(DesignRepositorySuite, EverySaveIsARevisionAndTheFirstOwnerStays) {
  StoredDesign design = designNamed("web");
  store().designs().save(design);
  StoredDesign edited = design;
  edited.meta.owner_id = Uuid::v4();  // another user saves it
  edited.meta.created_at = at(1'800'000'000'000);
  edited.meta.updated_at = at(1'800'000'000'000);
  edited.name = "web-2";
  edited.document = R"({"name":"web-2"})";
  edited.source_content.clear();  // keeps the stored original
  StoredDesign stored = store().designs().save(edited);
  EXPECT_EQ(stored.revision, 2);
  EXPECT_EQ(stored.meta.owner_id, owner_);
  EXPECT_EQ(stored.meta.created_at, design.meta.created_at);

  auto found = store().designs().find(design.meta.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->revision, 2);
  EXPECT_EQ(found->name, "web-2");
  EXPECT_EQ(found->source_content, design.source_content);
  EXPECT_EQ(found->meta.updated_at, at(1'800'000'000'000));

  auto revisions = store().designs().revisions(design.meta.id);
  ASSERT_EQ(revisions.size(), 2U);
  EXPECT_EQ(revisions[0].revision, 2);
  EXPECT_EQ(revisions[0].saved_by, edited.meta.owner_id);
  EXPECT_EQ(revisions[1].document, design.document);
  auto first = store().designs().revision(design.meta.id, 1);
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(first->name, "web");
  EXPECT_EQ(first->saved_at, design.meta.updated_at);
  EXPECT_FALSE(store().designs().revision(design.meta.id, 3).has_value());
}

TEST_P(DesignRepositorySuite, EachRevisionKeepsItsOwnDocumentAcrossSaves) {
  // The current revision's document is stored once, with the design; a
  // later save must move it into the revision before replacing it.
  StoredDesign design = designNamed("web");
  std::vector<std::string> documents;
  for (int save = 1; save <= 3; ++save) {
    design.document = R"({"name":"web","save":)" + std::to_string(save) + "}";
    documents.push_back(design.document);
    EXPECT_EQ(store().designs().save(design).revision, save);
  }
  auto revisions = reopen().designs().revisions(design.meta.id);
  ASSERT_EQ(revisions.size(), 3U);
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    EXPECT_EQ(revisions[i].revision, static_cast<std::int64_t>(3 - i));
    EXPECT_EQ(revisions[i].document, documents[2 - i]);
    auto one = store().designs().revision(design.meta.id, revisions[i].revision);
    ASSERT_TRUE(one.has_value());
    EXPECT_EQ(one->document, documents[2 - i]);
  }
  EXPECT_EQ(store().designs().find(design.meta.id)->document, documents.back());
}

TEST_P(DesignRepositorySuite, ListsSearchesOrdersAndPages) {
  store().designs().save(designNamed("Frontend", 1'700'000'000'001));
  store().designs().save(designNamed("backend", 1'700'000'000'002));
  store().designs().save(designNamed("front-proxy", 1'700'000'000'003));
  StoredDesign elsewhere = designNamed("frontier");
  elsewhere.meta.organization_id = Uuid::v4();
  store().designs().save(elsewhere);

  auto newest = store().designs().list(query());
  EXPECT_EQ(newest.total, 3U);
  ASSERT_EQ(newest.items.size(), 3U);
  EXPECT_EQ(newest.items[0].name, "front-proxy");
  EXPECT_TRUE(newest.items[0].source_content.empty()) << "lists carry no original bytes";

  DesignQuery search = query();
  search.search = "FRONT";
  search.order = "name";
  search.descending = false;
  auto found = store().designs().list(search);
  EXPECT_EQ(found.total, 2U);
  ASSERT_EQ(found.items.size(), 2U);
  EXPECT_EQ(found.items[0].name, "Frontend");  // byte order: upper case first
  EXPECT_EQ(found.items[1].name, "front-proxy");

  DesignQuery page = query();
  page.order = "created_at";
  page.descending = false;
  page.limit = 1;
  page.offset = 1;
  auto second = store().designs().list(page);
  EXPECT_EQ(second.total, 3U);
  ASSERT_EQ(second.items.size(), 1U);
  EXPECT_EQ(second.items[0].name, "backend");
  page.offset = 9;
  EXPECT_TRUE(store().designs().list(page).items.empty());

  DesignQuery published = query();
  published.visibility = Visibility::kPublished;
  EXPECT_EQ(store().designs().list(published).total, 0U);
  DesignQuery bad = query();
  bad.order = "name; DROP TABLE designs";
  EXPECT_THROW(store().designs().list(bad), Error);
}

TEST_P(DesignRepositorySuite, RemoveDeletesDesignsWithTheirRevisions) {
  StoredDesign kept = designNamed("kept");
  StoredDesign gone = designNamed("gone");
  store().designs().save(kept);
  store().designs().save(gone);
  store().designs().save(gone);
  EXPECT_EQ(store().designs().remove(Uuid::v4(), {gone.meta.id}), 0U) << "another organisation's";
  EXPECT_TRUE(store().designs().find(gone.meta.id).has_value());
  EXPECT_EQ(store().designs().remove(organization_, {gone.meta.id, Uuid::v4()}), 1U);
  EXPECT_FALSE(store().designs().find(gone.meta.id).has_value());
  EXPECT_TRUE(store().designs().revisions(gone.meta.id).empty());
  EXPECT_TRUE(store().designs().find(kept.meta.id).has_value());
  EXPECT_EQ(store().designs().remove(organization_, {}), 0U);
}

TEST_P(DesignRepositorySuite, AnInvalidDocumentIsRefusedAndNothingIsSaved) {
  StoredDesign design = designNamed("web");
  store().designs().save(design);
  StoredDesign broken = design;
  broken.document = "{not json";
  EXPECT_THROW(store().designs().save(broken), Error);
  auto found = store().designs().find(design.meta.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->revision, 1);
  EXPECT_EQ(found->document, design.document);
  EXPECT_EQ(store().designs().revisions(design.meta.id).size(), 1U);
}

INSTANTIATE_TEST_SUITE_P(store, DesignRepositorySuite,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backendName);

}  // namespace
}  // namespace meshery::store
