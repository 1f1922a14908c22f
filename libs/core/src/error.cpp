#include "meshery/core/error.hpp"

#include <utility>

namespace meshery {

std::string_view toString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kInvalidArgument: return "invalid_argument";
    case ErrorCode::kMalformedInput: return "malformed_input";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
    case ErrorCode::kAlreadyExists: return "already_exists";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
    case ErrorCode::kConfirmationRequired: return "confirmation_required";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kPermissionDenied: return "permission_denied";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kTimeout: return "timeout";
    case ErrorCode::kInvalidConfiguration: return "invalid_configuration";
    case ErrorCode::kStoreFailure: return "store_failure";
  }
  return "internal";
}

Error::Error(ErrorCode code, std::string message, std::string cause, std::string remedy,
             std::optional<SourcePosition> position)
    : std::runtime_error(message),
      code_(code),
      message_(std::move(message)),
      cause_(std::move(cause)),
      remedy_(std::move(remedy)),
      position_(position) {}

}  // namespace meshery
