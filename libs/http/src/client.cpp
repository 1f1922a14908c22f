#include "meshery/http/client.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <mutex>
#include <thread>
#include <vector>

#include "client_url.hpp"
#include "sse_parser.hpp"

namespace meshery::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using asio::awaitable;
using asio::use_awaitable;

namespace {

Error unreachable(const std::string& url, const boost::system::error_code& ec) {
  return Error(ErrorCode::kUnavailable, "cannot reach the Meshery server at " + url, ec.message(),
               "start it with 'mesheryctl system start', or check the endpoint of the current "
               "context ('mesheryctl system context view')");
}

Error timedOut(const std::string& url, std::chrono::milliseconds timeout) {
  return Error(ErrorCode::kTimeout, "no answer from " + url + " within " +
                                        std::to_string(timeout.count()) + " ms",
               "the server is overloaded, stopped responding, or the operation is slow",
               "retry, or check the server with 'mesheryctl system status'");
}

bhttp::request<bhttp::string_body> makeRequest(Method method, const std::string& target,
                                               std::string body, const Headers& headers,
                                               const BaseUrl& url, const ClientOptions& options) {
  bhttp::request<bhttp::string_body> message{bhttp::string_to_verb(toString(method)), target, 11};
  message.set(bhttp::field::host, url.host + ":" + url.port);
  message.set(bhttp::field::user_agent, options.user_agent);
  for (const auto& [name, value] : headers.fields()) message.set(name, value);
  if (!body.empty() || method == Method::kPost || method == Method::kPut || method == Method::kPatch) {
    message.body() = std::move(body);
    message.prepare_payload();
  }
  message.keep_alive(true);
  return message;
}

}  // namespace

struct Client::Impl {
  BaseUrl url;
  ClientOptions options;
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  std::thread thread;
  std::mutex idle_mutex;
  std::vector<std::unique_ptr<beast::tcp_stream>> idle;

  std::unique_ptr<beast::tcp_stream> takeIdle() {
    std::lock_guard lock(idle_mutex);
    if (idle.empty()) return nullptr;
    auto stream = std::move(idle.back());
    idle.pop_back();
    return stream;
  }

  awaitable<std::unique_ptr<beast::tcp_stream>> connect(std::chrono::steady_clock::time_point deadline) {
    tcp::resolver resolver(io);
    auto [resolve_ec, endpoints] =
        co_await resolver.async_resolve(url.host, url.port, asio::as_tuple(use_awaitable));
    if (resolve_ec) throw unreachable(url.text, resolve_ec);
    auto stream = std::make_unique<beast::tcp_stream>(io);
    stream->expires_at(deadline);
    auto [ec, endpoint] = co_await stream->async_connect(endpoints, asio::as_tuple(use_awaitable));
    if (ec == beast::error::timeout) throw timedOut(url.text, options.timeout);
    if (ec) throw unreachable(url.text, ec);
    co_return stream;
  }

  /// One attempt on `stream`; returns nullopt when a reused connection turned
  /// out to be closed by the server before anything was read (retry it).
  awaitable<std::optional<ClientResponse>> attempt(beast::tcp_stream& stream, bool reused,
                                                   bhttp::request<bhttp::string_body>& message,
                                                   std::chrono::steady_clock::time_point deadline) {
    stream.expires_at(deadline);
    auto [write_ec, written] = co_await bhttp::async_write(stream, message, asio::as_tuple(use_awaitable));
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(boost::none);
    parser.skip(message.method() == bhttp::verb::head);  // a HEAD answer has no body
    // Read even when the write failed: a server may refuse a body early
    // (413) and close, and its answer is what the caller needs to see.
    auto [read_ec, read_n] = co_await bhttp::async_read(stream, buffer, parser, asio::as_tuple(use_awaitable));
    if (read_ec && write_ec && !parser.got_some()) read_ec = write_ec;
    if (read_ec) {
      if (reused && read_ec != beast::error::timeout && !parser.got_some()) co_return std::nullopt;
      if (read_ec == beast::error::timeout) throw timedOut(url.text, options.timeout);
      throw unreachable(url.text, read_ec);
    }
    auto& response = parser.get();
    ClientResponse result;
    result.status = static_cast<int>(response.result_int());
    for (const auto& field : response) {
      result.headers.add(std::string(field.name_string()), std::string(field.value()));
    }
    result.body = std::move(response.body());
    if (response.keep_alive()) {
      stream.expires_never();
      co_return result;
    }
    boost::system::error_code ignored;
    stream.socket().close(ignored);
    co_return result;
  }

  awaitable<ClientResponse> perform(bhttp::request<bhttp::string_body> message) {
    // One deadline for the whole request, connection and retries included.
    auto deadline = std::chrono::steady_clock::now() + options.timeout;
    for (int round = 0; round < 3; ++round) {
      auto stream = takeIdle();
      bool reused = stream != nullptr;
      if (!stream) stream = co_await connect(deadline);
      auto result = co_await attempt(*stream, reused, message, deadline);
      if (!result) continue;
      if (stream->socket().is_open()) {
        std::lock_guard lock(idle_mutex);
        idle.push_back(std::move(stream));
      }
      co_return std::move(*result);
    }
    throw unreachable(url.text, asio::error::connection_reset);
  }
};

Client::Client(std::string base_url, ClientOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->url = parseBaseUrl(base_url);
  impl_->options = std::move(options);
  impl_->thread = std::thread([impl = impl_.get()] { impl->io.run(); });
}

Client::~Client() {
  impl_->work.reset();
  asio::post(impl_->io, [impl = impl_.get()] {
    std::lock_guard lock(impl->idle_mutex);
    impl->idle.clear();
  });
  impl_->thread.join();
}

const std::string& Client::baseUrl() const { return impl_->url.text; }

std::future<ClientResponse> Client::requestAsync(Method method, std::string target,
                                                 std::string body, Headers headers) {
  auto promise = std::make_shared<std::promise<ClientResponse>>();
  auto future = promise->get_future();
  auto message = makeRequest(method, target, std::move(body), headers, impl_->url, impl_->options);
  asio::co_spawn(impl_->io, impl_->perform(std::move(message)),
                 [promise](std::exception_ptr error, ClientResponse response) {
                   if (error) {
                     promise->set_exception(error);
                   } else {
                     promise->set_value(std::move(response));
                   }
                 });
  return future;
}

ClientResponse Client::request(Method method, std::string target, std::string body,
                               Headers headers) {
  return requestAsync(method, std::move(target), std::move(body), std::move(headers)).get();
}

ClientResponse Client::send(Method method, std::string target, const nlohmann::json& value) {
  Headers headers;
  headers.set("Content-Type", "application/json");
  return request(method, std::move(target), value.dump(), std::move(headers));
}

void Client::stream(std::string target, const std::function<bool(const SseEvent&)>& on_event) {
  asio::io_context io;
  const BaseUrl& url = impl_->url;
  std::exception_ptr failure;
  asio::co_spawn(
      io,
      [&]() -> awaitable<void> {
        tcp::resolver resolver(io);
        auto [resolve_ec, endpoints] =
            co_await resolver.async_resolve(url.host, url.port, asio::as_tuple(use_awaitable));
        if (resolve_ec) throw unreachable(url.text, resolve_ec);
        beast::tcp_stream stream(io);
        stream.expires_after(impl_->options.timeout);
        auto [connect_ec, endpoint] = co_await stream.async_connect(endpoints, asio::as_tuple(use_awaitable));
        if (connect_ec) throw unreachable(url.text, connect_ec);
        Headers headers;
        headers.set("Accept", "text/event-stream");
        auto message = makeRequest(Method::kGet, target, {}, headers, url, impl_->options);
        co_await bhttp::async_write(stream, message, use_awaitable);
        beast::flat_buffer buffer;
        bhttp::response_parser<bhttp::empty_body> head;
        head.skip(true);
        auto [head_ec, head_n] = co_await bhttp::async_read_header(stream, buffer, head, asio::as_tuple(use_awaitable));
        if (head_ec == beast::error::timeout) throw timedOut(url.text, impl_->options.timeout);
        if (head_ec) throw unreachable(url.text, head_ec);
        if (head.get().result_int() >= 400) {
          ClientResponse response;
          response.status = static_cast<int>(head.get().result_int());
          throw response.toError();
        }
        stream.expires_never();
        SseParser parser;
        std::string chunk = beast::buffers_to_string(buffer.data());
        for (;;) {
          bool keep_going = true;
          parser.feed(chunk, [&](const SseEvent& event) {
            if (keep_going) keep_going = on_event(event);
          });
          if (!keep_going) co_return;
          std::array<char, 8192> data{};
          auto [ec, n] = co_await stream.async_read_some(asio::buffer(data), asio::as_tuple(use_awaitable));
          if (ec) co_return;
          chunk.assign(data.data(), n);
        }
      },
      [&failure](std::exception_ptr error) { failure = error; });
  io.run();
  if (failure) std::rethrow_exception(failure);
}

nlohmann::json ClientResponse::json() const {
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    throw Error(ErrorCode::kMalformedInput, "the server's answer is not valid JSON", error.what(),
                "check that the endpoint points at a Meshery server");
  }
}

Error ClientResponse::toError() const {
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_object() && parsed.contains("error") && parsed["error"].is_string()) {
    ErrorCode code = ErrorCode::kInternal;
    std::string code_name = parsed.value("code", "");
    for (int i = 0; i <= static_cast<int>(ErrorCode::kStoreFailure); ++i) {
      if (toString(static_cast<ErrorCode>(i)) == code_name) code = static_cast<ErrorCode>(i);
    }
    return Error(code, parsed.value("error", ""), parsed.value("cause", ""), parsed.value("remedy", ""));
  }
  return Error(ErrorCode::kInternal, "the server answered with HTTP status " + std::to_string(status),
               body.empty() ? "no details were given" : body.substr(0, 200),
               "check the server log with 'mesheryctl system logs'");
}

}  // namespace meshery::http
