#pragma once

// Private to libs/store: connections to and from table rows, shared by the
// SQLite and PostgreSQL repositories.

#include <string>
#include <string_view>

#include "meshery/core/error.hpp"
#include "meshery/store/connection_repository.hpp"

namespace meshery::store {

/// A row's columns after the EntityMeta ones. Error(kStoreFailure) for a
/// status or metadata the schema should have kept out.
Connection connectionFromColumns(EntityMeta meta, std::string_view name, std::string_view kind,
                                 std::string_view type, std::string_view sub_type,
                                 std::string_view status, std::string_view metadata,
                                 std::string_view credential);
/// The metadata as stored: a JSON object's text. Error(kInvalidArgument)
/// when it is not an object.
std::string connectionMetadataText(const Connection& connection);
[[noreturn]] void throwConnectionNameTaken(const Connection& connection, const Error& original);

/// A query's list filters as single parameters ("" when off): kinds and
/// statuses joined by '|'.
struct ConnectionFilterText {
  std::string owner;
  std::string kinds;
  std::string statuses;
};
ConnectionFilterText connectionFilterText(const ConnectionQuery& query);

}  // namespace meshery::store
