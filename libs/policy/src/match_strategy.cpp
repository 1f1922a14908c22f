#include "meshery/policy/match_strategy.hpp"

#include <algorithm>

namespace meshery::policy {
namespace {

std::string asString(const nlohmann::json& value) {
  return value.is_string() ? value.get<std::string>() : value.dump();
}

bool contains(const nlohmann::json& to, const nlohmann::json& from) {
  if (from.is_object()) {
    if (!to.is_object()) return false;
    return std::all_of(from.items().begin(), from.items().end(), [&](const auto& entry) {
      const auto found = to.find(entry.key());
      return found != to.end() && contains(*found, entry.value());
    });
  }
  if (from.is_array()) {
    if (!to.is_array()) return false;
    return std::all_of(from.begin(), from.end(), [&](const nlohmann::json& element) {
      return std::find(to.begin(), to.end(), element) != to.end();
    });
  }
  return from == to;
}

bool satisfies(const nlohmann::json& from, const nlohmann::json& to, const std::string& strategy) {
  if (strategy == "equal") return from == to;
  if (strategy == "equal_as_strings") return asString(from) == asString(to);
  if (strategy == "to_contains_from") return contains(to, from);
  if (strategy == "not_null") return !from.is_null() && !to.is_null();
  return false;
}

}  // namespace

bool valuesMatch(const nlohmann::json& from, const nlohmann::json& to,
                 const std::vector<std::string>& strategies) {
  if (strategies.empty()) return from == to;
  return std::all_of(strategies.begin(), strategies.end(),
                     [&](const std::string& strategy) { return satisfies(from, to, strategy); });
}

}  // namespace meshery::policy
