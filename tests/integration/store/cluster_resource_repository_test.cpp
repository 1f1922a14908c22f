// Discovered cluster objects, against every backend: upserted and deleted
// in batches, a fresh list of a kind replacing what that kind had, listed
// with cluster, kind, namespace, name and label filters, summarised.
#include <gtest/gtest.h>

#include <string>

#include "meshery/core/error.hpp"
#include "meshery/store/store.hpp"
#include "repository_suite.hpp"

namespace meshery::store {
namespace {

using nlohmann::json;

class ClusterResourceRepositorySuite : public RepositorySuite {
 protected:
  ClusterResource object(const std::string& kind, const std::string& ns, const std::string& name,
                         json labels = json::object(), const Uuid* cluster = nullptr) {
    json metadata = {{"name", name},
                     {"uid", kind + "/" + ns + "/" + name},
                     {"resourceVersion", "7"},
                     {"labels", std::move(labels)},
                     {"managedFields", json::array({{{"manager", "kubectl"}}})}};
    if (!ns.empty()) metadata["namespace"] = ns;
    return ClusterResource::fromObject(
        cluster != nullptr ? *cluster : cluster_,
        {{"apiVersion", kind == "Deployment" ? "apps/v1" : "v1"},
         {"kind", kind},
         {"metadata", metadata},
         {"spec", {{"replicas", 2}}}});
  }

  void put(const std::vector<ClusterResource>& resources) {
    std::vector<ClusterResourceChange> changes;
    for (const ClusterResource& resource : resources) changes.push_back({false, resource});
    store().clusterResources().apply(changes);
  }

  Uuid cluster_ = Uuid::v4();
  Uuid other_cluster_ = Uuid::v4();
};

std::vector<std::string> names(const ClusterResourcePage& page) {
  std::vector<std::string> out;
  for (const ClusterResource& resource : page.resources) out.push_back(resource.kind + "/" + resource.name);
  return out;
}

TEST_P(ClusterResourceRepositorySuite, KeepsTheObjectWithoutManagedFieldsUnderAStableId) {
  const ClusterResource web = object("Deployment", "shop", "web", {{"app", "web"}});
  put({web});
  const auto found = reopen().clusterResources().find(web.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, clusterResourceId(cluster_, "Deployment/shop/web"));
  EXPECT_EQ(found->cluster_id, cluster_);
  EXPECT_EQ(found->api_version, "apps/v1");
  EXPECT_EQ(found->namespace_, "shop");
  EXPECT_EQ(found->resource_version, "7");
  EXPECT_EQ(found->object["spec"]["replicas"], 2);
  EXPECT_FALSE(found->object["metadata"].contains("managedFields"));
  EXPECT_EQ(found->labels(), (json{{"app", "web"}}));

  ClusterResource changed = web;
  changed.object["spec"]["replicas"] = 5;
  store().clusterResources().apply({{false, changed}});
  EXPECT_EQ(store().clusterResources().find(web.id)->object["spec"]["replicas"], 5);
  store().clusterResources().apply({{true, web}});
  EXPECT_FALSE(store().clusterResources().find(web.id).has_value());
}

TEST_P(ClusterResourceRepositorySuite, AFreshListReplacesOnlyItsKindInItsCluster) {
  put({object("ConfigMap", "shop", "a"), object("ConfigMap", "shop", "b"),
       object("Service", "shop", "web"), object("ConfigMap", "shop", "a", {}, &other_cluster_)});
  const auto deleted = store().clusterResources().replaceKind(
      cluster_, "v1", "ConfigMap", {object("ConfigMap", "shop", "b"), object("ConfigMap", "shop", "c")});
  ASSERT_EQ(deleted.size(), 1U);
  EXPECT_EQ(deleted[0], clusterResourceId(cluster_, "ConfigMap/shop/a"));
  ClusterResourceQuery query;
  query.page_size = 0;
  query.cluster_ids = {cluster_};
  EXPECT_EQ(names(store().clusterResources().list(query)),
            (std::vector<std::string>{"ConfigMap/b", "ConfigMap/c", "Service/web"}));
  query.cluster_ids = {other_cluster_};
  EXPECT_EQ(store().clusterResources().list(query).total_count, 1);
  EXPECT_EQ(store().clusterResources().removeCluster(cluster_), 3);
  EXPECT_EQ(store().clusterResources().removeCluster(cluster_), 0);
}

TEST_P(ClusterResourceRepositorySuite, ListsAndSummarisesWithFilters) {
  put({object("Deployment", "shop", "web", {{"app", "web"}, {"tier", "front"}}),
       object("Deployment", "shop", "api", {{"app", "api"}}),
       object("Deployment", "bank", "ledger", {{"app", "ledger"}, {"tier", "back"}}),
       object("Service", "shop", "web", {{"app", "web"}}),
       object("Namespace", "", "shop"),
       object("Service", "shop", "web", {{"app", "web"}}, &other_cluster_)});
  ClusterResourceQuery query;
  query.page_size = 2;
  ClusterResourcePage page = store().clusterResources().list(query);
  EXPECT_EQ(page.total_count, 6);
  EXPECT_EQ(names(page), (std::vector<std::string>{"Deployment/ledger", "Deployment/api"}));
  query.page = 1;
  EXPECT_EQ(names(store().clusterResources().list(query)),
            (std::vector<std::string>{"Deployment/web", "Namespace/shop"}));

  query = {};
  query.page_size = 0;
  query.kinds = {"Deployment", "Service"};
  query.namespaces = {"shop"};
  query.cluster_ids = {cluster_};
  EXPECT_EQ(names(store().clusterResources().list(query)),
            (std::vector<std::string>{"Deployment/api", "Deployment/web", "Service/web"}));
  query.labels = {{"app", "web"}, {"tier", "front"}};
  EXPECT_EQ(names(store().clusterResources().list(query)),
            (std::vector<std::string>{"Deployment/web"}));
  query = {};
  query.search = "LEDG";
  EXPECT_EQ(names(store().clusterResources().list(query)),
            (std::vector<std::string>{"Deployment/ledger"}));

  query = {};
  query.cluster_ids = {cluster_};
  const ClusterResourceSummary summary = store().clusterResources().summary(query);
  ASSERT_EQ(summary.kinds.size(), 3U);
  EXPECT_EQ(summary.kinds[0].kind, "Deployment");
  EXPECT_EQ(summary.kinds[0].count, 3);
  EXPECT_EQ(summary.kinds[2].kind, "Service");
  EXPECT_EQ(summary.total_count, 5);
  EXPECT_EQ(summary.namespaces, (std::vector<std::string>{"bank", "shop"}));
}

TEST_P(ClusterResourceRepositorySuite, RefusesObjectsWithoutIdentity) {
  EXPECT_THROW(ClusterResource::fromObject(cluster_, {{"kind", "Pod"}, {"metadata", {{"name", "x"}}}}),
               Error);
  const ClusterResource gone = object("Service", "shop", "gone");
  put({gone});
  EXPECT_TRUE(store().clusterResources().remove(gone.id));
  EXPECT_FALSE(store().clusterResources().remove(gone.id));
}

INSTANTIATE_TEST_SUITE_P(store, ClusterResourceRepositorySuite,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backendName);

}  // namespace
}  // namespace meshery::store
