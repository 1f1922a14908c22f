#include "postgres_database.hpp"

#include "meshery/core/log.hpp"
#include "postgres_migrations.hpp"

namespace meshery::store {

PostgresDatabase::PostgresDatabase(const std::string& url) : pool_(url, kConnections) {
  pool_.run([&](pqxx::connection& connection) {
    PostgresMigrationHistory history(connection);
    applyMigrations(history, postgresMigrations(), pool_.server());
  });
  log::info("store opened", {{"backend", "postgres"}, {"server", pool_.server()}});
}

}  // namespace meshery::store
