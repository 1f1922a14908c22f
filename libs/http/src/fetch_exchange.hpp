#pragma once
// One request/response exchange of fetchUrl() over a plain or TLS stream.
// Private to libs/http (Beast stays here, see docs/adr/0001).

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "fetch_url.hpp"
#include "meshery/core/error.hpp"
#include "meshery/http/fetch.hpp"

namespace meshery::http::fetch_detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

/// What one hop of a fetch works with. The deadline is the whole fetch's.
struct Hop {
  const FetchTarget& target;
  const FetchOptions& options;
  std::chrono::steady_clock::time_point deadline;
  std::vector<tcp::endpoint> endpoints;  ///< resolved and vetted
  asio::io_context& io;
};

struct HopResponse {
  int status = 0;
  std::string content_type;
  std::string location;
  std::string body;  ///< empty for redirects (never read)
};

Error timedOut(const Hop& hop);
/// An I/O failure: kTimeout for Beast's timeout, kUnavailable otherwise.
Error ioFailure(const Hop& hop, std::string_view stage, const boost::system::error_code& ec);
Error tooLarge(const Hop& hop, std::string cause);

/// Starts one asynchronous operation with `start(handler)` and runs the
/// context until that handler has run (pending timers do not hold it up).
template <class Start>
boost::system::error_code runToCompletion(asio::io_context& io, Start&& start) {
  bool finished = false;
  boost::system::error_code result;
  start([&finished, &result](boost::system::error_code ec, auto&&...) {
    finished = true;
    result = ec;
  });
  io.restart();
  while (!finished && io.run_one() > 0) {
  }
  return finished ? result : asio::error::operation_aborted;
}

/// runToCompletion(), asking `keep_going` every 250 ms while it waits; when
/// that answers false (having cancelled the operation), waits for the
/// handler and answers operation_aborted.
template <class Start, class KeepGoing>
boost::system::error_code runWhile(asio::io_context& io, Start&& start, KeepGoing&& keep_going) {
  bool finished = false;
  boost::system::error_code result;
  start([&finished, &result](boost::system::error_code ec, auto&&...) {
    finished = true;
    result = ec;
  });
  io.restart();
  bool cancelled = false;
  while (!finished) {
    if (io.run_one_for(std::chrono::milliseconds(250)) == 0) {
      if (io.stopped()) break;
      if (!cancelled && !keep_going()) cancelled = true;
    }
  }
  return finished && !cancelled ? result : asio::error::operation_aborted;
}

/// Connects to the first reachable endpoint of the hop before its deadline.
void connectTcp(beast::tcp_stream& stream, const Hop& hop);

constexpr bool isRedirect(int status) {
  return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

/// Sends GET and reads the answer: the head always, the body unless the
/// answer is a redirect. The body limit is checked on Content-Length before
/// reading and on the bytes while reading (chunked or close-delimited).
template <class Stream>
HopResponse exchange(Stream& stream, beast::tcp_stream& tcp, const Hop& hop) {
  bhttp::request<bhttp::empty_body> request{bhttp::verb::get, hop.target.target, 11};
  request.set(bhttp::field::host, hop.target.authority());
  request.set(bhttp::field::user_agent, hop.options.user_agent);
  request.set(bhttp::field::accept, "*/*");
  request.set(bhttp::field::connection, "close");
  tcp.expires_at(hop.deadline);
  auto ec = runToCompletion(
      hop.io, [&](auto handler) { bhttp::async_write(stream, request, std::move(handler)); });
  if (ec) throw ioFailure(hop, "sending the request", ec);

  beast::flat_buffer buffer;
  bhttp::response_parser<bhttp::string_body> parser;
  parser.header_limit(64 * 1024);
  parser.body_limit(boost::none);  // checked below, with a message naming Content-Length
  tcp.expires_at(hop.deadline);
  ec = runToCompletion(hop.io, [&](auto handler) {
    bhttp::async_read_header(stream, buffer, parser, std::move(handler));
  });
  if (ec) throw ioFailure(hop, "reading the response head", ec);

  HopResponse response;
  response.status = static_cast<int>(parser.get().result_int());
  response.content_type = std::string(parser.get()[bhttp::field::content_type]);
  response.location = std::string(parser.get()[bhttp::field::location]);
  if (isRedirect(response.status)) return response;
  if (auto length = parser.content_length(); length && *length > hop.options.max_bytes) {
    throw tooLarge(hop, "its Content-Length is " + std::to_string(*length) + " bytes");
  }
  parser.body_limit(hop.options.max_bytes);
  tcp.expires_at(hop.deadline);
  ec = runToCompletion(
      hop.io, [&](auto handler) { bhttp::async_read(stream, buffer, parser, std::move(handler)); });
  if (ec == bhttp::error::body_limit)
    throw tooLarge(hop, "its body went past the limit while being read");
  if (ec) throw ioFailure(hop, "reading the response body", ec);
  response.body = std::move(parser.get().body());
  return response;
}

/// One hop over TLS (fetch_tls.cpp).
HopResponse exchangeTls(const Hop& hop);

}  // namespace meshery::http::fetch_detail
