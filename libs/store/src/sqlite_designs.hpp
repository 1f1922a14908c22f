#pragma once

#include "meshery/store/design_repository.hpp"
#include "sqlite_database.hpp"

namespace meshery::store {

/// Designs and their revisions in SQLite. Thread-safe.
class SqliteDesigns final : public DesignRepository {
 public:
  explicit SqliteDesigns(SqliteDatabase& database) : database_(database) {}
  StoredDesign save(const StoredDesign& design) override;
  std::optional<StoredDesign> find(const Uuid& id) override;
  DesignPage list(const DesignQuery& query) override;
  std::size_t remove(const Uuid& organization_id, const std::vector<Uuid>& ids) override;
  std::vector<DesignRevision> revisions(const Uuid& id) override;
  std::optional<DesignRevision> revision(const Uuid& id, std::int64_t number) override;

 private:
  SqliteDatabase& database_;
};

}  // namespace meshery::store
