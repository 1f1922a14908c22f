#pragma once

#include "meshery/store/design_repository.hpp"
#include "postgres_database.hpp"

namespace meshery::store {

/// Designs and their revisions in PostgreSQL. Thread-safe.
class PostgresDesigns final : public DesignRepository {
 public:
  explicit PostgresDesigns(PostgresDatabase& database) : database_(database) {}
  StoredDesign save(const StoredDesign& design) override;
  std::optional<StoredDesign> find(const Uuid& id) override;
  DesignPage list(const DesignQuery& query) override;
  std::size_t remove(const Uuid& organization_id, const std::vector<Uuid>& ids) override;
  std::vector<DesignRevision> revisions(const Uuid& id) override;
  std::optional<DesignRevision> revision(const Uuid& id, std::int64_t number) override;

 private:
  PostgresDatabase& database_;
};

}  // namespace meshery::store
