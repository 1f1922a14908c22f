#include "sse_stream.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/http.hpp>

#include <future>

#include "beast_convert.hpp"
#include "blocking_work.hpp"
#include "meshery/core/log.hpp"

namespace meshery::http {
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

/// Writes go through the connection's executor; the producer's thread
/// waits for each write, which gives natural back-pressure.
class BeastSseStream final : public SseStream {
 public:
  BeastSseStream(Server::Impl& server, beast::tcp_stream& stream)
      : server_(server), stream_(stream) {}

  bool send(std::string_view event, std::string_view data, std::string_view id) override {
    return enqueue(formatEvent(event, data, id));
  }

  bool comment(std::string_view text) override {
    return enqueue(": " + std::string(text) + "\n\n");
  }

  bool write(std::string_view bytes) override { return enqueue(std::string(bytes)); }

  [[nodiscard]] bool open() const override { return !*closed_ && !server_.draining; }

  std::shared_ptr<std::atomic<bool>> closedFlag() const { return closed_; }

 private:
  bool enqueue(std::string text) {
    if (!open()) return false;
    auto payload = std::make_shared<std::string>(std::move(text));
    auto done = std::make_shared<std::promise<boost::system::error_code>>();
    auto result = done->get_future();
    asio::post(stream_.get_executor(), [this, payload, done] {
      stream_.expires_after(server_.options.idle_timeout);
      asio::async_write(stream_, asio::buffer(*payload),
                        [payload, done](boost::system::error_code ec, std::size_t) {
                          done->set_value(ec);
                        });
    });
    while (result.wait_for(std::chrono::milliseconds(100)) != std::future_status::ready) {
      if (server_.io.stopped()) {
        *closed_ = true;
        return false;
      }
    }
    if (result.get()) *closed_ = true;
    return !*closed_;
  }

  Server::Impl& server_;
  beast::tcp_stream& stream_;
  std::shared_ptr<std::atomic<bool>> closed_ = std::make_shared<std::atomic<bool>>(false);
};

}  // namespace

std::string formatEvent(std::string_view event, std::string_view data, std::string_view id) {
  std::string out;
  if (!id.empty()) out.append("id: ").append(id).push_back('\n');
  if (!event.empty()) out.append("event: ").append(event).push_back('\n');
  std::size_t start = 0;
  do {
    auto newline = data.find('\n', start);
    std::string_view line = data.substr(start, newline == std::string_view::npos ? newline : newline - start);
    out.append("data: ").append(line).push_back('\n');
    start = newline == std::string_view::npos ? data.size() + 1 : newline + 1;
  } while (start <= data.size());
  out.push_back('\n');
  return out;
}

namespace {
/// Writes the head and runs the producer until it returns (no exceptions escape).
boost::asio::awaitable<void> streamEvents(Server::Impl& server, beast::tcp_stream& stream,
                                          Response response, const Request& request);
}  // namespace

boost::asio::awaitable<void> serveEventStream(Server::Impl& server, beast::tcp_stream& stream,
                                              Response response, const Request& request) {
  if (server.active_streams.fetch_add(1) >= server.options.max_event_streams) {
    --server.active_streams;
    auto refusal = toBeastResponse(
        Response::error(Error(ErrorCode::kUnavailable, "too many open event streams",
                              "the server serves at most " +
                                  std::to_string(server.options.max_event_streams) +
                                  " event streams at once",
                              "retry later, or close streams that are no longer watched")),
        false, false, request.request_id);
    stream.expires_after(server.options.idle_timeout);
    co_await bhttp::async_write(stream, refusal, asio::as_tuple(asio::use_awaitable));
    co_return;
  }
  co_await streamEvents(server, stream, std::move(response), request);
  --server.active_streams;
}

namespace {

boost::asio::awaitable<void> streamEvents(Server::Impl& server, beast::tcp_stream& stream,
                                          Response response, const Request& request) {
  bhttp::response<bhttp::empty_body> head{static_cast<bhttp::status>(response.status), 11};
  for (auto& [name, value] : response.headers.fields()) head.set(name, value);
  head.set("X-Request-Id", request.request_id);
  head.set(bhttp::field::connection, "close");
  head.set("X-Accel-Buffering", "no");
  bhttp::response_serializer<bhttp::empty_body> serializer{head};
  stream.expires_after(server.options.idle_timeout);
  auto [ec, n] = co_await bhttp::async_write_header(stream, serializer,
                                                    asio::as_tuple(asio::use_awaitable));
  if (ec) co_return;
  stream.expires_never();

  auto sse = std::make_shared<BeastSseStream>(server, stream);
  // A read that completes only when the client goes away (or sends junk):
  // it lets an idle producer notice a closed stream through open().
  auto probe = std::make_shared<std::array<char, 256>>();
  stream.socket().async_read_some(
      asio::buffer(*probe), [probe, closed = sse->closedFlag()](boost::system::error_code, std::size_t) {
        *closed = true;
      });
  auto produce = [&sse, &response] {
    try {
      response.event_stream(*sse);
    } catch (const std::exception& exception) {
      log::warn("event stream producer failed", {{"error", exception.what()}});
    } catch (...) {
      log::warn("event stream producer failed", {{"error", "unknown exception"}});
    }
  };
  co_await runBlocking(*server.streams, produce);
  boost::system::error_code ignored;
  stream.socket().cancel(ignored);
}

}  // namespace

}  // namespace meshery::http
