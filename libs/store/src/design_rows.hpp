#pragma once

// Private: what both backends share for designs.

#include <string>
#include <string_view>

#include "meshery/store/design_repository.hpp"

namespace meshery::store {

/// The designs columns both backends select, in this order (source_content
/// last, only when asked).
inline constexpr std::string_view kDesignColumns =
    "id, owner_id, organization_id, visibility, created_at, updated_at, name, source_type, "
    "revision, design, source_name";

/// A design_revisions row decoded from its columns (design_id, revision,
/// saved_at, saved_by, name, design).
DesignRevision revisionFromColumns(std::string_view design_id, std::int64_t revision,
                                   std::string_view saved_at, std::string_view saved_by,
                                   std::string_view name, std::string_view document);

/// The column a DesignQuery order names, with its direction: "name ASC".
/// Throws Error(kInvalidArgument) for an order that is not a design field.
std::string designOrderClause(const DesignQuery& query, std::string_view name_collation);

}  // namespace meshery::store
