// The in-process bus: NATS subject patterns, the bus's order for every
// subscriber, and back-pressure — a subscriber that never reads neither
// blocks publishers nor grows past its bound, and its drops are counted.
#include "meshery/events/bus.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace meshery::events {
namespace {

using namespace std::chrono_literals;

TEST(Subjects, MatchTokensWildcardsAndTails) {
  EXPECT_TRUE(subjectMatches("meshery.meshsync.core", "meshery.meshsync.core"));
  EXPECT_TRUE(subjectMatches("meshery.*.core", "meshery.meshsync.core"));
  EXPECT_TRUE(subjectMatches("meshery.>", "meshery.meshsync.core"));
  EXPECT_TRUE(subjectMatches(">", "a"));
  EXPECT_FALSE(subjectMatches("meshery.>", "meshery"));
  EXPECT_FALSE(subjectMatches("meshery.*", "meshery.meshsync.core"));
  EXPECT_FALSE(subjectMatches("meshery.meshsync", "meshery.meshsync.core"));
  EXPECT_FALSE(subjectMatches("meshery.meshsync.core", "meshery.meshsync"));
  EXPECT_FALSE(subjectMatches("meshery.meshsync.logs", "meshery.meshsync.core"));
}

TEST(Bus, DeliversToMatchingSubscriptionsInTheBusOrder) {
  Bus bus;
  auto core = bus.subscribe("meshery.meshsync.core");
  auto all = bus.subscribe("meshery.>");
  auto logs = bus.subscribe("meshery.meshsync.logs");
  std::vector<std::thread> publishers;
  for (int t = 0; t < 4; ++t) {
    publishers.emplace_back([&bus, t] {
      for (int i = 0; i < 250; ++i) bus.publish("meshery.meshsync.core", {{"t", t}, {"i", i}});
    });
  }
  for (auto& publisher : publishers) publisher.join();
  bus.publish("meshery.events", {{"x", 1}});
  const auto seen = core->drain();
  ASSERT_EQ(seen.size(), 1000U);
  std::vector<int> last(4, -1);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (i > 0) {
      EXPECT_LT(seen[i - 1].sequence, seen[i].sequence);
    }
    const int t = seen[i].data["t"];
    const int n = seen[i].data["i"];
    EXPECT_EQ(n, last[t] + 1);  // each publisher's own order kept
    last[t] = n;
  }
  EXPECT_EQ(all->drain().size(), 1001U);
  EXPECT_TRUE(logs->drain().empty());
  EXPECT_EQ(bus.published(), 1001U);
}

TEST(Bus, ASubscriberThatNeverReadsDropsItsOldestAndBlocksNobody) {
  Bus bus;
  auto stuck = bus.subscribe("a.b", 10);
  auto reader = bus.subscribe("a.b", 100'000);
  for (int i = 0; i < 50'000; ++i) bus.publish("a.b", i);
  EXPECT_EQ(stuck->dropped(), 49'990U);
  EXPECT_EQ(reader->dropped(), 0U);
  const auto kept = stuck->drain();
  ASSERT_EQ(kept.size(), 10U);
  EXPECT_EQ(kept.front().data, 49'990);  // the newest are kept
  EXPECT_EQ(bus.dropped(), 49'990U);
  stuck->close();
  bus.publish("a.b", 0);  // forgets the closed subscription, keeps its count
  EXPECT_EQ(bus.dropped(), 49'990U);
}

TEST(Bus, AWaitingReaderWakesForAMessageOrItsClose) {
  Bus bus;
  auto subscription = bus.subscribe("x");
  std::thread later([&bus] {
    std::this_thread::sleep_for(20ms);
    bus.publish("x", "hello");
  });
  const auto message = subscription->next(5s);
  later.join();
  ASSERT_TRUE(message.has_value());
  EXPECT_EQ(message->data, "hello");
  EXPECT_FALSE(subscription->next(10ms).has_value());
  std::thread closer([&subscription] {
    std::this_thread::sleep_for(20ms);
    subscription->close();
  });
  EXPECT_FALSE(subscription->next(5s).has_value());
  closer.join();
}

}  // namespace
}  // namespace meshery::events
