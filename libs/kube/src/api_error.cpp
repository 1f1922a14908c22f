// metav1.Status answers as ApiError: the code from the HTTP status, the
// message and causes (with their field paths) kept.
#include <nlohmann/json.hpp>

#include "client_impl.hpp"

namespace meshery::kube {
namespace {

using nlohmann::json;

ErrorCode codeOf(const ApiStatus& status) {
  switch (status.code) {
    case 400:
    case 422:
      return ErrorCode::kInvalidArgument;
    case 401:
      return ErrorCode::kUnauthenticated;
    case 403:
      return ErrorCode::kPermissionDenied;
    case 404:
      return ErrorCode::kNotFound;
    case 405:
      return ErrorCode::kMethodNotAllowed;
    case 409:
      return status.reason == "AlreadyExists" ? ErrorCode::kAlreadyExists : ErrorCode::kConflict;
    case 410:
      return ErrorCode::kConflict;
    case 413:
      return ErrorCode::kPayloadTooLarge;
    case 415:
      return ErrorCode::kUnsupportedMediaType;
    case 504:
      return ErrorCode::kTimeout;
    default:
      return status.code == 429 || status.code >= 500 ? ErrorCode::kUnavailable
                                                      : ErrorCode::kInternal;
  }
}

std::string causeOf(const ApiStatus& status) {
  std::string cause = status.reason.empty() ? "HTTP " + std::to_string(status.code)
                                            : status.reason + " (HTTP " +
                                                  std::to_string(status.code) + ")";
  for (const StatusCause& each : status.causes) {
    cause += "; ";
    if (!each.field.empty()) cause += each.field + ": ";
    cause += each.message;
  }
  return cause;
}

std::string remedyOf(const ApiStatus& status) {
  switch (status.code) {
    case 401:
      return "check the context's credentials (an expired token or certificate?)";
    case 403:
      return "grant the context's user the permission (RBAC), or use another context";
    case 404:
      return "check the name, the namespace, and that the cluster serves the kind";
    case 409:
      return status.reason == "Conflict" && !status.causes.empty()
                 ? "another field manager owns these fields: change them there, or apply with "
                   "force"
                 : "read the object again and retry";
    case 410:
      return "list again: the resource version is older than the server keeps";
    case 422:
    case 400:
      return "correct the fields the causes name";
    default:
      return status.code == 429 || status.code >= 500
                 ? "the API server is overloaded or failing: retry later"
                 : "see the API server's message";
  }
}

}  // namespace

ApiError::ApiError(ApiStatus status, const std::string& request)
    : Error(codeOf(status), "the Kubernetes API refused " + request + ": " + status.message,
            causeOf(status), remedyOf(status)),
      status_(std::move(status)) {}

ApiError detail::apiError(const http::ClientResponse& response, const std::string& request) {
  ApiStatus status;
  status.code = response.status;
  const json body = json::parse(response.body, nullptr, false);
  if (body.is_object() && body.value("kind", "") == "Status") {
    status.reason = body.value("reason", "");
    status.message = body.value("message", "");
    if (body.contains("code") && body["code"].is_number_integer()) status.code = body["code"];
    const json details = body.value("details", json::object());
    for (const json& cause : details.value("causes", json::array())) {
      status.causes.push_back(
          {cause.value("reason", ""), cause.value("message", ""), cause.value("field", "")});
    }
  } else {
    status.message = response.body.empty() ? "HTTP " + std::to_string(response.status)
                                           : response.body.substr(0, 500);
  }
  return ApiError(std::move(status), request);
}

}  // namespace meshery::kube
