#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include "meshery/store/store.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::store {

/// A plain SQLite connection of the test's own, to look at (or lock) the
/// file behind the store from outside, as another process would.
class RawSqlite {
 public:
  explicit RawSqlite(const std::filesystem::path& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + path.string());
    }
  }
  ~RawSqlite() { sqlite3_close(db_); }
  RawSqlite(const RawSqlite&) = delete;
  RawSqlite& operator=(const RawSqlite&) = delete;

  void exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
  }

  /// The first column of the first row as text ("" when there is no row).
  std::string scalar(const std::string& sql) {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK) {
      throw std::runtime_error(sql + ": " + sqlite3_errmsg(db_));
    }
    std::string value;
    if (sqlite3_step(statement) == SQLITE_ROW && sqlite3_column_text(statement, 0) != nullptr) {
      value = reinterpret_cast<const char*>(sqlite3_column_text(statement, 0));
    }
    sqlite3_finalize(statement);
    return value;
  }

 private:
  sqlite3* db_ = nullptr;
};

/// An organisation with fresh ids and millisecond timestamps.
inline Organization sampleOrganization(const std::string& name) {
  Organization organization;
  organization.meta.id = Uuid::v4();
  organization.meta.owner_id = Uuid::v4();
  organization.meta.organization_id = organization.meta.id;
  organization.meta.created_at = Timestamp(std::chrono::milliseconds(1'700'000'000'123));
  organization.meta.updated_at = organization.meta.created_at;
  organization.name = name;
  organization.description = "the " + name + " organisation";
  return organization;
}

/// A user of `organization` with login `user_id`.
inline User sampleUser(const Organization& organization, const std::string& user_id) {
  User user;
  user.meta.id = Uuid::v4();
  user.meta.owner_id = user.meta.id;
  user.meta.organization_id = organization.meta.id;
  user.meta.created_at = Timestamp(std::chrono::milliseconds(1'700'000'100'456));
  user.meta.updated_at = user.meta.created_at;
  user.user_id = user_id;
  user.email = user_id + "@example.com";
  user.provider = "Local";
  return user;
}

/// A store in a fresh temp dir, at data/meshery.db (data/ does not exist yet).
class SqliteStoreTest : public ::testing::Test {
 protected:
  [[nodiscard]] std::filesystem::path databasePath() const {
    return dir_.path() / "data" / "meshery.db";
  }
  [[nodiscard]] std::string url() const { return "sqlite:" + databasePath().string(); }
  Store& open() {
    store_ = openStore(url());
    return *store_;
  }
  void close() { store_.reset(); }

  test::TempDir dir_;
  std::unique_ptr<Store> store_;
};

}  // namespace meshery::store
