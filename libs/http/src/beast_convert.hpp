#pragma once

// Conversions between Beast messages and the library's Beast-free types.

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "meshery/http/message.hpp"
#include "response_body.hpp"

namespace meshery::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
/// What the server writes: a string body and/or segments (see ResponseBody).
using BeastResponse = boost::beast::http::response<ResponseBody>;

/// Method, target, path, query and headers (the body is moved separately).
Request toRequest(const BeastRequest& message, std::string remote_address);

/// "address:port" of the peer; "" when the socket has none.
std::string remoteAddressOf(const boost::asio::ip::tcp::socket& socket);

/// A whole response with Content-Length, Server, X-Request-Id and keep-alive set.
/// For HEAD the body (and its segments) is dropped but Content-Length kept.
BeastResponse toBeastResponse(Response response, bool keep_alive, bool head,
                              const std::string& request_id);

}  // namespace meshery::http
