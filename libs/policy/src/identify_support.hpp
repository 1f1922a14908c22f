#pragma once

// Private to libs/policy: what the identification of value and binding
// relationships shares.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/policy/identify.hpp"

namespace meshery::policy::detail {

/// ASCII case-insensitive equality (Meshery compares kinds and types so).
bool sameWord(std::string_view a, std::string_view b);
/// A component declaration's `id`, "" when absent.
std::string idOf(const nlohmann::json& component);
/// Whether a deny clause of `selector` admits `from` and `to`.
bool denied(const registry::Selector& selector, const nlohmann::json& from,
            const nlohmann::json& to);
/// Sorts by from id, to id, binding id, then selector items.
void sortFound(std::vector<FoundRelationship>& found);

}  // namespace meshery::policy::detail
