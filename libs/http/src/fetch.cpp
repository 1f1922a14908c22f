#include "meshery/http/fetch.hpp"

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/address.hpp>

#include "fetch_exchange.hpp"
#include "fetch_resolve.hpp"
#include "fetch_url.hpp"

namespace meshery::http {
namespace fetch_detail {

Error timedOut(const Hop& hop) {
  return Error(ErrorCode::kTimeout,
               "fetching " + hop.target.text() + " did not finish within " +
                   std::to_string(hop.options.timeout.count()) + " ms",
               "the server or the network is slow, or the server does not answer",
               "retry, or raise the fetch timeout");
}

Error ioFailure(const Hop& hop, std::string_view stage, const boost::system::error_code& ec) {
  if (ec == beast::error::timeout) return timedOut(hop);
  return Error(ErrorCode::kUnavailable, "cannot fetch " + hop.target.text(),
               std::string(stage) + " failed: " + ec.message(),
               "check that the URL is right and the server is reachable, then retry");
}

Error tooLarge(const Hop& hop, std::string cause) {
  return Error(ErrorCode::kPayloadTooLarge,
               hop.target.text() + " is larger than the limit of " +
                   std::to_string(hop.options.max_bytes) + " bytes",
               std::move(cause),
               "fetch a smaller resource, or raise the size limit if this one is expected");
}

void connectTcp(beast::tcp_stream& stream, const Hop& hop) {
  stream.expires_at(hop.deadline);
  auto ec = runToCompletion(
      hop.io, [&](auto handler) { stream.async_connect(hop.endpoints, std::move(handler)); });
  if (ec) throw ioFailure(hop, "connecting", ec);
}

}  // namespace fetch_detail

namespace {

using namespace fetch_detail;
using Clock = std::chrono::steady_clock;

std::vector<tcp::endpoint> vettedEndpoints(const FetchTarget& target,
                                           const std::vector<std::string>& addresses) {
  std::vector<tcp::endpoint> endpoints;
  const auto port = static_cast<unsigned short>(std::stoi(target.port));
  for (const auto& address : addresses) {
    if (isLinkLocal(address)) {
      throw Error(ErrorCode::kPermissionDenied, "refusing to fetch " + target.text(),
                  "'" + target.host + "' resolves to " + address +
                      ", a link-local address (169.254.0.0/16, fe80::/10) where cloud metadata "
                      "endpoints answer",
                  "use a URL whose host has a routable address");
    }
    boost::system::error_code ec;
    auto ip = asio::ip::make_address(address, ec);
    if (!ec) endpoints.emplace_back(ip, port);
  }
  return endpoints;
}

HopResponse fetchOnce(const FetchTarget& target, const FetchOptions& options,
                      Clock::time_point deadline) {
  asio::io_context io;
  Hop hop{target, options, deadline, {}, io};
  auto addresses = resolveHost(target.host, target.port, deadline);
  if (!addresses) throw timedOut(hop);
  hop.endpoints = vettedEndpoints(target, *addresses);
  if (target.secure()) return exchangeTls(hop);
  beast::tcp_stream stream(io);
  connectTcp(stream, hop);
  return exchange(stream, stream, hop);
}

Error statusError(const FetchTarget& target, int status) {
  std::string text = std::to_string(status);
  auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(status));
  if (!reason.empty()) text += " " + std::string(reason);
  if (status == 404) {
    return Error(ErrorCode::kNotFound, target.text() + " answered " + text,
                 "the server has nothing at this URL", "check the URL");
  }
  return Error(ErrorCode::kUnavailable, target.text() + " answered " + text,
               "the server did not return the resource (HTTP " + std::to_string(status) + ")",
               "check the URL and that the server works, then retry");
}

}  // namespace

FetchResult fetchUrl(std::string_view url, const FetchOptions& options) {
  const auto deadline = Clock::now() + options.timeout;
  FetchTarget current = parseFetchUrl(url);
  for (int redirects = 0;; ++redirects) {
    HopResponse response = fetchOnce(current, options, deadline);
    if (isRedirect(response.status) && !response.location.empty()) {
      FetchTarget next = resolveLocation(current, response.location);
      if (redirects >= options.max_redirects) {
        throw Error(ErrorCode::kUnavailable, "too many redirects fetching " + std::string(url),
                    "more than " + std::to_string(options.max_redirects) +
                        " redirects; the last one from " + current.text() + " to " + next.text(),
                    "check the URL for a redirect loop, or use the final URL directly");
      }
      if (current.secure() && !next.secure()) {
        throw Error(ErrorCode::kPermissionDenied, "refusing a redirect from https to http",
                    current.text() + " redirected to " + next.text(),
                    "use an https URL that does not redirect to plain http");
      }
      current = std::move(next);
      continue;
    }
    if (response.status < 200 || response.status > 299) throw statusError(current, response.status);
    return FetchResult{response.status, std::move(response.content_type), std::move(response.body),
                       current.text()};
  }
}

}  // namespace meshery::http
