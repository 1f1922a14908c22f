#include "sqlite_database.hpp"

#include <system_error>

#include "meshery/core/error.hpp"
#include "meshery/core/log.hpp"
#include "sqlite_migrations.hpp"

namespace meshery::store {
namespace {

void createParentDirectories(const std::filesystem::path& path) {
  std::filesystem::path parent = path.parent_path();
  if (parent.empty()) return;
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    throw Error(ErrorCode::kUnavailable,
                "cannot create the directory " + parent.string() + " for the SQLite database",
                error.message(),
                "create the directory with write permission for the server, or choose another "
                "path in the store URL (sqlite:/path/to/meshery.db)");
  }
}

}  // namespace

SqliteDatabase::SqliteDatabase(const std::filesystem::path& path) : path_(path) {
  createParentDirectories(path_);
  auto writer = retryWhileBusy(
      [&] {
        return std::make_unique<SqliteConnection>(path_, SqliteConnection::Role::kWriter,
                                                  counters_.busy_retries);
      },
      counters_.busy_retries, path_);
  SqliteMigrationHistory history(*writer);
  applyMigrations(history, sqliteMigrations(), path_.string());
  writer_ = std::make_unique<SqliteWriter>(std::move(writer), counters_);
  readers_ =
      retryWhileBusy([&] { return std::make_unique<SqliteReaders>(path_, kReaders, counters_); },
                     counters_.busy_retries, path_);
  log::info("store opened", {{"backend", "sqlite"}, {"path", path_.string()}});
}

}  // namespace meshery::store
