// One repository suite, run against every backend: SQLite in a temp dir and
// a real PostgreSQL server started on a free loopback port for this binary.
#include "repository_suite.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/store/store.hpp"
#include "meshery_test/postgres_server.hpp"

namespace meshery::store {
namespace {

using std::chrono::milliseconds;

/// Stops the shared PostgreSQL server once every test has run.
class StopPostgres : public ::testing::Environment {
 public:
  void TearDown() override { test::PostgresServer::stopShared(); }
};
[[maybe_unused]] const auto* const kStopPostgres =
    ::testing::AddGlobalTestEnvironment(new StopPostgres);

TEST_P(RepositorySuite, AnswersPingAndKnowsItsSchemaVersion) {
  EXPECT_NO_THROW(store().ping());
  EXPECT_GE(store().schemaVersion(), 1);
  EXPECT_EQ(store().backend(), GetParam() == Backend::kSqlite ? "sqlite" : "postgres");
  EXPECT_EQ(store().stats().backend, store().backend());
  EXPECT_GE(store().stats().connections, 1U);
}

TEST_P(RepositorySuite, OrganizationsUpsertFindAndList) {
  Organization beta = storedOrganization("beta");
  Organization alpha = storedOrganization("alpha");
  auto found = store().organizations().find(beta.meta.id);
  ASSERT_TRUE(found.has_value());
  expectSameMeta(found->meta, beta.meta);
  EXPECT_EQ(found->name, "beta");
  EXPECT_EQ(found->description, "about beta");
  EXPECT_FALSE(store().organizations().find(Uuid::v4()).has_value());

  auto all = store().organizations().list();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].name, "alpha");
  EXPECT_EQ(all[1].name, "beta");
}

TEST_P(RepositorySuite, UpdatesKeepCreatedAt) {
  Organization organization = storedOrganization();
  User user = userOf(organization, "alice");
  store().users().upsert(user);

  Organization renamed = organization;
  renamed.name = "acme-renamed";
  renamed.meta.created_at = at(1'800'000'000'000);
  renamed.meta.updated_at = at(1'800'000'000'789);
  store().organizations().upsert(renamed);
  User changed = user;
  changed.email = "alice@acme.example";
  changed.meta.created_at = at(1'800'000'000'000);
  changed.meta.updated_at = at(1'800'000'000'789);
  store().users().upsert(changed);

  auto found_organization = store().organizations().find(organization.meta.id);
  ASSERT_TRUE(found_organization.has_value());
  EXPECT_EQ(found_organization->name, "acme-renamed");
  EXPECT_EQ(found_organization->meta.created_at, organization.meta.created_at);
  EXPECT_EQ(found_organization->meta.updated_at, renamed.meta.updated_at);
  auto found_user = store().users().find(user.meta.id);
  ASSERT_TRUE(found_user.has_value());
  EXPECT_EQ(found_user->email, "alice@acme.example");
  EXPECT_EQ(found_user->meta.created_at, user.meta.created_at);
  EXPECT_EQ(found_user->meta.updated_at, changed.meta.updated_at);
  EXPECT_EQ(store().organizations().list().size(), 1U);
  EXPECT_EQ(store().users().list().size(), 1U);
}

TEST_P(RepositorySuite, UsersRoundTripEveryField) {
  Organization organization = storedOrganization();
  User bob = userOf(organization, "bob");
  User alice = userOf(organization, "alice");
  store().users().upsert(bob);
  store().users().upsert(alice);
  auto found = store().users().find(bob.meta.id);
  ASSERT_TRUE(found.has_value());
  expectSameMeta(found->meta, bob.meta);
  EXPECT_EQ(found->user_id, "bob");
  EXPECT_EQ(found->first_name, "Zoë");
  EXPECT_EQ(found->last_name, "Ångström");
  EXPECT_EQ(found->email, bob.email);
  EXPECT_EQ(found->avatar_url, bob.avatar_url);
  EXPECT_EQ(found->provider, "Local");
  auto all = store().users().list();
  ASSERT_EQ(all.size(), 2U);
  EXPECT_EQ(all[0].user_id, "alice");
  EXPECT_EQ(all[1].user_id, "bob");
}

TEST_P(RepositorySuite, ATakenUserIdIsAlreadyExistsAndCorruptsNothing) {
  Organization organization = storedOrganization();
  User alice = userOf(organization, "alice");
  store().users().upsert(alice);
  store().preferences().put(alice.meta.id, {{"theme", "dark"}});

  User impostor = userOf(organization, "alice");
  try {
    store().users().upsert(impostor);
    FAIL() << "a second user with user_id alice was stored";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kAlreadyExists);
    EXPECT_NE(std::string(error.what()).find("alice"), std::string::npos) << error.what();
    EXPECT_FALSE(error.remedy().empty());
  }
  EXPECT_FALSE(store().users().find(impostor.meta.id).has_value());
  auto kept = store().users().find(alice.meta.id);
  ASSERT_TRUE(kept.has_value());
  EXPECT_EQ(kept->email, alice.email);
  EXPECT_EQ(store().users().list().size(), 1U);
  EXPECT_EQ(store().preferences().get(alice.meta.id), nlohmann::json({{"theme", "dark"}}));

  impostor.user_id = "mallory";
  EXPECT_NO_THROW(store().users().upsert(impostor));
  EXPECT_EQ(store().users().list().size(), 2U);
}

TEST_P(RepositorySuite, PreferencesRoundTripNestedJsonAndUnicode) {
  Organization organization = storedOrganization();
  User user = userOf(organization, "alice");
  store().users().upsert(user);
  EXPECT_EQ(store().preferences().get(user.meta.id), nlohmann::json::object());

  nlohmann::json preferences = {
      {"theme", "dark"},
      {"greeting", "Grüße, 世界! 🚀 \"quoted\" \\ back\nslash"},
      {"dashboard",
       {{"widgets", {{{"kind", "chart"}, {"size", 2}}, {{"kind", "table"}}}},
        {"refresh_seconds", 30},
        {"ratio", 0.25},
        {"pinned", true},
        {"filter", nullptr}}},
      {"recent", nlohmann::json::array({"design-1", "design-2"})},
      {"empty", nlohmann::json::object()}};
  store().preferences().put(user.meta.id, preferences);
  EXPECT_EQ(store().preferences().get(user.meta.id), preferences);

  store().preferences().put(user.meta.id, {{"theme", "light"}});
  EXPECT_EQ(store().preferences().get(user.meta.id), nlohmann::json({{"theme", "light"}}));
}

TEST_P(RepositorySuite, PreferencesNeedAnObjectAndAStoredUser) {
  Organization organization = storedOrganization();
  User user = userOf(organization, "alice");
  store().users().upsert(user);
  try {
    store().preferences().put(user.meta.id, nlohmann::json::array({1, 2}));
    FAIL() << "an array was stored as preferences";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  }
  try {
    store().preferences().put(Uuid::v4(), {{"theme", "dark"}});
    FAIL() << "preferences of an unknown user were stored";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  }
  EXPECT_EQ(store().preferences().get(user.meta.id), nlohmann::json::object());
}

TEST_P(RepositorySuite, TableCountsListDomainTablesByName) {
  Organization organization = storedOrganization();
  User alice = userOf(organization, "alice");
  User bob = userOf(organization, "bob");
  store().users().upsert(alice);
  store().users().upsert(bob);
  store().preferences().put(alice.meta.id, {{"theme", "dark"}});

  auto counts = store().tableCounts();
  ASSERT_EQ(counts.size(), 9U);
  EXPECT_EQ(counts[0].name, "cluster_resources");
  EXPECT_EQ(counts[0].count, 0);
  EXPECT_EQ(counts[1].name, "connections");
  EXPECT_EQ(counts[1].count, 0);
  EXPECT_EQ(counts[2].name, "design_revisions");
  EXPECT_EQ(counts[2].count, 0);
  EXPECT_EQ(counts[3].name, "designs");
  EXPECT_EQ(counts[4].name, "organizations");
  EXPECT_EQ(counts[4].count, 1);
  EXPECT_EQ(counts[5].name, "registry_definitions");
  EXPECT_EQ(counts[5].count, 0);
  EXPECT_EQ(counts[6].name, "registry_statuses");
  EXPECT_EQ(counts[7].name, "user_preferences");
  EXPECT_EQ(counts[7].count, 1);
  EXPECT_EQ(counts[8].name, "users");
  EXPECT_EQ(counts[8].count, 2);
}

TEST_P(RepositorySuite, ResetEmptiesTheTablesAndTheStoreKeepsWorking) {
  Organization organization = storedOrganization();
  User alice = userOf(organization, "alice");
  store().users().upsert(alice);
  store().preferences().put(alice.meta.id, {{"theme", "dark"}});
  int version = store().schemaVersion();

  store().reset();
  for (const TableCount& count : store().tableCounts()) {
    EXPECT_EQ(count.count, 0) << count.name;
  }
  EXPECT_EQ(store().tableCounts().size(), 9U);
  EXPECT_EQ(store().schemaVersion(), version);
  EXPECT_EQ(store().preferences().get(alice.meta.id), nlohmann::json::object());

  Organization again = storedOrganization("again");
  store().users().upsert(userOf(again, "alice"));
  EXPECT_EQ(store().users().list().size(), 1U);
}

TEST_P(RepositorySuite, ReopeningKeepsDataAndSchemaVersion) {
  Organization organization = storedOrganization();
  User alice = userOf(organization, "alice");
  store().users().upsert(alice);
  store().preferences().put(alice.meta.id, {{"language", "日本語"}});
  int version = store().schemaVersion();

  Store& reopened = reopen();
  EXPECT_EQ(reopened.schemaVersion(), version);
  auto found = reopened.users().find(alice.meta.id);
  ASSERT_TRUE(found.has_value());
  expectSameMeta(found->meta, alice.meta);
  EXPECT_EQ(reopened.organizations().list().size(), 1U);
  EXPECT_EQ(reopened.preferences().get(alice.meta.id), nlohmann::json({{"language", "日本語"}}));
}

TEST_P(RepositorySuite, TimestampsRoundTripToTheMillisecond) {
  using std::chrono::floor;
  // From 1969 to 2200 (2262 is where nanosecond time points end).
  const std::vector<Timestamp> moments = {at(0),
                                          at(1),
                                          at(999),
                                          at(1'700'000'000'001),
                                          at(-86'400'000LL * 365 + 7),
                                          at(7'258'118'399'999),
                                          floor<milliseconds>(std::chrono::system_clock::now())};
  for (const Timestamp& moment : moments) {
    std::int64_t expected_ms = floor<milliseconds>(moment).time_since_epoch().count();
    Organization organization = organizationNamed("t" + std::to_string(expected_ms));
    organization.meta.created_at = moment;
    organization.meta.updated_at = moment + std::chrono::microseconds(1);
    store().organizations().upsert(organization);
    auto found = store().organizations().find(organization.meta.id);
    ASSERT_TRUE(found.has_value());
    EXPECT_EQ(floor<milliseconds>(found->meta.created_at).time_since_epoch().count(), expected_ms);
    EXPECT_EQ(floor<milliseconds>(found->meta.updated_at).time_since_epoch().count(), expected_ms);
  }
}

TEST_P(RepositorySuite, ConcurrentWritersAndReadersSeeNoErrors) {
  Organization organization = storedOrganization();
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        try {
          store().users().upsert(userOf(organization, "u" + std::to_string(t * 100 + i)));
          store().users().list();
        } catch (const std::exception&) {
          ++failures;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(store().users().list().size(), 100U);
  EXPECT_EQ(store().stats().failures, 0U);
}

TEST_P(RepositorySuite, ConcurrentPreferenceMergesLoseNothing) {
  Organization organization = storedOrganization();
  User user = userOf(organization, "merger");
  store().users().upsert(user);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 10; ++i) {
        store().preferences().merge(user.meta.id, {{"k" + std::to_string(t * 10 + i), i}});
      }
    });
  }
  for (auto& thread : threads) thread.join();
  auto stored = store().preferences().get(user.meta.id);
  EXPECT_EQ(stored.size(), 40U) << stored.dump();
  auto after = store().preferences().merge(user.meta.id, {{"k0", nullptr}, {"nested", {{"a", 1}}}});
  EXPECT_FALSE(after.contains("k0"));
  EXPECT_EQ(after["nested"]["a"], 1);
  EXPECT_EQ(store().preferences().get(user.meta.id), after);
  EXPECT_THROW(store().preferences().merge(Uuid::v4(), {{"a", 1}}), Error);
}

INSTANTIATE_TEST_SUITE_P(store, RepositorySuite,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres), backendName);

}  // namespace
}  // namespace meshery::store
