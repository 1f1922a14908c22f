#pragma once

#include "meshery/store/registry_repository.hpp"
#include "sqlite_database.hpp"

namespace meshery::store {

/// Imported registry definitions and statuses in SQLite. Thread-safe.
class SqliteRegistry final : public RegistryRepository {
 public:
  explicit SqliteRegistry(SqliteDatabase& database) : database_(database) {}
  void save(const std::vector<RegistryDocument>& documents) override;
  void scan(const std::function<void(RegistryDocument&&)>& visit) override;
  std::size_t remove(const std::vector<Uuid>& ids) override;
  void setStatus(const RegistryStatus& status) override;
  std::vector<RegistryStatus> statuses() override;

 private:
  SqliteDatabase& database_;
};

}  // namespace meshery::store
