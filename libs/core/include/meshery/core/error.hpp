#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace meshery {

/// Stable error codes. Their string form (toString) is part of the REST and
/// CLI contract: never renumber or rename one, only add.
enum class ErrorCode : std::uint16_t {
  kInternal,             ///< a defect or an unexpected failure of a dependency
  kInvalidArgument,      ///< the input is well-formed but not acceptable
  kMalformedInput,       ///< the input cannot be parsed (JSON, YAML, URL…)
  kNotFound,             ///< the addressed entity or route does not exist
  kMethodNotAllowed,     ///< the route exists, the method does not
  kAlreadyExists,        ///< an entity with the same identity is stored
  kConflict,             ///< the operation conflicts with the current state
  kPayloadTooLarge,      ///< the request body exceeds the configured limit
  kUnsupportedMediaType, ///< the body's content type is not accepted
  kConfirmationRequired, ///< a destructive operation was not confirmed
  kUnauthenticated,      ///< no or a wrong credential
  kPermissionDenied,     ///< authenticated, but not allowed
  kUnavailable,          ///< a dependency (store, server) cannot be reached
  kTimeout,              ///< an operation did not finish in time
  kInvalidConfiguration, ///< settings, flags or a configuration file are wrong
  kStoreFailure,         ///< the database refused or failed an operation
};

/// The stable, snake_case name of a code, e.g. "not_found".
std::string_view toString(ErrorCode code);

/// Line and column (1-based) in a document that caused an error.
struct SourcePosition {
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// The one error type of the project: a stable code, a message for people,
/// the probable cause and the remedy (Meshery's error style). Thrown across
/// library boundaries; the API maps it to an HTTP status in one table and
/// the CLI prints cause and remedy.
class Error : public std::runtime_error {
 public:
  Error(ErrorCode code, std::string message, std::string cause = {}, std::string remedy = {},
        std::optional<SourcePosition> position = std::nullopt);

  [[nodiscard]] ErrorCode code() const noexcept { return code_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }
  [[nodiscard]] const std::string& cause() const noexcept { return cause_; }
  [[nodiscard]] const std::string& remedy() const noexcept { return remedy_; }
  [[nodiscard]] const std::optional<SourcePosition>& position() const noexcept { return position_; }

 private:
  ErrorCode code_;
  std::string message_;
  std::string cause_;
  std::string remedy_;
  std::optional<SourcePosition> position_;
};

}  // namespace meshery
