#include "meshery/cli/endpoint.hpp"

#include <charconv>
#include <string>

#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

[[noreturn]] void fail(std::string_view url, const std::string& cause) {
  throw Error(ErrorCode::kInvalidConfiguration, "invalid endpoint '" + std::string(url) + "'", cause,
              "Use a URL of the form http://HOST:PORT, e.g. http://localhost:9081.");
}

std::uint16_t parsePort(std::string_view url, std::string_view text) {
  unsigned value = 0;
  const auto* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value == 0 || value > 65535) {
    fail(url, "the port '" + std::string(text) + "' is not a number between 1 and 65535");
  }
  return static_cast<std::uint16_t>(value);
}

}  // namespace

std::string Endpoint::baseUrl() const {
  const bool ipv6 = host.find(':') != std::string::npos;
  return scheme + "://" + (ipv6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

bool Endpoint::isLoopback() const {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

Endpoint parseEndpoint(std::string_view url) {
  Endpoint endpoint;
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) fail(url, "it has no scheme (http:// or https://)");
  endpoint.scheme = std::string(url.substr(0, scheme_end));
  if (endpoint.scheme != "http" && endpoint.scheme != "https") {
    fail(url, "the scheme '" + endpoint.scheme + "' is not http or https");
  }
  std::string_view rest = url.substr(scheme_end + 3);
  const auto path_start = rest.find_first_of("/?#");
  if (path_start != std::string_view::npos) {
    if (rest.substr(path_start) != "/") fail(url, "it has a path, query or fragment");
    rest = rest.substr(0, path_start);
  }
  if (rest.find('@') != std::string_view::npos) fail(url, "it carries user information");
  std::string_view port_text;
  if (rest.starts_with('[')) {
    const auto close = rest.find(']');
    if (close == std::string_view::npos) fail(url, "the IPv6 address has no closing ']'");
    endpoint.host = std::string(rest.substr(1, close - 1));
    const auto after = rest.substr(close + 1);
    if (!after.empty() && !after.starts_with(':')) fail(url, "unexpected text after the IPv6 address");
    if (!after.empty()) port_text = after.substr(1);
    if (after == ":") fail(url, "the port is empty");
  } else {
    const auto colon = rest.rfind(':');
    endpoint.host = std::string(rest.substr(0, colon));
    if (colon != std::string_view::npos) {
      port_text = rest.substr(colon + 1);
      if (port_text.empty()) fail(url, "the port is empty");
    }
  }
  if (endpoint.host.empty()) fail(url, "the host is empty");
  if (!port_text.empty()) {
    endpoint.port = parsePort(url, port_text);
  } else {
    endpoint.port = endpoint.scheme == "https" ? 443 : 80;
  }
  return endpoint;
}

}  // namespace meshery::cli
