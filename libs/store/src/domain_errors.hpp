#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "meshery/core/error.hpp"
#include "meshery/core/uuid.hpp"

namespace meshery::store {

/// The domain wording of failures both backends report the same way.

/// Another user already has `user_id` (the backend's unique violation is `original`).
[[noreturn]] void throwUserIdTaken(const std::string& user_id, const Error& original);

/// Preferences were written for a user id that is not stored.
[[noreturn]] void throwUnknownUser(const Uuid& user_id);

/// `value` as compact JSON text; throws Error(kInvalidArgument) unless it is a
/// JSON object whose strings are valid UTF-8.
std::string preferencesText(const nlohmann::json& value);

/// Parses stored preferences; throws Error(kStoreFailure) when they are damaged.
nlohmann::json parseStoredPreferences(const std::string& text, const Uuid& user_id);

/// The id of a user's preferences row: stable, derived from the user's id.
Uuid preferencesId(const Uuid& user_id);

}  // namespace meshery::store
