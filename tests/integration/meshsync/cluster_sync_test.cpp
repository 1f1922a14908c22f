// Embedded MeshSync against the fake API server and a real SQLite store:
// the initial list of every kind, changes as they happen (stored and
// published on the bus in MeshSync's message shape), a relist after the
// watch's version is compacted away, an API server that restarts, resync
// dropping what vanished, and a stop that ends every watch.
#include "meshery/meshsync/cluster_sync.hpp"

#include <gtest/gtest.h>

#include <thread>

#include "integration/kube/kube_test_support.hpp"
#include "meshery/store/store.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::meshsync {
namespace {

using kube::testing::configMap;
using kube::testing::contextFor;
using kube::testing::deployment;
using kube::testing::namespaceNamed;
using nlohmann::json;
using namespace std::chrono_literals;

class ClusterSyncTest : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = store::openStore("sqlite:" + (dir_.path() / "meshery.db").string());
    api_ = std::make_unique<test::FakeKubeApi>();
    client_ = std::make_unique<kube::KubeClient>(contextFor(*api_));
    client_->apply(namespaceNamed("shop"));
    client_->apply(configMap("shop", "settings"));
    client_->apply(deployment("shop", "web"));
  }

  std::unique_ptr<ClusterSync> started(SyncOptions options = {}) {
    options.first_backoff = 100ms;
    auto sync = std::make_unique<ClusterSync>(cluster_, contextFor(*api_),
                                              store_->clusterResources(), bus_, options);
    sync->start();
    return sync;
  }

  std::vector<std::string> stored(const std::string& kind) {
    store::ClusterResourceQuery query;
    query.kinds = {kind};
    query.page_size = 0;
    std::vector<std::string> names;
    for (const auto& resource : store_->clusterResources().list(query).resources)
      names.push_back(resource.namespace_ + "/" + resource.name);
    return names;
  }

  /// Waits (bounded) until `kind` holds exactly `names`.
  bool eventually(const std::string& kind, const std::vector<std::string>& names) {
    for (int i = 0; i < 200; ++i) {
      if (stored(kind) == names) return true;
      std::this_thread::sleep_for(50ms);
    }
    return false;
  }

  test::TempDir dir_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<test::FakeKubeApi> api_;
  std::unique_ptr<kube::KubeClient> client_;
  events::Bus bus_;
  Uuid cluster_ = Uuid::v4();
};

TEST_F(ClusterSyncTest, ListsEveryKindThenStoresAndPublishesEachChange) {
  auto messages = bus_.subscribe(kCoreSubject, 100'000);
  auto sync = started();
  ASSERT_TRUE(eventually("ConfigMap", {"shop/settings"})) << sync->status().toJson().dump();
  ASSERT_TRUE(eventually("Deployment", {"shop/web"}));
  ASSERT_TRUE(eventually("Namespace", {"/shop"}));
  EXPECT_GT(sync->status().kinds, 10U);

  client_->apply(configMap("shop", "flags", {{"beta", "on"}}));
  client_->remove(configMap("shop", "settings"));
  ASSERT_TRUE(eventually("ConfigMap", {"shop/flags"}));
  store::ClusterResourceQuery query;
  query.kinds = {"ConfigMap"};
  const auto flags = store_->clusterResources().list(query).resources.at(0);
  EXPECT_EQ(flags.object["data"]["beta"], "on");
  EXPECT_EQ(flags.cluster_id, cluster_);

  // MeshSync's message shape on meshery.meshsync.core.
  bool added = false;
  bool deleted = false;
  while (auto message = messages->next(0ms)) {
    const json& data = message->data;
    EXPECT_EQ(data["ObjectType"], "meshsync-data");
    EXPECT_EQ(data["Object"]["cluster_id"], cluster_.toString());
    const std::string name = data["Object"]["metadata"].value("name", "");
    added = added || (data["EventType"] == "ADDED" && name == "flags");
    deleted = deleted || (data["EventType"] == "DELETED" && name == "settings");
  }
  EXPECT_TRUE(added);
  EXPECT_TRUE(deleted);
  EXPECT_GE(sync->status().events, 2U);
  EXPECT_EQ(sync->status().state, "running");
}

TEST_F(ClusterSyncTest, SkipsTheKindsUpstreamExempts) {
  EXPECT_TRUE(exempt({"v1", "bindings", "Binding", true, {"create"}}));
  EXPECT_TRUE(exempt({"v1", "componentstatuses", "ComponentStatus", false, {"get", "list"}}));
  EXPECT_TRUE(exempt({"authorization.k8s.io/v1", "selfsubjectaccessreviews", "SelfSubjectAccessReview", false, {"create"}}));
  EXPECT_TRUE(exempt({"flowcontrol.apiserver.k8s.io/v1", "flowschemas", "FlowSchema", false, {"list", "watch"}}));
  EXPECT_FALSE(exempt({"apps/v1", "deployments", "Deployment", true, {"get", "list", "watch"}}));
}

TEST_F(ClusterSyncTest, SurvivesARestartAndACompactionAndResyncDropsWhatVanished) {
  SyncOptions options;
  options.only_kinds = {"ConfigMap"};
  auto sync = started(options);
  ASSERT_TRUE(eventually("ConfigMap", {"shop/settings"}));

  api_->restart(300ms);
  client_ = std::make_unique<kube::KubeClient>(contextFor(*api_));
  client_->apply(configMap("shop", "after-restart"));
  ASSERT_TRUE(eventually("ConfigMap", {"shop/after-restart", "shop/settings"}))
      << sync->status().toJson().dump();

  // Changes the watch can no longer replay: the follower lists again.
  api_->compact();
  client_->apply(configMap("shop", "after-compaction"));
  ASSERT_TRUE(eventually("ConfigMap", {"shop/after-compaction", "shop/after-restart", "shop/settings"}));

  // Discovery stopped: a deletion is missed; a resync lists it away.
  sync->stop();
  EXPECT_EQ(sync->status().state, "stopped");
  client_->remove(configMap("shop", "settings"));
  std::this_thread::sleep_for(200ms);
  EXPECT_EQ(stored("ConfigMap").size(), 3U);
  sync->resync();
  EXPECT_TRUE(eventually("ConfigMap", {"shop/after-compaction", "shop/after-restart"}));
}

}  // namespace
}  // namespace meshery::meshsync
