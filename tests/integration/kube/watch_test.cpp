// Watches against the fake API server: changes after a list's resource
// version, bookmarks, 410 Expired, and follow()'s list-watch-relist.
#include <gtest/gtest.h>

#include <atomic>
#include <functional>
#include <thread>

#include "kube_test_support.hpp"

namespace meshery::kube {
namespace {

using testing::configMap;
using testing::contextFor;
using testing::json;
using testing::namespaceNamed;

constexpr const char* kShopConfigMaps = "/api/v1/namespaces/shop/configmaps";

TEST(KubeWatch, AQuietWatchEndsWhenItsCallerStopsIt) {
  test::FakeKubeApi::Options options;
  options.bookmark_interval = std::chrono::hours(1);  // nothing arrives on the stream
  test::FakeKubeApi api(options);
  KubeClient client(contextFor(api));
  std::atomic<bool> running{true};
  std::thread stopper([&running] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    running = false;
  });
  int events = 0;
  client.watch(
      "/api/v1/configmaps", "",
      [&](const WatchEvent&) {
        ++events;
        return true;
      },
      std::chrono::seconds(300), [&running] { return running.load(); });
  stopper.join();
  EXPECT_FALSE(running.load());  // it returned because it was stopped, not on its own
  EXPECT_EQ(events, 0);
}

TEST(KubeWatch, SeesEachChangeAfterTheListAndBookmarks) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  client.apply(namespaceNamed("other"));
  const std::string listed = client.listAll(kShopConfigMaps).resource_version;
  std::thread writer([&] {
    KubeClient second(contextFor(api));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    second.apply(configMap("other", "elsewhere"));  // another namespace: not seen
    second.apply(configMap("shop", "settings"));
    second.apply(configMap("shop", "settings", {{"mode", "fast"}}));
    second.remove(configMap("shop", "settings"));
  });
  std::vector<std::string> types;
  bool bookmarked = false;
  const std::string last = client.watch(
      kShopConfigMaps, listed,
      [&](const WatchEvent& event) {
        if (event.type == "BOOKMARK") {
          bookmarked = true;
        } else {
          types.push_back(event.type);
          EXPECT_EQ(event.object["metadata"]["name"], "settings");
        }
        return types.size() < 3 || !bookmarked;
      },
      std::chrono::seconds(10));
  writer.join();
  EXPECT_EQ(types, (std::vector<std::string>{"ADDED", "MODIFIED", "DELETED"}));
  EXPECT_TRUE(bookmarked);
  EXPECT_GT(std::stoll(last), std::stoll(listed));
}

TEST(KubeWatch, WithoutAVersionStartsWithWhatExists) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  client.apply(configMap("shop", "a"));
  client.apply(configMap("shop", "b"));
  std::vector<std::string> names;
  client.watch(kShopConfigMaps, "", [&](const WatchEvent& event) {
    if (event.type == "ADDED") names.push_back(event.object["metadata"]["name"]);
    return names.size() < 2;
  });
  EXPECT_EQ(names, (std::vector<std::string>{"a", "b"}));
}

TEST(KubeWatch, AVersionTooOldIsExpired) {
  test::FakeKubeApi api;
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  const std::string listed = client.listAll(kShopConfigMaps).resource_version;
  client.apply(configMap("shop", "a"));
  api.compact();
  try {
    client.watch(kShopConfigMaps, listed, [](const WatchEvent&) { return true; });
    ADD_FAILURE() << "no 410";
  } catch (const ApiError& error) {
    EXPECT_EQ(error.status().code, 410);
    EXPECT_EQ(error.status().reason, "Expired");
  }
}

/// Waits up to five seconds for `condition`.
bool eventually(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

TEST(KubeWatch, FollowListsAgainWhenItsVersionExpires) {
  test::FakeKubeApi::Options options;
  options.bookmark_interval = std::chrono::seconds(30);  // no bookmark moves the version on
  test::FakeKubeApi api(options);
  KubeClient client(contextFor(api));
  client.apply(namespaceNamed("shop"));
  client.apply(namespaceNamed("other"));
  client.apply(configMap("shop", "a"));
  std::atomic<int> lists = 0;
  std::vector<std::size_t> listed_sizes;
  std::atomic<bool> seen_b = false;
  std::atomic<bool> stop = false;
  std::thread follower([&] {
    KubeClient watcher(contextFor(api));
    watcher.follow(
        kShopConfigMaps,
        [&](const std::vector<json>& items) {
          listed_sizes.push_back(items.size());
          ++lists;
        },
        [&](const WatchEvent& event) {
          if (event.type == "ADDED" && event.object["metadata"]["name"] == "b") seen_b = true;
          return true;
        },
        [&] { return lists < 2 && !stop; }, std::chrono::seconds(1));
  });
  const bool listed = eventually([&] { return lists >= 1; });
  client.apply(configMap("shop", "b"));
  const bool saw_b = eventually([&] { return seen_b.load(); });
  // A change the follower does not watch, then compaction: the version it
  // last saw is gone, and its next watch (after a second) is refused.
  client.apply(configMap("shop", "c"));
  client.apply(configMap("other", "elsewhere"));
  api.compact();
  const bool relisted = eventually([&] { return lists >= 2; });
  stop = true;
  follower.join();
  ASSERT_TRUE(listed && saw_b && relisted);
  EXPECT_EQ(listed_sizes, (std::vector<std::size_t>{1, 3}));
}

}  // namespace
}  // namespace meshery::kube
