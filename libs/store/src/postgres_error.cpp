#include "postgres_error.hpp"

#include <pqxx/pqxx>

#include "meshery/core/error.hpp"

namespace meshery::store {
namespace {

/// libpq messages end with a newline and sometimes carry a second, redundant line.
std::string firstLine(const char* text) {
  std::string line(text);
  auto end = line.find('\n');
  return end == std::string::npos ? line : line.substr(0, end);
}

}  // namespace

void rethrowPostgresError(const std::string& server) {
  try {
    throw;
  } catch (const Error&) {
    throw;
  } catch (const pqxx::unique_violation& error) {
    throw Error(ErrorCode::kAlreadyExists, "an entity with the same identity is already stored",
                firstLine(error.what()), "choose another value for the unique field");
  } catch (const pqxx::foreign_key_violation& error) {
    throw Error(ErrorCode::kStoreFailure, "a referenced entity is not stored",
                firstLine(error.what()), "store the referenced organization or user first");
  } catch (const pqxx::broken_connection& error) {
    throw Error(ErrorCode::kUnavailable, "lost the connection to PostgreSQL at " + server,
                firstLine(error.what()),
                "check that the PostgreSQL server is running and reachable, then retry");
  } catch (const pqxx::in_doubt_error& error) {
    throw Error(ErrorCode::kStoreFailure,
                "PostgreSQL at " + server + " may or may not have committed a change",
                firstLine(error.what()), "read the entity back before repeating the change");
  } catch (const pqxx::sql_error& error) {
    throw Error(ErrorCode::kStoreFailure, "PostgreSQL at " + server + " refused an operation",
                firstLine(error.what()) + " (SQLSTATE " + error.sqlstate() + ")",
                "check the PostgreSQL server log; the schema may have been changed by hand");
  } catch (const std::exception& error) {
    throw Error(ErrorCode::kStoreFailure, "PostgreSQL at " + server + " failed",
                firstLine(error.what()), "check the PostgreSQL server log and retry");
  }
}

std::string redactPassword(const std::string& url) {
  auto scheme_end = url.find("://");
  if (scheme_end == std::string::npos) return url;
  auto authority = scheme_end + 3;
  auto at = url.find('@', authority);
  auto slash = url.find('/', authority);
  if (at == std::string::npos || (slash != std::string::npos && slash < at)) return url;
  auto colon = url.find(':', authority);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon) + url.substr(at);
}

}  // namespace meshery::store
