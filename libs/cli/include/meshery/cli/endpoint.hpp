#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace meshery::cli {

/// The parts of a context's `endpoint` URL that mesheryctl uses.
struct Endpoint {
  std::string scheme;  ///< "http" or "https"
  std::string host;    ///< without brackets for IPv6 literals
  std::uint16_t port = 0;

  /// "scheme://host:port" (IPv6 hosts bracketed), the base URL of the API.
  [[nodiscard]] std::string baseUrl() const;
  /// True for localhost, 127.0.0.0/8 and ::1.
  [[nodiscard]] bool isLoopback() const;
};

/// Parses "http://host[:port][/]". The port defaults to 80 (http) or 443
/// (https). Throws Error(kInvalidConfiguration) naming the problem for any
/// other shape (missing scheme, path, bad port, user info, empty host).
Endpoint parseEndpoint(std::string_view url);

}  // namespace meshery::cli
