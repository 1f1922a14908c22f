#pragma once

#include <string>

namespace meshery::store {

/// Rethrows the exception being handled as a meshery::Error: an Error as it
/// is; libpqxx's unique violation as kAlreadyExists, a lost connection as
/// kUnavailable, anything else as kStoreFailure. `server` is the redacted
/// URL, for messages. Call only inside a catch block.
[[noreturn]] void rethrowPostgresError(const std::string& server);

/// `url` without its password, for messages and logs.
std::string redactPassword(const std::string& url);

}  // namespace meshery::store
