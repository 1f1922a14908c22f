#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "meshery/core/error.hpp"
#include "meshery/registry/query.hpp"
#include "registry_test_documents.hpp"

namespace meshery::registry {
namespace {

using testing::componentDocument;
using testing::modelDocument;
using testing::relationshipDocument;

ComponentDefinition component(const std::string& kind, const std::string& display_name,
                              bool annotation = false) {
  auto document = componentDocument(kind, "v1", "kubernetes", "v1.35.0");
  document["displayName"] = display_name;
  document["metadata"]["isAnnotation"] = annotation;
  return ComponentDefinition::fromJson(document);
}

/// Kubernetes with five components (one an annotation) and a second model.
std::shared_ptr<const RegistrySnapshot> catalog() {
  auto shapes = modelDocument("meshery-shapes", "v0.7.0", "meshery");
  shapes["metadata"]["isAnnotation"] = true;
  shapes["displayName"] = "Meshery Shapes";
  return SnapshotBuilder()
      .add(Model::fromJson(modelDocument("kubernetes", "v1.35.0")))
      .add(Model::fromJson(shapes))
      .add(component("ConfigMap", "Config Map"))
      .add(component("Pod", "Pod"))
      .add(component("Secret", "Secret"))
      .add(component("ServiceAccount", "Service Account"))
      .add(component("Rectangle", "Rectangle", true))
      .add(RelationshipDefinition::fromJson(
          relationshipDocument("edge", "non-binding", "network", "kubernetes", "v1.35.0")))
      .add(RelationshipDefinition::fromJson(
          relationshipDocument("hierarchical", "parent", "inventory", "kubernetes", "v1.35.0")))
      .build();
}

std::vector<std::string> kinds(const QueryResult<ComponentDefinition>& result) {
  std::vector<std::string> names;
  for (const auto& item : result.items) names.push_back(item->kind);
  return names;
}

TEST(RegistryQuery, DefaultsToEnabledSortedByDisplayNameFirstPage) {
  auto result = queryComponents(*catalog(), {});
  EXPECT_EQ(result.total_count, 5U);
  EXPECT_EQ(kinds(result), (std::vector<std::string>{"ConfigMap", "Pod", "Rectangle", "Secret",
                                                     "ServiceAccount"}));
  EXPECT_EQ(result.page, 0U);
  EXPECT_EQ(result.page_size, kDefaultPageSize);
}

TEST(RegistryQuery, SearchIsCaseInsensitiveOverKindAndDisplayName) {
  ComponentQuery query;
  query.list.search = "SERVICE";
  EXPECT_EQ(kinds(queryComponents(*catalog(), query)),
            (std::vector<std::string>{"ServiceAccount"}));
  query.list.search = "config map";
  EXPECT_EQ(kinds(queryComponents(*catalog(), query)), (std::vector<std::string>{"ConfigMap"}));
  query.list.search = "zzz";
  EXPECT_EQ(queryComponents(*catalog(), query).total_count, 0U);

  ModelQuery models;
  models.list.search = "Shapes";
  auto result = queryModels(*catalog(), models);
  ASSERT_EQ(result.items.size(), 1U);
  EXPECT_EQ(result.items[0]->name, "meshery-shapes");
}

TEST(RegistryQuery, AnnotationsFilter) {
  ComponentQuery query;
  query.list.annotations = parseAnnotationFilter("true");
  EXPECT_EQ(kinds(queryComponents(*catalog(), query)), (std::vector<std::string>{"Rectangle"}));
  query.list.annotations = parseAnnotationFilter("false");
  EXPECT_EQ(queryComponents(*catalog(), query).total_count, 4U);
  query.list.annotations = parseAnnotationFilter("include");
  EXPECT_EQ(queryComponents(*catalog(), query).total_count, 5U);

  ModelQuery models;
  models.list.annotations = AnnotationFilter::kExclude;
  auto result = queryModels(*catalog(), models);
  ASSERT_EQ(result.items.size(), 1U);
  EXPECT_EQ(result.items[0]->name, "kubernetes");
}

TEST(RegistryQuery, SortsOnTheOrderFieldInEitherDirection) {
  ComponentQuery query;
  query.list.order = "kind";
  query.list.direction = parseSortDirection("desc");
  EXPECT_EQ(
      kinds(queryComponents(*catalog(), query)),
      (std::vector<std::string>{"ServiceAccount", "Secret", "Rectangle", "Pod", "ConfigMap"}));
  query.list.order = "no_such_field";
  try {
    queryComponents(*catalog(), query);
    FAIL() << "expected kInvalidArgument";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(error.remedy().find("display_name"), std::string::npos);
  }

  RelationshipQuery relationships;
  relationships.list.order = "kind";
  relationships.list.direction = SortDirection::kDescending;
  auto sorted = queryRelationships(*catalog(), relationships);
  ASSERT_EQ(sorted.items.size(), 2U);
  EXPECT_EQ(sorted.items[0]->kind, "hierarchical");
}

TEST(RegistryQuery, PaginationIsZeroBased) {
  ComponentQuery query;
  query.list.page = {0, 2};
  EXPECT_EQ(kinds(queryComponents(*catalog(), query)),
            (std::vector<std::string>{"ConfigMap", "Pod"}));
  query.list.page = {1, 2};
  EXPECT_EQ(kinds(queryComponents(*catalog(), query)),
            (std::vector<std::string>{"Rectangle", "Secret"}));
  query.list.page = {2, 2};
  EXPECT_EQ(kinds(queryComponents(*catalog(), query)),
            (std::vector<std::string>{"ServiceAccount"}));
}

TEST(RegistryQuery, PaginationEdgeCases) {
  ComponentQuery query;
  query.list.page = {3, 2};
  auto beyond = queryComponents(*catalog(), query);
  EXPECT_TRUE(beyond.items.empty());
  EXPECT_EQ(beyond.total_count, 5U);
  query.list.page = {1'000'000'000'000, 1'000'000};
  EXPECT_TRUE(queryComponents(*catalog(), query).items.empty());

  query.list.page = parsePageRequest("4", "all");
  auto all = queryComponents(*catalog(), query);
  EXPECT_EQ(all.items.size(), 5U);
  EXPECT_FALSE(all.page_size.has_value());

  query.list.page = {0, 0};
  EXPECT_EQ(queryComponents(*catalog(), query).page_size, kDefaultPageSize);
}

TEST(RegistryQuery, ParsesMesheryPageParameters) {
  EXPECT_EQ(parsePageRequest("", "").page, 0U);
  EXPECT_EQ(parsePageRequest("", "").page_size, kDefaultPageSize);
  EXPECT_EQ(parsePageRequest("-3", "0").page, 0U);
  EXPECT_EQ(parsePageRequest("-3", "0").page_size, kDefaultPageSize);
  EXPECT_EQ(parsePageRequest("2", "10").page, 2U);
  EXPECT_EQ(parsePageRequest("2", "10").page_size, 10U);
  EXPECT_EQ(parsePageRequest("x", "ten").page_size, kDefaultPageSize);
  EXPECT_FALSE(parsePageRequest("0", "all").page_size.has_value());
  EXPECT_EQ(parseAnnotationFilter(""), AnnotationFilter::kInclude);
  EXPECT_EQ(parseSortDirection("asc"), SortDirection::kAscending);
}

TEST(RegistryQuery, FiltersByModelVersionApiVersionKindCategoryRegistrantStatus) {
  auto snapshot = catalog();
  ComponentQuery query;
  query.model_name = "kubernetes";
  query.version = "v1.35.0";
  query.api_version = "v1";
  query.kind = "Pod";
  query.category = "Orchestration & Management";
  query.registrant = "GitHub";
  EXPECT_EQ(kinds(queryComponents(*snapshot, query)), (std::vector<std::string>{"Pod"}));
  query.version = "v1.34.0";
  EXPECT_EQ(queryComponents(*snapshot, query).total_count, 0U);

  ComponentQuery all_models;
  all_models.model_name = "all";
  EXPECT_EQ(queryComponents(*snapshot, all_models).total_count, 5U);

  auto pod = snapshot->componentsOfKind("Pod").front();
  auto ignored = SnapshotBuilder(*snapshot).setStatus(pod->id, EntityStatus::kIgnored).build();
  EXPECT_EQ(queryComponents(*ignored, {}).total_count, 4U);
  ComponentQuery ignored_only;
  ignored_only.list.status = EntityStatus::kIgnored;
  EXPECT_EQ(kinds(queryComponents(*ignored, ignored_only)), (std::vector<std::string>{"Pod"}));
  ComponentQuery any_status;
  any_status.list.status = std::nullopt;
  EXPECT_EQ(queryComponents(*ignored, any_status).total_count, 5U);

  ModelQuery models;
  models.registrant = "meshery";
  EXPECT_EQ(queryModels(*snapshot, models).total_count, 1U);
  models = {};
  models.version = "v1.35.0";
  EXPECT_EQ(queryModels(*snapshot, models).total_count, 1U);

  RelationshipQuery relationships;
  relationships.kind = "EDGE";
  relationships.sub_type = "network";
  EXPECT_EQ(queryRelationships(*snapshot, relationships).total_count, 1U);
  EXPECT_EQ(queryPolicies(*snapshot, {}).total_count, 0U);
}

TEST(RegistryQuery, PagesOfALargeSortedListMatchAFullStableSort) {
  // Enough components, ties and computed keys (category) to exercise the
  // partial sort: every page equals the slice of a stable sort of everything.
  SnapshotBuilder builder;
  const char* kCategories[] = {"Tools", "Database", "Analytics", "Runtime"};
  for (int m = 0; m < 4; ++m) {
    auto model = modelDocument("model-" + std::to_string(m), "v1.0.0");
    model["category"] = {{"name", kCategories[m]}};
    builder.add(Model::fromJson(model));
  }
  for (int i = 0; i < 97; ++i) {
    auto document = componentDocument("Kind" + std::to_string(i), "v" + std::to_string(i % 5),
                                      "model-" + std::to_string(i % 4), "v1.0.0");
    document["model"].erase("category");
    document["displayName"] = "Same Name With A Long Tail " + std::to_string(i % 7);
    builder.add(ComponentDefinition::fromJson(document));
  }
  auto snapshot = builder.build();
  for (const char* order : {"", "category", "apiVersion", "kind"}) {
    for (SortDirection direction : {SortDirection::kAscending, SortDirection::kDescending}) {
      ComponentQuery all;
      all.list.order = order;
      all.list.direction = direction;
      all.list.page.page_size = std::nullopt;
      const auto everything = queryComponents(*snapshot, all).items;
      ASSERT_EQ(everything.size(), 97U);
      for (std::size_t page = 0; page < 5; ++page) {
        ComponentQuery query = all;
        query.list.page = {page, 20};
        const auto items = queryComponents(*snapshot, query).items;
        for (std::size_t i = 0; i < items.size(); ++i) {
          EXPECT_EQ(items[i], everything[page * 20 + i]) << order << " page " << page;
        }
      }
      for (std::size_t i = 1; i < everything.size(); ++i) {
        if (std::string_view(order) != "category") break;
        const auto category = [&](const ComponentPtr& c) {
          return snapshot->modelsFor(c->model).front()->category.name;
        };
        const int compared = category(everything[i - 1]).compare(category(everything[i]));
        EXPECT_TRUE(direction == SortDirection::kAscending ? compared <= 0 : compared >= 0);
      }
    }
  }
}

TEST(RegistryQuery, IndexedSearchFindsWhatAScanFinds) {
  SnapshotBuilder builder;
  for (int i = 0; i < 60; ++i) {
    auto document = componentDocument("Kind" + std::to_string(i) + "x" + std::to_string(i % 7),
                                      "v1", "kubernetes", "v1.35.0");
    document["displayName"] = i % 3 == 0 ? "Kind Émoji ✓ " + std::to_string(i) : "Plain";
    builder.add(ComponentDefinition::fromJson(document));
  }
  auto snapshot = builder.build();
  for (const char* needle : {"k", "ki", "kind", "KIND1", "1x1", "d5x", "plain", "ain\nkind",
                             "émoji", "✓ 3", "zzz", "x6", "nd", "kind59x3\nkind émoji ✓ 5"}) {
    ComponentQuery query;
    query.list.search = needle;
    query.list.page.page_size = std::nullopt;
    std::vector<std::string> found;
    for (const auto& item : queryComponents(*snapshot, query).items) found.push_back(item->kind);
    std::vector<std::string> expected;
    const std::string lower_needle = [&] {
      std::string lower(needle);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return lower;
    }();
    ComponentQuery all;
    all.list.page.page_size = std::nullopt;
    for (const auto& item : queryComponents(*snapshot, all).items) {
      if (snapshot->searchText(*item).find(lower_needle) != std::string::npos) {
        expected.push_back(item->kind);
      }
    }
    EXPECT_EQ(found, expected) << needle;
  }
}

TEST(RegistryQuery, DisplayNameOrderFromRanksMatchesAStableSortOfTheNames) {
  // The default order compares the snapshot's display-name ranks; it must
  // equal a stable sort of the names themselves (ties in registration
  // order, also when descending), with status and annotation filters
  // applied from the per-position facts as from the entities.
  SnapshotBuilder builder;
  builder.add(Model::fromJson(modelDocument("kubernetes", "v1.35.0")));
  const char* kNames[] = {"b", "a", "B", "a ", "", "\xc3\xa9", "a", "b"};
  for (int i = 0; i < 40; ++i) {
    auto document = componentDocument("Kind" + std::to_string(i), "v1", "kubernetes", "v1.35.0");
    document["displayName"] = std::string(kNames[i % 8]) + (i % 3 == 0 ? "" : "kind");
    document["metadata"]["isAnnotation"] = i % 5 == 0;
    builder.add(ComponentDefinition::fromJson(document));
  }
  auto snapshot = builder.build();
  SnapshotBuilder changed(*snapshot);
  changed.setStatus(snapshot->components()[7]->id, EntityStatus::kIgnored);
  snapshot = changed.build();
  for (SortDirection direction : {SortDirection::kAscending, SortDirection::kDescending}) {
    for (AnnotationFilter annotations :
         {AnnotationFilter::kInclude, AnnotationFilter::kExclude, AnnotationFilter::kOnly}) {
      for (const char* search : {"", "kind"}) {
        ComponentQuery query;
        query.list.direction = direction;
        query.list.annotations = annotations;
        query.list.search = search;
        query.list.page = {1, 4};
        std::vector<ComponentPtr> expected;
        for (const auto& component : snapshot->components()) {
          if (component->status != EntityStatus::kEnabled) continue;
          if (annotations == AnnotationFilter::kOnly && !component->is_annotation) continue;
          if (annotations == AnnotationFilter::kExclude && component->is_annotation) continue;
          if (snapshot->searchText(*component).find(search) == std::string::npos) continue;
          expected.push_back(component);
        }
        std::stable_sort(expected.begin(), expected.end(), [&](const auto& a, const auto& b) {
          return direction == SortDirection::kAscending ? a->display_name < b->display_name
                                                        : a->display_name > b->display_name;
        });
        const auto result = queryComponents(*snapshot, query);
        EXPECT_EQ(result.total_count, expected.size());
        ASSERT_EQ(result.items.size(), std::min<std::size_t>(4, expected.size() - 4));
        for (std::size_t i = 0; i < result.items.size(); ++i) {
          EXPECT_EQ(result.items[i], expected[4 + i]) << search << " " << i;
        }
        // The same query over the model's components (not the snapshot's
        // own list) sorts on the names themselves and agrees.
        query.model_name = "kubernetes";
        EXPECT_EQ(queryComponents(*snapshot, query).items, result.items) << search;
      }
    }
  }
}

}  // namespace
}  // namespace meshery::registry
