#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "meshery/core/error.hpp"
#include "sqlite_fixture.hpp"

namespace meshery::store {
namespace {

TEST_F(SqliteStoreTest, CreatesTheFileUnderANewDirectory) {
  ASSERT_FALSE(std::filesystem::exists(databasePath().parent_path()));
  Store& store = open();
  EXPECT_EQ(store.backend(), "sqlite");
  EXPECT_TRUE(std::filesystem::is_regular_file(databasePath()));
  EXPECT_NO_THROW(store.ping());
}

TEST_F(SqliteStoreTest, UsesWriteAheadLogging) {
  open().organizations().upsert(sampleOrganization("acme"));
  RawSqlite raw(databasePath());
  EXPECT_EQ(raw.scalar("PRAGMA journal_mode"), "wal");
  EXPECT_TRUE(std::filesystem::exists(databasePath().string() + "-wal"));
}

TEST_F(SqliteStoreTest, ANonDatabaseFileGivesAClearError) {
  std::filesystem::create_directories(databasePath().parent_path());
  {
    std::ofstream file(databasePath());
    for (int i = 0; i < 200; ++i) file << "this is a text file, not a database\n";
  }
  try {
    open();
    FAIL() << "opening a text file as the database succeeded";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
    EXPECT_NE(std::string(error.what()).find(databasePath().string()), std::string::npos)
        << error.what();
    EXPECT_NE(error.cause().find("not a database"), std::string::npos) << error.cause();
    EXPECT_FALSE(error.remedy().empty());
  }
}

TEST_F(SqliteStoreTest, ADirectoryWhereTheFileShouldBeIsUnavailable) {
  std::filesystem::create_directories(databasePath());
  try {
    open();
    FAIL() << "opening a directory as the database succeeded";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
    EXPECT_FALSE(error.cause().empty());
    EXPECT_FALSE(error.remedy().empty());
  }
}

TEST_F(SqliteStoreTest, AFileWhereTheDirectoryShouldBeIsUnavailable) {
  std::ofstream(dir_.path() / "data") << "a file";
  try {
    open();
    FAIL() << "a database under a regular file was opened";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
    EXPECT_NE(std::string(error.what()).find("data"), std::string::npos);
  }
}

TEST_F(SqliteStoreTest, ReopeningKeepsTheData) {
  Organization organization = sampleOrganization("acme");
  User user = sampleUser(organization, "alice");
  Store& store = open();
  store.organizations().upsert(organization);
  store.users().upsert(user);
  store.preferences().put(user.meta.id, {{"theme", "dark"}});
  close();

  Store& reopened = open();
  ASSERT_TRUE(reopened.organizations().find(organization.meta.id).has_value());
  auto found = reopened.users().find(user.meta.id);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->user_id, "alice");
  EXPECT_EQ(reopened.preferences().get(user.meta.id), nlohmann::json({{"theme", "dark"}}));
}

TEST_F(SqliteStoreTest, MigrationsAreAppliedOnceAndNeverAgain) {
  int version = open().schemaVersion();
  EXPECT_GE(version, 1);
  close();
  std::string history;
  {
    RawSqlite raw(databasePath());
    EXPECT_EQ(raw.scalar("SELECT COUNT(*) FROM schema_migrations"), std::to_string(version));
    history = raw.scalar(
        "SELECT group_concat(version || ' ' || name || ' ' || applied_at) "
        "FROM schema_migrations");
    EXPECT_NE(history.find("1 0001_init "), std::string::npos) << history;
  }
  for (int round = 0; round < 2; ++round) {
    EXPECT_EQ(open().schemaVersion(), version);
    close();
  }
  RawSqlite raw(databasePath());
  EXPECT_EQ(raw.scalar("SELECT group_concat(version || ' ' || name || ' ' || applied_at) "
                       "FROM schema_migrations"),
            history);
}

TEST_F(SqliteStoreTest, MigrationFourKeepsEveryRevisionOfAnOlderDatabase) {
  open();
  close();
  {
    // The layout before migration 0004: every revision row holds its document.
    RawSqlite raw(databasePath());
    raw.exec(
        "DROP TABLE design_revisions;"
        "CREATE TABLE design_revisions (design_id TEXT NOT NULL REFERENCES designs (id) ON DELETE "
        "CASCADE, revision INTEGER NOT NULL, saved_at TEXT NOT NULL, saved_by TEXT NOT NULL, "
        "name TEXT NOT NULL, design TEXT NOT NULL, PRIMARY KEY (design_id, revision));"
        "INSERT INTO designs (id, owner_id, organization_id, visibility, created_at, updated_at, "
        "name, source_type, revision, design) VALUES ('6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10', "
        "'6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a11', '6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a12', "
        "'private', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'web', 'Design', 2, "
        "'{\"save\":2}');"
        "INSERT INTO design_revisions VALUES ('6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10', 1, "
        "'2026-01-01T00:00:00.000Z', '6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a11', 'web', '{\"save\":1}');"
        "INSERT INTO design_revisions VALUES ('6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10', 2, "
        "'2026-01-02T00:00:00.000Z', '6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a11', 'web', '{\"save\":2}');"
        "DROP TABLE connections; DROP TABLE cluster_resources;"  // made by later migrations, run again below
        "DELETE FROM schema_migrations WHERE version >= 4;");
  }
  const Uuid id = *Uuid::parse("6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10");
  auto revisions = open().designs().revisions(id);
  ASSERT_EQ(revisions.size(), 2U);
  EXPECT_EQ(revisions[0].document, R"({"save":2})");
  EXPECT_EQ(revisions[1].document, R"({"save":1})");
  close();
  RawSqlite raw(databasePath());
  EXPECT_EQ(raw.scalar("SELECT group_concat(revision) FROM design_revisions WHERE design IS NULL"),
            "2");
}

TEST_F(SqliteStoreTest, MigrationFiveMovesTheJsonCheckIntoTheStoreKeepingEveryRevision) {
  open();
  close();
  {
    // The layout before migration 0005: designs.design CHECKed by json_valid.
    RawSqlite raw(databasePath());
    raw.exec(
        "DROP TABLE design_revisions; DROP TABLE designs;"
        "CREATE TABLE designs (id TEXT PRIMARY KEY NOT NULL, owner_id TEXT NOT NULL, "
        "organization_id TEXT NOT NULL, visibility TEXT NOT NULL CHECK (visibility IN ('private', "
        "'public', 'published')), created_at TEXT NOT NULL, updated_at TEXT NOT NULL, name TEXT NOT "
        "NULL, source_type TEXT NOT NULL, revision INTEGER NOT NULL, design TEXT NOT NULL CHECK "
        "(json_valid(design)), source_name TEXT NOT NULL DEFAULT '', source_content BLOB NOT NULL "
        "DEFAULT x'');"
        "CREATE TABLE design_revisions (design_id TEXT NOT NULL REFERENCES designs (id) ON DELETE "
        "CASCADE, revision INTEGER NOT NULL, saved_at TEXT NOT NULL, saved_by TEXT NOT NULL, "
        "name TEXT NOT NULL, design TEXT, PRIMARY KEY (design_id, revision));"
        "INSERT INTO designs VALUES ('6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10', "
        "'6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a11', '6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a12', "
        "'private', '2026-01-01T00:00:00.000Z', '2026-01-02T00:00:00.000Z', 'web', 'Design', 2, "
        "'{\"save\":2}', 'web.yaml', x'6b696e64');"
        "INSERT INTO design_revisions VALUES ('6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10', 1, "
        "'2026-01-01T00:00:00.000Z', '6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a11', 'web', '{\"save\":1}');"
        "INSERT INTO design_revisions VALUES ('6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10', 2, "
        "'2026-01-02T00:00:00.000Z', '6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a11', 'web', NULL);"
        "DROP TABLE connections; DROP TABLE cluster_resources;"  // made by later migrations, run again below
        "DELETE FROM schema_migrations WHERE version >= 5;");
  }
  const Uuid id = *Uuid::parse("6f1c1f1e-4b8e-4d4e-9c1a-0b7f7f3e2a10");
  Store& store = open();
  auto design = store.designs().find(id);
  ASSERT_TRUE(design.has_value());
  EXPECT_EQ(design->document, R"({"save":2})");
  EXPECT_EQ(design->source_name, "web.yaml");
  auto revisions = store.designs().revisions(id);
  ASSERT_EQ(revisions.size(), 2U);
  EXPECT_EQ(revisions[0].document, R"({"save":2})");
  EXPECT_EQ(revisions[1].document, R"({"save":1})");
  StoredDesign broken = *design;
  broken.document = R"({"save":3)";
  EXPECT_THROW(store.designs().save(broken), Error) << "the store checks the JSON itself";
  EXPECT_EQ(store.designs().revisions(id).size(), 2U);
  close();
  RawSqlite raw(databasePath());
  EXPECT_EQ(raw.scalar("SELECT instr(sql, 'json_valid') FROM sqlite_master WHERE name = 'designs'"),
            "0");
  EXPECT_EQ(raw.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'designs_organization_updated'"),
            "1");
}

TEST_F(SqliteStoreTest, LargeWritesAreCheckpointedAfterTheyAnswer) {
  // Commits never checkpoint (the writer does it between writes), yet the log
  // is still copied into the database file once it passes 1,000 pages.
  Store& store = open();
  StoredDesign design;
  design.meta.id = Uuid::v4();
  design.meta.owner_id = Uuid::v4();
  design.meta.organization_id = Uuid::v4();
  design.name = "large";
  design.source_type = "Design";
  design.document = R"({"padding":")" + std::string(6 * 1024 * 1024, 'x') + R"("})";
  store.designs().save(design);
  // The checkpoint follows the answer, on the writer thread.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (std::filesystem::file_size(databasePath()) < 6U * 1024 * 1024 &&
         std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GT(std::filesystem::file_size(databasePath()), 6U * 1024 * 1024);
}

TEST_F(SqliteStoreTest, ADatabaseFromANewerBuildIsRefused) {
  open();
  close();
  RawSqlite(databasePath())
      .exec("INSERT INTO schema_migrations VALUES (9999, '9999_future', '2100-01-01T00:00:00Z')");
  try {
    open();
    FAIL() << "a database with an unknown migration was opened";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kStoreFailure);
    EXPECT_NE(std::string(error.what()).find("9999"), std::string::npos);
  }
}

TEST_F(SqliteStoreTest, ForeignKeysAreEnforced) {
  Store& store = open();
  Organization unsaved = sampleOrganization("nowhere");
  try {
    store.users().upsert(sampleUser(unsaved, "orphan"));
    FAIL() << "a user of an unknown organisation was stored";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kStoreFailure);
    EXPECT_NE(error.cause().find("FOREIGN KEY"), std::string::npos) << error.cause();
  }
  EXPECT_TRUE(store.users().list().empty());
}

TEST_F(SqliteStoreTest, StatsDescribeTheBackend) {
  Store& store = open();
  store.organizations().upsert(sampleOrganization("acme"));
  store.organizations().list();
  StoreStats stats = store.stats();
  EXPECT_EQ(stats.backend, "sqlite");
  EXPECT_EQ(stats.connections, 5U);
  EXPECT_GE(stats.writes, 1U);
  EXPECT_GE(stats.reads, 1U);
  EXPECT_EQ(stats.failures, 0U);
  EXPECT_EQ(stats.write_queue_depth, 0U);
}

}  // namespace
}  // namespace meshery::store
