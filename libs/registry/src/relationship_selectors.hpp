#pragma once

// Private: parsing of a relationship definition's `selectors`.

#include <nlohmann/json.hpp>
#include <vector>

#include "meshery/registry/relationship.hpp"

namespace meshery::registry::detail {

/// Parses `selectors` (an array, or null/absent for none). Throws
/// Error(kInvalidArgument) naming the path of the offending item, e.g.
/// "selectors[0].allow.from[1].kind".
std::vector<Selector> readSelectors(const nlohmann::json* selectors);

}  // namespace meshery::registry::detail
