// One HTTP/1.1 connection: read a request within the time and size limits,
// dispatch it (inline or on the blocking pool), write the response, repeat
// while keep-alive holds and the server is not draining.

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "beast_convert.hpp"
#include "blocking_work.hpp"
#include "meshery/core/log.hpp"
#include "meshery/core/uuid.hpp"
#include "server_impl.hpp"
#include "sse_stream.hpp"

namespace meshery::http {
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using asio::awaitable;
using asio::use_awaitable;

namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string requestIdFrom(const Headers& headers) {
  if (auto received = headers.get("X-Request-Id")) {
    bool acceptable = !received->empty() && received->size() <= 128 &&
                      std::all_of(received->begin(), received->end(),
                                  [](char c) { return c > 0x20 && c < 0x7f; });
    if (acceptable) return std::string(*received);
  }
  return Uuid::v4().toString();
}

Response internalError(const Request& request, std::string_view what) {
  log::error("unhandled exception",
             {{"request_id", request.request_id}, {"route", request.route}, {"error", what}});
  return Response::error(Error(ErrorCode::kInternal, "internal server error", std::string(what),
                               "retry; if it persists, report it with the request id " +
                                   request.request_id));
}

/// Where this request's handler runs: the route's dispatch, unless the
/// route runs this request inline (RouteOptions::inline_when).
Dispatch dispatchFor(const RouteOptions& options, const Request& request) {
  if (options.dispatch == Dispatch::kBlocking && options.inline_when) {
    try {
      if (options.inline_when(request)) return Dispatch::kInline;
    } catch (...) {
      // A predicate must not throw; if one does, take the safe way.
    }
  }
  return options.dispatch;
}

/// Runs a handler; never throws: errors become JSON error responses.
Response invoke(const Handler& handler, Request& request) {
  try {
    return handler(request);
  } catch (const Error& error) {
    if (statusFor(error.code()) >= 500) {
      log::error("request failed", {{"request_id", request.request_id},
                                    {"code", toString(error.code())},
                                    {"error", error.message()},
                                    {"cause", error.cause()}});
    }
    return Response::error(error);
  } catch (const std::exception& exception) {
    return internalError(request, exception.what());
  } catch (...) {
    return internalError(request, "unknown exception");
  }
}

class Connection {
 public:
  Connection(Server::Impl& server, tcp::socket socket)
      : server_(server), stream_(std::move(socket)) {}

  awaitable<void> run();

 private:
  static constexpr std::size_t kMaxLingerBytes = 64 * 1024 * 1024;
  awaitable<void> lingeringClose();
  awaitable<bool> waitForRequest();
  awaitable<bool> serveOne();
  awaitable<void> writeSimple(Response response, bool keep_alive, const Request* request);
  void finish(const Request& request, int status);

  Server::Impl& server_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::uint64_t id_ = 0;
  /// Read by the drain through the session registry (SessionState::idle).
  std::atomic<bool> idle_{true};
  std::string remote_address_;
  bool remote_known_ = false;
  std::chrono::steady_clock::time_point started_{};
};

awaitable<void> Connection::run() {
  id_ = server_.registerSession({stream_.get_executor(), &stream_.socket(), &idle_});
  try {
    while (co_await waitForRequest()) {
      if (!co_await serveOne()) break;
    }
  } catch (const std::exception& exception) {
    log::debug("connection closed", {{"reason", exception.what()}});
  }
  co_await lingeringClose();
  server_.unregisterSession(id_);
}

awaitable<void> Connection::lingeringClose() {
  // Closing with unread request bytes makes the kernel send a reset, which
  // can destroy the response (e.g. a 413) before the client reads it. So:
  // shut down our side, then discard what still arrives for a short while.
  boost::system::error_code ignored;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  stream_.expires_after(std::chrono::seconds(2));
  std::array<char, 16384> discard{};
  for (std::size_t total = 0; total < kMaxLingerBytes;) {
    auto [ec, n] = co_await stream_.async_read_some(asio::buffer(discard), asio::as_tuple(use_awaitable));
    if (ec) break;
    total += n;
  }
  stream_.socket().close(ignored);
}

awaitable<bool> Connection::waitForRequest() {
  idle_ = true;
  if (server_.draining) co_return false;
  if (buffer_.size() == 0) {
    stream_.expires_after(server_.options.idle_timeout);
    auto [ec, n] = co_await stream_.async_read_some(buffer_.prepare(8192),
                                                    asio::as_tuple(use_awaitable));
    if (ec) co_return false;
    buffer_.commit(n);
  }
  idle_ = false;
  started_ = std::chrono::steady_clock::now();
  co_return true;
}

awaitable<bool> Connection::serveOne() {
  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(server_.options.max_header_bytes));
  parser.body_limit(boost::none);
  stream_.expires_after(server_.options.header_timeout);
  auto [head_ec, head_n] = co_await bhttp::async_read_header(stream_, buffer_, parser,
                                                             asio::as_tuple(use_awaitable));
  if (head_ec) {
    if (head_ec == beast::error::timeout || head_ec == bhttp::error::end_of_stream) co_return false;
    Error error(head_ec == bhttp::error::header_limit ? ErrorCode::kPayloadTooLarge
                                                      : ErrorCode::kMalformedInput,
                "malformed HTTP request", head_ec.message(), "send a valid HTTP/1.1 request");
    co_await writeSimple(Response::error(error), false, nullptr);
    co_return false;
  }

  // The peer does not change: ask the kernel once per connection.
  if (!remote_known_) {
    remote_address_ = remoteAddressOf(stream_.socket());
    remote_known_ = true;
  }
  Request request = toRequest(parser.get(), remote_address_);
  request.request_id = requestIdFrom(request.headers);
  Router::Match match = server_.router.match(request.method, request.path);
  std::size_t limit = server_.options.max_body_bytes;
  if (match.route != nullptr && match.route->options.max_body_bytes != 0) {
    limit = std::min(limit, match.route->options.max_body_bytes);
  }
  auto length = parser.content_length();
  if (length && *length > limit) {
    co_await writeSimple(Response::error(Error(
                             ErrorCode::kPayloadTooLarge, "the request body is too large",
                             "the body has " + std::to_string(*length) + " bytes; the limit is " +
                                 std::to_string(limit),
                             "send a smaller body, or raise --max-body-bytes on the server")),
                         false, &request);
    co_return false;
  }
  parser.body_limit(limit);
  if (!parser.is_done()) {
    if (auto expect = request.headers.get("Expect"); expect && equalsIgnoreCase(*expect, "100-continue")) {
      // curl and others wait for this before sending a large body.
      static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
      stream_.expires_after(server_.options.header_timeout);
      auto [continue_ec, continue_n] = co_await asio::async_write(
          stream_, asio::buffer(kContinue.data(), kContinue.size()), asio::as_tuple(use_awaitable));
      if (continue_ec) co_return false;
    }
    stream_.expires_after(server_.options.body_timeout);
    auto [body_ec, body_n] =
        co_await bhttp::async_read(stream_, buffer_, parser, asio::as_tuple(use_awaitable));
    if (body_ec) {
      bool too_large = body_ec == bhttp::error::body_limit;
      if (!too_large && (body_ec == beast::error::timeout || body_ec == asio::error::eof ||
                         body_ec == bhttp::error::partial_message)) {
        co_return false;
      }
      Error error(too_large ? ErrorCode::kPayloadTooLarge : ErrorCode::kMalformedInput,
                  too_large ? "the request body is too large" : "malformed HTTP request body",
                  too_large ? "the body exceeds the limit of " + std::to_string(limit) + " bytes"
                            : body_ec.message(),
                  too_large ? "send a smaller body, or raise --max-body-bytes on the server"
                            : "send a valid HTTP/1.1 request");
      co_await writeSimple(Response::error(error), false, &request);
      co_return false;
    }
  }
  request.body = std::move(parser.get().body());
  bool keep_alive = parser.get().keep_alive();
  stream_.expires_never();

  const Handler* handler = nullptr;
  Dispatch dispatch = Dispatch::kBlocking;
  Response response;
  if (match.route != nullptr) {
    request.route = match.route->pattern;
    for (auto& [key, value] : match.params) request.path_params.emplace(key, std::move(value));
    handler = &server_.chains[static_cast<std::size_t>(match.route - server_.router.routes().data())];
    dispatch = dispatchFor(match.route->options, request);
  } else if (!match.allowed.empty()) {
    std::string allowed;
    for (Method m : match.allowed) allowed += (allowed.empty() ? "" : ", ") + std::string(toString(m));
    response = Response::error(Error(ErrorCode::kMethodNotAllowed,
                                     std::string(toString(request.method)) + " is not allowed on " +
                                         request.path,
                                     "this route accepts: " + allowed,
                                     "use one of the allowed methods"));
    response.headers.set("Allow", allowed);
  } else if (const Route* fallback = server_.router.fallback()) {
    handler = &server_.fallback_chain;
    dispatch = dispatchFor(fallback->options, request);
  } else {
    response = Response::error(Error(ErrorCode::kNotFound, "no route for " + request.path,
                                     "the path is not part of the API",
                                     "see /api/openapi.json for the routes this server offers"));
  }
  if (handler != nullptr) {
    if (dispatch == Dispatch::kInline) {
      response = invoke(*handler, request);
    } else {
      auto work = [&response, handler, &request] { response = invoke(*handler, request); };
      co_await runBlocking(*server_.blocking, work);
    }
  }
  if (response.event_stream) {
    co_await serveEventStream(server_, stream_, std::move(response), request);
    finish(request, 200);
    co_return false;
  }
  keep_alive = keep_alive && !server_.draining;
  co_await writeSimple(std::move(response), keep_alive, &request);
  co_return keep_alive;
}

awaitable<void> Connection::writeSimple(Response response, bool keep_alive, const Request* request) {
  int status = response.status;
  bool head = request != nullptr && request->method == Method::kHead;
  auto message = toBeastResponse(std::move(response), keep_alive, head,
                                 request ? request->request_id : std::string());
  stream_.expires_after(server_.options.idle_timeout);
  auto [ec, n] = co_await bhttp::async_write(stream_, message, asio::as_tuple(use_awaitable));
  if (request != nullptr) finish(*request, status);
  if (ec) throw boost::system::system_error(ec);
}

void Connection::finish(const Request& request, int status) {
  auto elapsed = std::chrono::steady_clock::now() - started_;
  if (server_.metrics != nullptr) {
    server_.metrics->observe(toString(request.method), request.route, status, elapsed);
  }
  if (server_.options.access_log && log::enabled(log::Level::kInfo)) {
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
    log::info("request", {{"method", toString(request.method)},
                          {"path", request.path},
                          {"status", std::to_string(status)},
                          {"duration_ms", std::to_string(static_cast<double>(micros) / 1000.0)},
                          {"request_id", request.request_id},
                          {"remote", request.remote_address}});
  }
}

/// A plain coroutine function rather than a capturing lambda: its
/// parameters live in the coroutine frame (GCC 12 mishandles lambda captures).
awaitable<void> serveConnection(Server::Impl& server, tcp::socket socket) {
  Connection connection(server, std::move(socket));
  co_await connection.run();
}

}  // namespace

void startSession(Server::Impl& server, tcp::socket socket) {
  auto executor = socket.get_executor();
  asio::co_spawn(executor, serveConnection(server, std::move(socket)), asio::detached);
}

}  // namespace meshery::http
