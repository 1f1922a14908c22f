#include "migrations.hpp"

#include <string>

#include "meshery/core/error.hpp"
#include "meshery/core/log.hpp"

namespace meshery::store {

void applyMigrations(MigrationHistory& history, std::span<const Migration> migrations,
                     std::string_view where) {
  history.createTable();
  int newest_known = migrations.empty() ? 0 : migrations.back().version;
  int newest_applied = history.newestVersion();
  if (newest_applied > newest_known) {
    throw Error(ErrorCode::kStoreFailure,
                std::string(where) + " has schema version " + std::to_string(newest_applied) +
                    ", newer than this build knows (" + std::to_string(newest_known) + ")",
                "a newer meshery-server migrated this database",
                "run the newer meshery-server, or restore a backup taken before the upgrade");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= newest_applied) continue;
    if (history.applyOnce(migration)) {
      std::string version = std::to_string(migration.version);
      log::info("store migration applied",
                {{"database", where}, {"version", version}, {"name", migration.name}});
    }
  }
}

}  // namespace meshery::store
