#pragma once

// Meshery's match_strategy_matrix: how the value at a selector's mutatorRef
// and the one at its counterpart's mutatedRef must compare for the
// relationship to hold.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace meshery::policy {

/// Whether `from` (the mutator's value) and `to` (the mutated one) satisfy
/// every strategy of one row of the matrix; an empty row means "equal".
/// Strategies: "equal" (the same JSON value, 1 and 1.0 alike),
/// "equal_as_strings" (8080 and "8080" alike), "to_contains_from" (every
/// key of `from` is in `to` with a value it contains, every element of a
/// `from` array is in `to`; scalars equal), "not_null" (neither is null).
/// An unknown strategy never matches.
bool valuesMatch(const nlohmann::json& from, const nlohmann::json& to,
                 const std::vector<std::string>& strategies);

}  // namespace meshery::policy
