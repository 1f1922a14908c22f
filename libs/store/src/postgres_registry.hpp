#pragma once

#include "meshery/store/registry_repository.hpp"
#include "postgres_database.hpp"

namespace meshery::store {

/// Imported registry definitions and statuses in PostgreSQL. Thread-safe.
class PostgresRegistry final : public RegistryRepository {
 public:
  explicit PostgresRegistry(PostgresDatabase& database) : database_(database) {}
  void save(const std::vector<RegistryDocument>& documents) override;
  void scan(const std::function<void(RegistryDocument&&)>& visit) override;
  std::size_t remove(const std::vector<Uuid>& ids) override;
  void setStatus(const RegistryStatus& status) override;
  std::vector<RegistryStatus> statuses() override;

 private:
  PostgresDatabase& database_;
};

}  // namespace meshery::store
