#pragma once

#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "meshery/core/error.hpp"

namespace meshery::http {

enum class Method { kGet, kHead, kPost, kPut, kPatch, kDelete, kOptions, kUnknown };
std::string_view toString(Method method);
Method parseMethod(std::string_view text);

/// Header fields in arrival order; names compare case-insensitively.
class Headers {
 public:
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const;
  /// Replaces every field of that name.
  void set(std::string name, std::string value);
  void add(std::string name, std::string value);
  [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& fields() const {
    return fields_;
  }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

/// A request as handlers see it. No Beast types: handlers and the API layer
/// compile without Boost.
struct Request {
  Method method = Method::kGet;
  std::string target;  ///< as received: path and query
  std::string path;    ///< percent-decoded path, without the query
  std::string query;   ///< raw query string, without '?'
  Headers headers;
  std::string body;
  std::map<std::string, std::string, std::less<>> path_params;  ///< filled by the router
  std::string route;       ///< the matched route pattern, e.g. "/api/pattern/{id}"
  std::string request_id;  ///< X-Request-Id, received or generated
  std::string remote_address;

  /// The first value of a query parameter, percent-decoded ('+' is a space).
  [[nodiscard]] std::optional<std::string> queryParam(std::string_view name) const;
  /// Every value of a repeated query parameter, in order.
  [[nodiscard]] std::vector<std::string> queryParams(std::string_view name) const;
  [[nodiscard]] std::string pathParam(std::string_view name) const;
  /// The body parsed as JSON; throws Error(kMalformedInput) with the position.
  [[nodiscard]] nlohmann::json jsonBody() const;
};

/// A live Server-Sent Events stream, written by a producer on the blocking pool.
class SseStream {
 public:
  virtual ~SseStream() = default;
  /// Sends one event and waits until it is written. Returns false once the
  /// client has gone or the server is draining: the producer should return.
  virtual bool send(std::string_view event, std::string_view data, std::string_view id = {}) = 0;
  /// Sends a comment line (keeps proxies from timing the stream out).
  virtual bool comment(std::string_view text) = 0;
  /// Sends bytes as they are, for a streamed body that is not an event
  /// stream (Kubernetes' watch: one JSON object per line; the response's
  /// Content-Type says which).
  virtual bool write(std::string_view bytes) = 0;
  /// False once the client has gone or the server is draining.
  [[nodiscard]] virtual bool open() const = 0;
};

/// Texts of a response body sent where they are (scatter-gather writes)
/// instead of being copied into one string: for large bodies assembled
/// from texts that already exist, e.g. cached JSON of registry entities.
struct BodySegments {
  /// Written in order. Each must stay valid while any of `owners` lives.
  std::vector<std::string_view> texts;
  /// Keep the texts alive until the response is written (static texts
  /// need no owner).
  std::vector<std::shared_ptr<const void>> owners;

  [[nodiscard]] bool empty() const { return texts.empty(); }
  /// The bytes of all texts.
  [[nodiscard]] std::size_t size() const;
};

/// A response. Either a whole body, or (when `event_stream` is set) a
/// text/event-stream whose producer runs until it returns. The body on the
/// wire is `body` followed by the texts of `segments` (usually one of the
/// two is empty); Content-Length counts both.
struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  BodySegments segments;
  std::function<void(SseStream&)> event_stream;

  /// The length of the body on the wire.
  [[nodiscard]] std::size_t bodySize() const { return body.size() + segments.size(); }
  /// The body on the wire as one string (copies the segments): for tests
  /// and callers that need it whole.
  [[nodiscard]] std::string bodyText() const;

  static Response json(const nlohmann::json& value, int status = 200);
  static Response text(std::string body, std::string content_type = "text/plain; charset=utf-8",
                       int status = 200);
  static Response noContent();
  /// The single JSON error body {error, code, cause, remedy} with the status
  /// that statusFor() gives the error's code.
  static Response error(const Error& error);
  static Response eventStream(std::function<void(SseStream&)> producer);
};

/// The one table from error codes to HTTP status codes.
int statusFor(ErrorCode code);
/// The JSON error body every error answer carries: {error, code, cause,
/// remedy[, line, column]}; also used where a list reports several errors.
nlohmann::json errorJson(const Error& error);

/// Percent-decodes `text`; '+' becomes a space when `plus_is_space`.
std::string percentDecode(std::string_view text, bool plus_is_space);

}  // namespace meshery::http
