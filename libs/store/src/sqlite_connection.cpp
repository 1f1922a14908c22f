#include "sqlite_connection.hpp"

#include <sqlite3.h>

#include <string>

#include "meshery/core/error.hpp"

namespace meshery::store {
namespace {

std::string databaseName(sqlite3* db) {
  const char* name = db != nullptr ? sqlite3_db_filename(db, "main") : nullptr;
  return name != nullptr && *name != '\0' ? name : "the SQLite database";
}

Error unavailable(const std::string& path, const std::string& detail) {
  return Error(ErrorCode::kUnavailable, "cannot use " + path + " as the SQLite database",
               detail + " (the file is not a SQLite database, is damaged, or cannot be opened)",
               "point the store URL at another file (sqlite:/path/to/meshery.db), or move the "
               "file away so a new database is created, or restore it from a backup");
}

}  // namespace

void throwSqliteError(sqlite3* db, int rc, std::string_view doing) {
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw SqliteBusy(sqlite3_errstr(rc));
  std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw Error(ErrorCode::kAlreadyExists, "an entity with the same identity is already stored",
                detail, "choose another value for the unique field");
  }
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
    throw Error(ErrorCode::kStoreFailure, "a referenced entity is not stored", detail,
                "store the referenced organization or user first");
  }
  if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT || primary == SQLITE_CANTOPEN ||
      primary == SQLITE_PERM || primary == SQLITE_READONLY) {
    throw unavailable(databaseName(db), detail);
  }
  throw Error(ErrorCode::kStoreFailure, "SQLite failed while " + std::string(doing), detail,
              "check free disk space and the server log for " + databaseName(db));
}

SqliteStatement::SqliteStatement(sqlite3* db, std::string_view sql) : db_(db) {
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &statement_, nullptr);
  if (rc != SQLITE_OK) throwSqliteError(db_, rc, "preparing a statement");
}

SqliteStatement::~SqliteStatement() {
  sqlite3_finalize(statement_);
}

SqliteStatement& SqliteStatement::bind(int index, std::string_view text) {
  // A null pointer would bind SQL NULL; an empty view is the empty string.
  const char* data = text.data() != nullptr ? text.data() : "";
  int rc = sqlite3_bind_text64(statement_, index, data, text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK) throwSqliteError(db_, rc, "binding a parameter");
  return *this;
}

SqliteStatement& SqliteStatement::bind(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(statement_, index, value);
  if (rc != SQLITE_OK) throwSqliteError(db_, rc, "binding a parameter");
  return *this;
}

SqliteStatement& SqliteStatement::bindBlob(int index, std::string_view bytes) {
  const char* data = bytes.data() != nullptr ? bytes.data() : "";
  int rc = sqlite3_bind_blob64(statement_, index, data, bytes.size(), SQLITE_TRANSIENT);
  if (rc != SQLITE_OK) throwSqliteError(db_, rc, "binding a parameter");
  return *this;
}

bool SqliteStatement::step() {
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throwSqliteError(db_, rc, "running a statement");
}

void SqliteStatement::reset() {
  // A failed previous step is reported by that step(), not again here.
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
}

std::string_view SqliteStatement::text(int index) const {
  const unsigned char* text = sqlite3_column_text(statement_, index);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(statement_, index))};
}

std::string_view SqliteStatement::blob(int index) const {
  const void* bytes = sqlite3_column_blob(statement_, index);
  if (bytes == nullptr) return {};
  return {static_cast<const char*>(bytes),
          static_cast<std::size_t>(sqlite3_column_bytes(statement_, index))};
}

std::int64_t SqliteStatement::integer(int index) const {
  return sqlite3_column_int64(statement_, index);
}

SqliteConnection::SqliteConnection(const std::filesystem::path& path, Role role,
                                   std::atomic<std::uint64_t>& busy_retries)
    : path_(path), busy_wait_(std::make_unique<BusyWait>()) {
  busy_wait_->retries = &busy_retries;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
              (role == Role::kWriter ? SQLITE_OPEN_CREATE : 0);
  int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string detail = db_ != nullptr ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw unavailable(path.string(), detail);
  }
  try {
    configure(role);
  } catch (...) {
    sqlite3_close(db_);
    throw;
  }
}

SqliteConnection::~SqliteConnection() {
  sqlite3_close(db_);
}

void SqliteConnection::configure(Role role) {
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_handler(db_, &waitWhileBusy, busy_wait_.get());
  if (role == Role::kReader) {
    exec("PRAGMA query_only = ON");
    return;
  }
  // 16 KiB pages for a new database (an existing one keeps its own): a design
  // document of several MB then takes a quarter of the page writes.
  exec("PRAGMA page_size = 16384");
  // journal_mode answers with the mode in effect; anything but "wal" means the
  // file system refused it, and readers would then block the writer.
  auto mode = prepare("PRAGMA journal_mode = WAL");
  if (!mode.step() || mode.text(0) != "wal") {
    throw Error(ErrorCode::kUnavailable, "cannot enable write-ahead logging on " + path_.string(),
                "the file system does not support the shared memory WAL needs",
                "put the database on a local file system (not NFS or a read-only mount)");
  }
  exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  if (auto size = prepare("PRAGMA page_size"); size.step()) {
    page_size_ = static_cast<int>(size.integer(0));
  }
  // Commits only note the log's size; SqliteWriter checkpoints between
  // writes, so no caller waits for a checkpoint (a large design's commit
  // would otherwise copy every page twice before it returns).
  sqlite3_wal_hook(
      db_,
      [](void* self, sqlite3*, const char*, int pages) {
        static_cast<SqliteConnection*>(self)->wal_pages_ = pages;
        return SQLITE_OK;
      },
      this);
}

void SqliteConnection::checkpoint() {
  int rc = sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  if (rc != SQLITE_OK && rc != SQLITE_BUSY && rc != SQLITE_LOCKED) {
    throwSqliteError(db_, rc, "checkpointing the write-ahead log");
  }
  wal_pages_ = 0;
}

void SqliteConnection::exec(std::string_view sql) {
  std::string text(sql);
  int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) throwSqliteError(db_, rc, "running SQL");
}

SqliteStatement SqliteConnection::prepare(std::string_view sql) {
  return {db_, sql};
}

std::int64_t SqliteConnection::changes() const {
  return sqlite3_changes64(db_);
}

void SqliteConnection::rollbackQuietly() noexcept {
  if (sqlite3_get_autocommit(db_) == 0) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace meshery::store
