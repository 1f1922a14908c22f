#include "domain_errors.hpp"

namespace meshery::store {

void throwUserIdTaken(const std::string& user_id, const Error& original) {
  throw Error(ErrorCode::kAlreadyExists, "another user already has the user_id '" + user_id + "'",
              original.cause().empty() ? original.message() : original.cause(),
              "choose another user_id, or update the user that has it");
}

void throwUnknownUser(const Uuid& user_id) {
  throw Error(ErrorCode::kNotFound, "no user with id " + user_id.toString() + " is stored",
              "preferences belong to a stored user", "store the user before their preferences");
}

std::string preferencesText(const nlohmann::json& value) {
  if (!value.is_object()) {
    throw Error(ErrorCode::kInvalidArgument,
                std::string("user preferences must be a JSON object, not ") + value.type_name(),
                "preferences are stored as one object per user",
                "send an object such as {\"theme\": \"dark\"}");
  }
  try {
    return value.dump();
  } catch (const nlohmann::json::type_error& error) {
    throw Error(ErrorCode::kInvalidArgument, "user preferences contain text that is not UTF-8",
                error.what(), "send the preferences as UTF-8 encoded JSON");
  }
}

nlohmann::json parseStoredPreferences(const std::string& text, const Uuid& user_id) {
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    throw Error(ErrorCode::kStoreFailure,
                "the stored preferences of user " + user_id.toString() + " are not a JSON object",
                "the row was written by another program or the database is damaged",
                "store the preferences again, or restore the database from a backup");
  }
  return parsed;
}

Uuid preferencesId(const Uuid& user_id) {
  return Uuid::v5(user_id, "user_preferences");
}

}  // namespace meshery::store
