#pragma once

#include <string_view>

#include "meshery/store/registry_repository.hpp"

namespace meshery::store {

/// The SQL both backends share for registry rows. Columns of a document row,
/// in this order: id, owner_id, organization_id, visibility, created_at,
/// updated_at, entity_type, document.
inline constexpr std::string_view kRegistryScanOrder =
    " ORDER BY CASE entity_type WHEN 'model' THEN 0 WHEN 'component' THEN 1 "
    "WHEN 'relationship' THEN 2 ELSE 3 END, seq";

/// A registry_statuses row decoded. Throws Error(kStoreFailure) naming the
/// column when a stored value is not valid (a damaged row).
RegistryStatus statusFromColumns(std::string_view id, std::string_view type,
                                 std::string_view status, std::string_view updated_at);

}  // namespace meshery::store
