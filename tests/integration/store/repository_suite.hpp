#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <ostream>
#include <string>

#include "meshery/store/store.hpp"
#include "meshery_test/postgres_server.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::store {

/// The backends every repository test runs against.
enum class Backend { kSqlite, kPostgres };

/// Makes gtest show "Sqlite"/"Postgres" instead of the enum's bytes (gtest
/// finds it by this name).
inline void PrintTo(  // NOLINT(readability-identifier-naming)
    Backend backend, std::ostream* out) {
  *out << (backend == Backend::kSqlite ? "Sqlite" : "Postgres");
}

inline std::string backendName(const ::testing::TestParamInfo<Backend>& param) {
  return param.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

/// The instant `epoch_ms` milliseconds after 1970-01-01T00:00:00Z.
inline Timestamp at(std::int64_t epoch_ms) {
  return Timestamp(std::chrono::milliseconds(epoch_ms));
}

/// An unsaved organisation with fresh ids.
inline Organization organizationNamed(const std::string& name) {
  Organization organization;
  organization.meta.id = Uuid::v4();
  organization.meta.owner_id = Uuid::v4();
  organization.meta.organization_id = organization.meta.id;
  organization.meta.visibility = Visibility::kPublic;
  organization.meta.created_at = at(1'700'000'000'123);
  organization.meta.updated_at = at(1'700'000'000'123);
  organization.name = name;
  organization.description = "about " + name;
  return organization;
}

/// An unsaved user of `organization`, with non-ASCII names.
inline User userOf(const Organization& organization, const std::string& user_id) {
  User user;
  user.meta.id = Uuid::v4();
  user.meta.owner_id = user.meta.id;
  user.meta.organization_id = organization.meta.id;
  user.meta.created_at = at(1'700'000'100'456);
  user.meta.updated_at = at(1'700'000'100'456);
  user.user_id = user_id;
  user.first_name = "Zoë";
  user.last_name = "Ångström";
  user.email = user_id + "@example.com";
  user.avatar_url = "https://example.com/" + user_id + ".png";
  user.provider = "Local";
  return user;
}

inline void expectSameMeta(const EntityMeta& actual, const EntityMeta& expected) {
  EXPECT_EQ(actual.id, expected.id);
  EXPECT_EQ(actual.owner_id, expected.owner_id);
  EXPECT_EQ(actual.organization_id, expected.organization_id);
  EXPECT_EQ(actual.visibility, expected.visibility);
  EXPECT_EQ(actual.created_at, expected.created_at);
  EXPECT_EQ(actual.updated_at, expected.updated_at);
}

/// A fresh store per test: SQLite in a temp dir, or a new database on the
/// PostgreSQL server shared by this binary (skipped when PostgreSQL is not
/// installed, failed when CI=true).
class RepositorySuite : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kSqlite) {
      url_ = "sqlite:" + (dir_.path() / "store" / "meshery.db").string();
    } else {
      std::string why_missing;
      test::PostgresServer* server = test::PostgresServer::shared(why_missing);
      if (server == nullptr && test::postgresRequired()) FAIL() << why_missing << " (CI=true)";
      if (server == nullptr) GTEST_SKIP() << why_missing;
      std::string name = "suite_" + Uuid::v4().toString().substr(0, 8);
      url_ = server->createDatabase(name);
    }
    store_ = openStore(url_);
  }

  Store& store() { return *store_; }
  Store& reopen() {
    store_.reset();
    store_ = openStore(url_);
    return *store_;
  }
  /// A stored organisation, for users to belong to.
  Organization storedOrganization(const std::string& name = "acme") {
    Organization organization = organizationNamed(name);
    store().organizations().upsert(organization);
    return organization;
  }

  test::TempDir dir_;
  std::string url_;
  std::unique_ptr<Store> store_;
};

}  // namespace meshery::store
