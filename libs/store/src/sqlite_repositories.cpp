#include "sqlite_repositories.hpp"

#include "connection_rows.hpp"

#include <chrono>
#include <string>

#include "domain_errors.hpp"
#include "entity_text.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

constexpr std::string_view kSelectOrganizations =
    "SELECT id, owner_id, organization_id, visibility, created_at, updated_at, name, description "
    "FROM organizations";

constexpr std::string_view kUpsertOrganization =
    "INSERT INTO organizations (id, owner_id, organization_id, visibility, created_at, "
    "updated_at, name, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
    "ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, "
    "organization_id = excluded.organization_id, visibility = excluded.visibility, "
    "updated_at = excluded.updated_at, name = excluded.name, description = excluded.description";

constexpr std::string_view kSelectUsers =
    "SELECT id, owner_id, organization_id, visibility, created_at, updated_at, user_id, "
    "first_name, last_name, email, avatar_url, provider FROM users";

constexpr std::string_view kUpsertUser =
    "INSERT INTO users (id, owner_id, organization_id, visibility, created_at, updated_at, "
    "user_id, first_name, last_name, email, avatar_url, provider) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
    "ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, "
    "organization_id = excluded.organization_id, visibility = excluded.visibility, "
    "updated_at = excluded.updated_at, user_id = excluded.user_id, "
    "first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email, "
    "avatar_url = excluded.avatar_url, provider = excluded.provider";

// The row takes the owner's organisation; a missing user inserts nothing.
constexpr std::string_view kUpsertPreferences =
    "INSERT INTO user_preferences (id, owner_id, organization_id, visibility, created_at, "
    "updated_at, user_id, preferences) "
    "SELECT ?1, u.id, u.organization_id, 'private', ?2, ?2, u.id, ?3 FROM users u WHERE u.id = ?4 "
    "ON CONFLICT (user_id) DO UPDATE SET preferences = excluded.preferences, "
    "updated_at = excluded.updated_at";

void bindMeta(SqliteStatement& statement, const EntityMeta& meta) {
  statement.bind(1, meta.id.toString())
      .bind(2, meta.owner_id.toString())
      .bind(3, meta.organization_id.toString())
      .bind(4, toString(meta.visibility))
      .bind(5, formatTimestamp(meta.created_at))
      .bind(6, formatTimestamp(meta.updated_at));
}

EntityMeta readMeta(const SqliteStatement& row, std::string_view table) {
  return metaFromColumns(
      {row.text(0), row.text(1), row.text(2), row.text(3), row.text(4), row.text(5)}, table);
}

Organization readOrganization(const SqliteStatement& row) {
  return {readMeta(row, "organizations"), std::string(row.text(6)), std::string(row.text(7))};
}

User readUser(const SqliteStatement& row) {
  return {readMeta(row, "users"),   std::string(row.text(6)), std::string(row.text(7)),
          std::string(row.text(8)), std::string(row.text(9)), std::string(row.text(10)),
          std::string(row.text(11))};
}

template <class Entity, class Decode>
std::vector<Entity> readAll(SqliteStatement& statement, Decode decode) {
  std::vector<Entity> entities;
  while (statement.step()) entities.push_back(decode(statement));
  return entities;
}

constexpr std::string_view kConnectionColumns =
    "id, owner_id, organization_id, visibility, created_at, updated_at, name, kind, type, "
    "sub_type, status, metadata, credential";

// Each filter is off when its parameter is empty: ?1 owner, ?2 kinds and ?3
// statuses joined by kListSeparator, ?4 a part of the name.
constexpr std::string_view kConnectionFilter =
    " WHERE (?1 = '' OR owner_id = ?1)"
    " AND (?2 = '' OR instr('|' || ?2 || '|', '|' || kind || '|') > 0)"
    " AND (?3 = '' OR instr('|' || ?3 || '|', '|' || status || '|') > 0)"
    " AND (?4 = '' OR instr(lower(name), lower(?4)) > 0)";

Connection readConnection(const SqliteStatement& row) {
  return connectionFromColumns(readMeta(row, "connections"), row.text(6), row.text(7), row.text(8),
                               row.text(9), row.text(10), row.text(11), row.text(12));
}

}  // namespace

std::optional<Organization> SqliteOrganizations::find(const Uuid& id) {
  return database_.read([&](SqliteConnection& connection) -> std::optional<Organization> {
    auto statement = connection.prepare(std::string(kSelectOrganizations) + " WHERE id = ?1");
    statement.bind(1, id.toString());
    if (!statement.step()) return std::nullopt;
    return readOrganization(statement);
  });
}

void SqliteOrganizations::upsert(const Organization& organization) {
  database_.write([&](SqliteConnection& connection) {
    auto statement = connection.prepare(kUpsertOrganization);
    bindMeta(statement, organization.meta);
    statement.bind(7, organization.name).bind(8, organization.description).step();
  });
}

std::vector<Organization> SqliteOrganizations::list() {
  return database_.read([&](SqliteConnection& connection) {
    auto statement = connection.prepare(std::string(kSelectOrganizations) + " ORDER BY name, id");
    return readAll<Organization>(statement, readOrganization);
  });
}

std::optional<User> SqliteUsers::find(const Uuid& id) {
  return database_.read([&](SqliteConnection& connection) -> std::optional<User> {
    auto statement = connection.prepare(std::string(kSelectUsers) + " WHERE id = ?1");
    statement.bind(1, id.toString());
    if (!statement.step()) return std::nullopt;
    return readUser(statement);
  });
}

void SqliteUsers::upsert(const User& user) {
  try {
    database_.write([&](SqliteConnection& connection) {
      auto statement = connection.prepare(kUpsertUser);
      bindMeta(statement, user.meta);
      statement.bind(7, user.user_id)
          .bind(8, user.first_name)
          .bind(9, user.last_name)
          .bind(10, user.email)
          .bind(11, user.avatar_url)
          .bind(12, user.provider)
          .step();
    });
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kAlreadyExists) throwUserIdTaken(user.user_id, error);
    throw;
  }
}

std::vector<User> SqliteUsers::list() {
  return database_.read([&](SqliteConnection& connection) {
    auto statement = connection.prepare(std::string(kSelectUsers) + " ORDER BY user_id");
    return readAll<User>(statement, readUser);
  });
}

nlohmann::json SqlitePreferences::get(const Uuid& user_id) {
  auto stored = database_.read([&](SqliteConnection& connection) -> std::optional<std::string> {
    auto statement =
        connection.prepare("SELECT preferences FROM user_preferences WHERE user_id = ?1");
    statement.bind(1, user_id.toString());
    if (!statement.step()) return std::nullopt;
    return std::string(statement.text(0));
  });
  return stored ? parseStoredPreferences(*stored, user_id) : nlohmann::json::object();
}

void SqlitePreferences::put(const Uuid& user_id, const nlohmann::json& value) {
  std::string text = preferencesText(value);
  std::string now = formatTimestamp(std::chrono::system_clock::now());
  database_.write([&](SqliteConnection& connection) {
    auto statement = connection.prepare(kUpsertPreferences);
    statement.bind(1, preferencesId(user_id).toString())
        .bind(2, now)
        .bind(3, text)
        .bind(4, user_id.toString())
        .step();
    if (connection.changes() == 0) throwUnknownUser(user_id);
  });
}

nlohmann::json SqlitePreferences::merge(const Uuid& user_id, const nlohmann::json& patch) {
  preferencesText(patch);  // validates that the patch is an object
  std::string now = formatTimestamp(std::chrono::system_clock::now());
  nlohmann::json merged;
  // Read and write on the writer connection, inside its one transaction.
  database_.write([&](SqliteConnection& connection) {
    auto select = connection.prepare("SELECT preferences FROM user_preferences WHERE user_id = ?1");
    select.bind(1, user_id.toString());
    merged = select.step() ? parseStoredPreferences(std::string(select.text(0)), user_id)
                           : nlohmann::json::object();
    merged.merge_patch(patch);
    auto upsert = connection.prepare(kUpsertPreferences);
    upsert.bind(1, preferencesId(user_id).toString())
        .bind(2, now)
        .bind(3, preferencesText(merged))
        .bind(4, user_id.toString())
        .step();
    if (connection.changes() == 0) throwUnknownUser(user_id);
  });
  return merged;
}

std::optional<Connection> SqliteConnections::find(const Uuid& id) {
  return database_.read([&](SqliteConnection& connection) -> std::optional<Connection> {
    auto statement = connection.prepare("SELECT " + std::string(kConnectionColumns) +
                                        " FROM connections WHERE id = ?1");
    statement.bind(1, id.toString());
    if (!statement.step()) return std::nullopt;
    return readConnection(statement);
  });
}

std::optional<Connection> SqliteConnections::findByName(const Uuid& owner_id,
                                                        std::string_view kind,
                                                        std::string_view name) {
  return database_.read([&](SqliteConnection& connection) -> std::optional<Connection> {
    auto statement = connection.prepare(
        "SELECT " + std::string(kConnectionColumns) +
        " FROM connections WHERE owner_id = ?1 AND kind = ?2 AND name = ?3");
    statement.bind(1, owner_id.toString()).bind(2, kind).bind(3, name);
    if (!statement.step()) return std::nullopt;
    return readConnection(statement);
  });
}

void SqliteConnections::upsert(const Connection& stored) {
  try {
    database_.write([&](SqliteConnection& connection) {
      auto statement = connection.prepare(
          "INSERT INTO connections (" + std::string(kConnectionColumns) +
          ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) "
          "ON CONFLICT (id) DO UPDATE SET owner_id = excluded.owner_id, "
          "organization_id = excluded.organization_id, visibility = excluded.visibility, "
          "updated_at = excluded.updated_at, name = excluded.name, kind = excluded.kind, "
          "type = excluded.type, sub_type = excluded.sub_type, status = excluded.status, "
          "metadata = excluded.metadata, credential = excluded.credential");
      bindMeta(statement, stored.meta);
      statement.bind(7, stored.name)
          .bind(8, stored.kind)
          .bind(9, stored.type)
          .bind(10, stored.sub_type)
          .bind(11, toString(stored.status))
          .bind(12, connectionMetadataText(stored))
          .bind(13, stored.sealed_credential)
          .step();
    });
  } catch (const Error& error) {
    if (error.code() == ErrorCode::kAlreadyExists) throwConnectionNameTaken(stored, error);
    throw;
  }
}

ConnectionPage SqliteConnections::list(const ConnectionQuery& query) {
  const ConnectionFilterText filter = connectionFilterText(query);
  return database_.read([&](SqliteConnection& connection) {
    const auto bindFilter = [&](SqliteStatement& statement) {
      statement.bind(1, filter.owner).bind(2, filter.kinds).bind(3, filter.statuses)
          .bind(4, query.search);
    };
    ConnectionPage page;
    auto count = connection.prepare("SELECT COUNT(*) FROM connections" + std::string(kConnectionFilter));
    bindFilter(count);
    count.step();
    page.total_count = count.integer(0);
    auto select = connection.prepare("SELECT " + std::string(kConnectionColumns) +
                                     " FROM connections" + std::string(kConnectionFilter) +
                                     " ORDER BY name, id LIMIT ?5 OFFSET ?6");
    bindFilter(select);
    select.bind(5, query.page_size > 0 ? query.page_size : std::int64_t{-1})
        .bind(6, query.page_size > 0 ? query.page * query.page_size : std::int64_t{0});
    page.connections = readAll<Connection>(select, readConnection);
    return page;
  });
}

bool SqliteConnections::remove(const Uuid& id) {
  bool removed = false;
  database_.write([&](SqliteConnection& connection) {
    auto statement = connection.prepare("DELETE FROM connections WHERE id = ?1");
    statement.bind(1, id.toString()).step();
    removed = connection.changes() > 0;
  });
  return removed;
}

}  // namespace meshery::store
