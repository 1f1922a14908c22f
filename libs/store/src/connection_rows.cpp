#include "connection_rows.hpp"

namespace meshery::store {

Connection connectionFromColumns(EntityMeta meta, std::string_view name, std::string_view kind,
                                 std::string_view type, std::string_view sub_type,
                                 std::string_view status, std::string_view metadata,
                                 std::string_view credential) {
  Connection connection;
  connection.meta = std::move(meta);
  connection.name = name;
  connection.kind = kind;
  connection.type = type;
  connection.sub_type = sub_type;
  const auto parsed_status = connectionStatusOf(status);
  auto parsed_metadata = nlohmann::json::parse(metadata, nullptr, false);
  if (!parsed_status || !parsed_metadata.is_object()) {
    throw Error(ErrorCode::kStoreFailure,
                "the stored connection " + connection.meta.id.toString() + " cannot be read",
                "its status or metadata is not what the schema allows",
                "delete the connection and register it again");
  }
  connection.status = *parsed_status;
  connection.metadata = std::move(parsed_metadata);
  connection.sealed_credential = credential;
  return connection;
}

std::string connectionMetadataText(const Connection& connection) {
  if (!connection.metadata.is_object()) {
    throw Error(ErrorCode::kInvalidArgument, "a connection's metadata must be a JSON object",
                "got " + std::string(connection.metadata.type_name()), "send an object");
  }
  return connection.metadata.dump();
}

void throwConnectionNameTaken(const Connection& connection, const Error& original) {
  throw Error(ErrorCode::kAlreadyExists,
              "a " + connection.kind + " connection named \"" + connection.name +
                  "\" already exists",
              original.cause().empty() ? original.message() : original.cause(),
              "update that connection, or choose another name");
}

ConnectionFilterText connectionFilterText(const ConnectionQuery& query) {
  ConnectionFilterText text;
  if (query.owner_id) text.owner = query.owner_id->toString();
  for (const std::string& kind : query.kinds) text.kinds += (text.kinds.empty() ? "" : "|") + kind;
  for (const ConnectionStatus status : query.statuses) {
    text.statuses += (text.statuses.empty() ? "" : "|") + std::string(toString(status));
  }
  return text;
}

}  // namespace meshery::store
