#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery_test/process.hpp"
#include "sqlite_fixture.hpp"

namespace meshery::store {
namespace {

/// Collects what threads saw go wrong, for one assertion at the end.
class Failures {
 public:
  void add(const std::string& what) {
    std::lock_guard lock(mutex_);
    messages_.push_back(what);
  }
  [[nodiscard]] std::string summary() {
    std::lock_guard lock(mutex_);
    std::string text = std::to_string(messages_.size()) + " failures";
    if (!messages_.empty()) text += ", first: " + messages_.front();
    return text;
  }
  [[nodiscard]] bool empty() {
    std::lock_guard lock(mutex_);
    return messages_.empty();
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> messages_;
};

std::int64_t countOf(Store& store, const std::string& table) {
  for (const TableCount& count : store.tableCounts()) {
    if (count.name == table) return count.count;
  }
  return -1;
}

TEST_F(SqliteStoreTest, EightWritersNeverSeeAnError) {
  constexpr int kThreads = 8;
  constexpr int kWritesPerThread = 200;
  Store& store = open();
  Failures failures;
  std::vector<std::thread> writers;
  writers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    writers.emplace_back([&, t] {
      for (int i = 0; i < kWritesPerThread; ++i) {
        try {
          store.organizations().upsert(
              sampleOrganization("org-" + std::to_string(t) + "-" + std::to_string(i)));
        } catch (const std::exception& error) {
          failures.add(error.what());
        }
      }
    });
  }
  for (auto& writer : writers) writer.join();

  EXPECT_TRUE(failures.empty()) << failures.summary();
  EXPECT_EQ(countOf(store, "organizations"), kThreads * kWritesPerThread);
  StoreStats stats = store.stats();
  EXPECT_EQ(stats.failures, 0U);
  EXPECT_GE(stats.writes, static_cast<std::uint64_t>(kThreads * kWritesPerThread));
}

TEST_F(SqliteStoreTest, ReadersRunWhileAWriterWrites) {
  Store& store = open();
  Failures failures;
  std::atomic<bool> writing{true};
  std::atomic<int> reads{0};
  std::thread writer([&] {
    for (int i = 0; i < 300; ++i) {
      try {
        store.organizations().upsert(sampleOrganization("org-" + std::to_string(i)));
      } catch (const std::exception& error) {
        failures.add(error.what());
      }
    }
    writing = false;
  });
  std::vector<std::thread> readers;
  readers.reserve(4);
  for (int r = 0; r < 4; ++r) {
    readers.emplace_back([&] {
      std::size_t seen = 0;
      while (writing) {
        try {
          std::size_t now = store.organizations().list().size();
          if (now < seen) failures.add("a reader saw rows disappear");
          seen = now;
          ++reads;
        } catch (const std::exception& error) {
          failures.add(error.what());
        }
      }
    });
  }
  writer.join();
  for (auto& reader : readers) reader.join();
  EXPECT_TRUE(failures.empty()) << failures.summary();
  EXPECT_GT(reads.load(), 0);
  EXPECT_EQ(store.organizations().list().size(), 300U);
}

TEST_F(SqliteStoreTest, AnOpenWriteTransactionDoesNotBlockReaders) {
  Store& store = open();
  Organization committed = sampleOrganization("committed");
  store.organizations().upsert(committed);

  RawSqlite other(databasePath());
  other.exec("BEGIN IMMEDIATE");
  other.exec("DELETE FROM organizations");
  auto organizations = store.organizations().list();
  ASSERT_EQ(organizations.size(), 1U);
  EXPECT_EQ(organizations[0].name, "committed");
  other.exec("ROLLBACK");
}

TEST_F(SqliteStoreTest, ALockHeldByAnotherProcessIsWaitedOutAndCounted) {
  Store& store = open();
  RawSqlite other(databasePath());
  other.exec("BEGIN IMMEDIATE");
  Organization organization = sampleOrganization("patient");
  auto write = std::async(std::launch::async, [&] { store.organizations().upsert(organization); });

  EXPECT_TRUE(test::eventually([&] { return store.stats().busy_retries > 0; }));
  other.exec("COMMIT");
  EXPECT_NO_THROW(write.get());
  EXPECT_TRUE(store.organizations().find(organization.meta.id).has_value());
  EXPECT_EQ(store.stats().failures, 0U);
}

}  // namespace
}  // namespace meshery::store
