#pragma once

// Server-Sent Events: the response head, then events written as the
// producer (on the blocking pool) sends them, until it returns.

#include <boost/asio/awaitable.hpp>
#include <boost/beast/core/tcp_stream.hpp>

#include "server_impl.hpp"

namespace meshery::http {

/// Writes the event-stream head and runs `response.event_stream` on the
/// blocking pool; returns when the producer returns. The connection is not
/// reused afterwards.
boost::asio::awaitable<void> serveEventStream(Server::Impl& server,
                                              boost::beast::tcp_stream& stream,
                                              Response response, const Request& request);

/// Formats one event per the SSE wire format (multi-line data split into
/// several data: lines).
std::string formatEvent(std::string_view event, std::string_view data, std::string_view id);

}  // namespace meshery::http
