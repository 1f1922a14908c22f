#include "postgres_repositories.hpp"

#include "connection_rows.hpp"

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

const std::string kConnectionColumns =
    "id, owner_id, organization_id, visibility, created_at, updated_at, name, kind, type, "
    "sub_type, status, metadata, credential";

// Each filter is off when its parameter is empty: $1 owner, $2 kinds and $3
// statuses joined by '|', $4 a part of the name.
const std::string kConnectionFilter =
    " WHERE ($1 = '' OR owner_id::text = $1)"
    " AND ($2 = '' OR kind = ANY(string_to_array($2, '|')))"
    " AND ($3 = '' OR status = ANY(string_to_array($3, '|')))"
    " AND ($4 = '' OR strpos(lower(name), lower($4)) > 0)";

Connection readConnection(const pqxx::row& row) {
  return connectionFromColumns(readMeta(row, "connections"), text(row[6]), text(row[7]),
                               text(row[8]), text(row[9]), text(row[10]), text(row[11]),
                               text(row[12]));
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

std::optional<Connection> PostgresConnections::find(const Uuid& id) {
  return database_.read([&](pqxx::read_transaction& transaction) -> std::optional<Connection> {
    auto result = transaction.exec_params(
        "SELECT " + kConnectionColumns + " FROM connections WHERE id = $1::uuid", id.toString());
    if (result.empty()) return std::nullopt;
    return readConnection(result[0]);
  });
}

std::optional<Connection> PostgresConnections::findByName(const Uuid& owner_id,
                                                          std::string_view kind,
                                                          std::string_view name) {
  return database_.read([&](pqxx::read_transaction& transaction) -> std::optional<Connection> {
    auto result = transaction.exec_params(
        "SELECT " + kConnectionColumns +
            " FROM connections WHERE owner_id = $1::uuid AND kind = $2 AND name = $3",
        owner_id.toString(), std::string(kind), std::string(name));
    if (result.empty()) return std::nullopt;
    return readConnection(result[0]);
  });
}

void PostgresConnections::upsert(const Connection& connection) {
  const EntityMeta& meta = connection.meta;
  try {
    database_.write([&](pqxx::work& transaction) {
      transaction.exec_params(
          "INSERT INTO connections (" + kConnectionColumns +
              ") VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::timestamptz, $6::timestamptz, $7, "
              "$8, $9, $10, $11, $12::jsonb, $13) "
              "ON CONFLICT (id) DO UPDATE SET owner_id = EXCLUDED.owner_id, "
              "organization_id = EXCLUDED.organization_id, visibility = EXCLUDED.visibility, "
              "updated_at = EXCLUDED.updated_at, name = EXCLUDED.name, kind = EXCLUDED.kind, "
              "type = EXCLUDED.type, sub_type = EXCLUDED.sub_type, status = EXCLUDED.status, "
              "metadata = EXCLUDED.metadata, credential = EXCLUDED.credential",
          meta.id.toString(), meta.owner_id.toString(), meta.organization_id.toString(),
          std::string(toString(meta.visibility)), formatTimestamp(meta.created_at),
          formatTimestamp(meta.updated_at), connection.name, connection.kind, connection.type,
          connection.sub_type, std::string(toString(connection.status)),
          connectionMetadataText(connection), connection.sealed_credential);
    });
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kAlreadyExists) throwConnectionNameTaken(connection, error);
    throw;
  }
}

ConnectionPage PostgresConnections::list(const ConnectionQuery& query) {
  const ConnectionFilterText filter = connectionFilterText(query);
  return database_.read([&](pqxx::read_transaction& transaction) {
    ConnectionPage page;
    page.total_count = transaction
                           .exec_params("SELECT count(*) FROM connections" + kConnectionFilter,
                                        filter.owner, filter.kinds, filter.statuses, query.search)[0][0]
                           .as<std::int64_t>();
    const std::string limit = query.page_size > 0 ? std::to_string(query.page_size) : "ALL";
    const std::string offset =
        std::to_string(query.page_size > 0 ? query.page * query.page_size : 0);
    page.connections = readAll<Connection>(
        transaction.exec_params("SELECT " + kConnectionColumns + " FROM connections" +
                                    kConnectionFilter + " ORDER BY name COLLATE \"C\", id LIMIT " +
                                    limit + " OFFSET " + offset,
                                filter.owner, filter.kinds, filter.statuses, query.search),
        readConnection);
    return page;
  });
}

bool PostgresConnections::remove(const Uuid& id) {
  bool removed = false;
  database_.write([&](pqxx::work& transaction) {
    removed =
        transaction.exec_params("DELETE FROM connections WHERE id = $1::uuid", id.toString())
            .affected_rows() > 0;
  });
  return removed;
}

}  // namespace meshery::store
