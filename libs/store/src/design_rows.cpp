#include "design_rows.hpp"

#include "entity_text.hpp"
#include "meshery/core/error.hpp"

namespace meshery::store {

DesignRevision revisionFromColumns(std::string_view design_id, std::int64_t revision,
                                   std::string_view saved_at, std::string_view saved_by,
                                   std::string_view name, std::string_view document) {
  constexpr std::string_view kTable = "design_revisions";
  return {uuidColumn(design_id, kTable, "design_id"), revision,
          timeColumn(saved_at, kTable, "saved_at"), uuidColumn(saved_by, kTable, "saved_by"),
          std::string(name), std::string(document)};
}

std::string designOrderClause(const DesignQuery& query, std::string_view name_collation) {
  std::string column;
  if (query.order == "name") {
    column = "name" + std::string(name_collation);
  } else if (query.order == "created_at" || query.order == "updated_at") {
    column = query.order;
  } else {
    throw Error(ErrorCode::kInvalidArgument, "designs cannot be ordered by '" + query.order + "'",
                "a design list is ordered by one of its fields",
                "use order=name, created_at or updated_at (add 'desc' for newest first)");
  }
  return column + (query.descending ? " DESC" : " ASC") + ", id";
}

}  // namespace meshery::store
