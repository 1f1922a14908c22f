#pragma once

#include <functional>
#include <map>
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
  /// False once the client has gone or the server is draining.
  [[nodiscard]] virtual bool open() const = 0;
};

/// A response. Either a whole body, or (when `event_stream` is set) a
/// text/event-stream whose producer runs until it returns.
struct Response {
  int status = 200;
  Headers headers;
  std::string body;
  std::function<void(SseStream&)> event_stream;

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

/// Percent-decodes `text`; '+' becomes a space when `plus_is_space`.
std::string percentDecode(std::string_view text, bool plus_is_space);

}  // namespace meshery::http
