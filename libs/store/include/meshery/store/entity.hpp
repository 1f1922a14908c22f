#pragma once

#include <chrono>
#include <string_view>

#include "meshery/core/uuid.hpp"

namespace meshery::store {

using Timestamp = std::chrono::system_clock::time_point;

/// Who may see an entity (Meshery's visibility values).
enum class Visibility { kPrivate, kPublic, kPublished };
std::string_view toString(Visibility visibility);
Visibility parseVisibility(std::string_view text);  ///< throws Error(kInvalidArgument)

/// What every stored entity carries, even in local mode.
struct EntityMeta {
  Uuid id;
  Uuid owner_id;         ///< the user who owns the entity
  Uuid organization_id;  ///< the organisation it belongs to
  Visibility visibility = Visibility::kPrivate;
  Timestamp created_at{};
  Timestamp updated_at{};
};

}  // namespace meshery::store
