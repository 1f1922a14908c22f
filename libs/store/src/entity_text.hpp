#pragma once

#include <array>
#include <string>
#include <string_view>

#include "meshery/store/store.hpp"

namespace meshery::store {

/// The EntityMeta columns as both backends select them, in this order:
/// id, owner_id, organization_id, visibility, created_at, updated_at.
using MetaColumns = std::array<std::string_view, 6>;

/// Decodes stored EntityMeta text. Throws Error(kStoreFailure) naming `table`
/// and the column when a stored value is not valid (a damaged row).
EntityMeta metaFromColumns(const MetaColumns& columns, std::string_view table);

/// One stored UUID or timestamp column decoded; Error(kStoreFailure) naming
/// `table`.`column` when the value is not valid (a damaged row).
Uuid uuidColumn(std::string_view value, std::string_view table, std::string_view column);
Timestamp timeColumn(std::string_view value, std::string_view table, std::string_view column);

/// `identifier` quoted for SQL ("name", inner quotes doubled); both dialects accept it.
std::string quoteIdentifier(std::string_view identifier);

}  // namespace meshery::store
