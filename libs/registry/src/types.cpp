#include "meshery/registry/types.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace meshery::registry {
namespace {

constexpr std::array<std::pair<EntityStatus, std::string_view>, 10> kStatusNames = {{
    {EntityStatus::kEnabled, "enabled"},
    {EntityStatus::kIgnored, "ignored"},
    {EntityStatus::kDuplicate, "duplicate"},
    {EntityStatus::kMaintenance, "maintenance"},
    {EntityStatus::kResolved, "resolved"},
    {EntityStatus::kOpen, "open"},
    {EntityStatus::kDeleted, "deleted"},
    {EntityStatus::kApproved, "approved"},
    {EntityStatus::kPending, "pending"},
    {EntityStatus::kIdentified, "identified"},
}};

}  // namespace

std::string_view toString(EntityStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "enabled";
}

std::optional<EntityStatus> parseEntityStatus(std::string_view text) {
  for (const auto& [value, name] : kStatusNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

bool isKnownCategory(std::string_view name) {
  return std::find(kCategoryNames.begin(), kCategoryNames.end(), name) != kCategoryNames.end();
}

}  // namespace meshery::registry
