#include "postgres_repositories.hpp"

#include <chrono>
#include <string>

#include "domain_errors.hpp"
#include "entity_text.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

const std::string kSelectOrganizations =
    "SELECT id, owner_id, organization_id, visibility, created_at, updated_at, name, description "
    "FROM organizations";

const std::string kUpsertOrganization =
    "INSERT INTO organizations (id, owner_id, organization_id, visibility, created_at, "
    "updated_at, name, description) VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::timestamptz, "
    "$6::timestamptz, $7, $8) "
    "ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, "
    "organization_id = EXCLUDED.organization_id, visibility = EXCLUDED.visibility, "
    "updated_at = EXCLUDED.updated_at, name = EXCLUDED.name, description = EXCLUDED.description";

const std::string kSelectUsers =
    "SELECT id, owner_id, organization_id, visibility, created_at, updated_at, user_id, "
    "first_name, last_name, email, avatar_url, provider FROM users";

const std::string kUpsertUser =
    "INSERT INTO users (id, owner_id, organization_id, visibility, created_at, updated_at, "
    "user_id, first_name, last_name, email, avatar_url, provider) "
    "VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::timestamptz, $6::timestamptz, $7, $8, $9, "
    "$10, $11, $12) "
    "ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, "
    "organization_id = EXCLUDED.organization_id, visibility = EXCLUDED.visibility, "
    "updated_at = EXCLUDED.updated_at, user_id = EXCLUDED.user_id, "
    "first_name = EXCLUDED.first_name, last_name = EXCLUDED.last_name, email = EXCLUDED.email, "
    "avatar_url = EXCLUDED.avatar_url, provider = EXCLUDED.provider";

// The row takes the owner's organisation; a missing user inserts nothing.
const std::string kUpsertPreferences =
    "INSERT INTO user_preferences (id, owner_id, organization_id, visibility, created_at, "
    "updated_at, user_id, preferences) "
    "SELECT $1::uuid, u.id, u.organization_id, 'private', $2::timestamptz, $2::timestamptz, u.id, "
    "$3::jsonb FROM users u WHERE u.id = $4::uuid "
    "ON CONFLICT (user_id) DO UPDATE SET preferences = EXCLUDED.preferences, "
    "updated_at = EXCLUDED.updated_at";

std::string_view text(const pqxx::field& field) {
  return {field.c_str(), field.size()};
}

EntityMeta readMeta(const pqxx::row& row, std::string_view table) {
  return metaFromColumns(
      {text(row[0]), text(row[1]), text(row[2]), text(row[3]), text(row[4]), text(row[5])}, table);
}

Organization readOrganization(const pqxx::row& row) {
  return {readMeta(row, "organizations"), std::string(text(row[6])), std::string(text(row[7]))};
}

User readUser(const pqxx::row& row) {
  return {readMeta(row, "users"),    std::string(text(row[6])), std::string(text(row[7])),
          std::string(text(row[8])), std::string(text(row[9])), std::string(text(row[10])),
          std::string(text(row[11]))};
}

template <class Entity, class Decode>
std::vector<Entity> readAll(const pqxx::result& result, Decode decode) {
  std::vector<Entity> entities;
  entities.reserve(result.size());
  for (const auto& row : result) entities.push_back(decode(row));
  return entities;
}

}  // namespace

std::optional<Organization> PostgresOrganizations::find(const Uuid& id) {
  return database_.read([&](pqxx::read_transaction& transaction) -> std::optional<Organization> {
    auto result =
        transaction.exec_params(kSelectOrganizations + " WHERE id = $1::uuid", id.toString());
    if (result.empty()) return std::nullopt;
    return readOrganization(result[0]);
  });
}

void PostgresOrganizations::upsert(const Organization& organization) {
  const EntityMeta& meta = organization.meta;
  database_.write([&](pqxx::work& transaction) {
    transaction.exec_params(kUpsertOrganization, meta.id.toString(), meta.owner_id.toString(),
                            meta.organization_id.toString(), std::string(toString(meta.visibility)),
                            formatTimestamp(meta.created_at), formatTimestamp(meta.updated_at),
                            organization.name, organization.description);
  });
}

std::vector<Organization> PostgresOrganizations::list() {
  return database_.read([&](pqxx::read_transaction& transaction) {
    return readAll<Organization>(
        transaction.exec(kSelectOrganizations + " ORDER BY name COLLATE \"C\", id"),
        readOrganization);
  });
}

std::optional<User> PostgresUsers::find(const Uuid& id) {
  return database_.read([&](pqxx::read_transaction& transaction) -> std::optional<User> {
    auto result = transaction.exec_params(kSelectUsers + " WHERE id = $1::uuid", id.toString());
    if (result.empty()) return std::nullopt;
    return readUser(result[0]);
  });
}

void PostgresUsers::upsert(const User& user) {
  const EntityMeta& meta = user.meta;
  try {
    database_.write([&](pqxx::work& transaction) {
      transaction.exec_params(
          kUpsertUser, meta.id.toString(), meta.owner_id.toString(),
          meta.organization_id.toString(), std::string(toString(meta.visibility)),
          formatTimestamp(meta.created_at), formatTimestamp(meta.updated_at), user.user_id,
          user.first_name, user.last_name, user.email, user.avatar_url, user.provider);
    });
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kAlreadyExists) throwUserIdTaken(user.user_id, error);
    throw;
  }
}

std::vector<User> PostgresUsers::list() {
  return database_.read([&](pqxx::read_transaction& transaction) {
    // COLLATE "C": byte order, the same order SQLite gives.
    return readAll<User>(transaction.exec(kSelectUsers + " ORDER BY user_id COLLATE \"C\""),
                         readUser);
  });
}

nlohmann::json PostgresPreferences::get(const Uuid& user_id) {
  auto stored =
      database_.read([&](pqxx::read_transaction& transaction) -> std::optional<std::string> {
        auto result = transaction.exec_params(
            "SELECT preferences::text FROM user_preferences WHERE user_id = $1::uuid",
            user_id.toString());
        if (result.empty()) return std::nullopt;
        return std::string(text(result[0][0]));
      });
  return stored ? parseStoredPreferences(*stored, user_id) : nlohmann::json::object();
}

void PostgresPreferences::put(const Uuid& user_id, const nlohmann::json& value) {
  std::string text_value = preferencesText(value);
  std::string now = formatTimestamp(std::chrono::system_clock::now());
  database_.write([&](pqxx::work& transaction) {
    auto result = transaction.exec_params(kUpsertPreferences, preferencesId(user_id).toString(),
                                          now, text_value, user_id.toString());
    if (result.affected_rows() == 0) throwUnknownUser(user_id);
  });
}

nlohmann::json PostgresPreferences::merge(const Uuid& user_id, const nlohmann::json& patch) {
  preferencesText(patch);  // validates that the patch is an object
  std::string now = formatTimestamp(std::chrono::system_clock::now());
  nlohmann::json merged;
  database_.write([&](pqxx::work& transaction) {
    // Locking the user's row serialises merges for that user, including the
    // first one, when no preferences row exists yet to lock.
    auto user = transaction.exec_params("SELECT 1 FROM users WHERE id = $1::uuid FOR UPDATE",
                                        user_id.toString());
    if (user.empty()) throwUnknownUser(user_id);
    auto stored = transaction.exec_params(
        "SELECT preferences::text FROM user_preferences WHERE user_id = $1::uuid",
        user_id.toString());
    merged = stored.empty() ? nlohmann::json::object()
                            : parseStoredPreferences(std::string(text(stored[0][0])), user_id);
    merged.merge_patch(patch);
    transaction.exec_params(kUpsertPreferences, preferencesId(user_id).toString(), now,
                            preferencesText(merged), user_id.toString());
  });
  return merged;
}

}  // namespace meshery::store
