#pragma once

#include <chrono>
#include <functional>
#include <future>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "meshery/http/message.hpp"

namespace meshery::http {

struct ClientResponse {
  int status = 0;
  Headers headers;
  std::string body;
  /// The body as JSON; throws Error(kMalformedInput).
  [[nodiscard]] nlohmann::json json() const;
  /// When the status is >= 400 and the body is the server's JSON error body,
  /// the equivalent Error; otherwise a generic one with the status. Only
  /// meaningful for failed responses.
  [[nodiscard]] Error toError() const;
};

/// One Server-Sent Event as received.
struct SseEvent {
  std::string event;  ///< "message" when the stream named none
  std::string data;
  std::string id;
};

struct ClientOptions {
  std::chrono::milliseconds timeout{30'000};  ///< whole request, connect included
  std::string user_agent = "mesheryctl";
};

/// An HTTP/1.1 client for mesheryctl and the tests. Owns one I/O thread;
/// keeps idle keep-alive connections for reuse. Thread-safe.
class Client {
 public:
  /// `base_url` is "http://host:port" (a trailing slash is ignored).
  explicit Client(std::string base_url, ClientOptions options = {});
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  /// Sends a request; the future holds the response or an Error
  /// (kUnavailable: cannot connect; kTimeout: no answer in time).
  std::future<ClientResponse> requestAsync(Method method, std::string target,
                                           std::string body = {}, Headers headers = {});
  /// Blocking form of requestAsync().
  ClientResponse request(Method method, std::string target, std::string body = {},
                         Headers headers = {});
  ClientResponse get(std::string target) { return request(Method::kGet, std::move(target)); }
  /// Sends `value` as application/json.
  ClientResponse send(Method method, std::string target, const nlohmann::json& value);

  /// Reads a text/event-stream, calling `on_event` per event until it returns
  /// false, the stream ends, or the server fails. Blocks. The request timeout
  /// applies to the response head only.
  void stream(std::string target, const std::function<bool(const SseEvent&)>& on_event);

  [[nodiscard]] const std::string& baseUrl() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshery::http
