#pragma once

#include <string>
#include <string_view>

namespace meshery::http {

/// An absolute http(s) URL split for fetching.
struct FetchTarget {
  std::string scheme;  ///< "http" or "https"
  std::string host;    ///< lower case; IPv6 without brackets
  std::string port;    ///< always set, "80"/"443" by default
  std::string target;  ///< path and query, at least "/"; no fragment

  [[nodiscard]] bool secure() const { return scheme == "https"; }
  [[nodiscard]] bool defaultPort() const { return port == (secure() ? "443" : "80"); }
  /// The Host header: host, bracketed when IPv6, with the port unless default.
  [[nodiscard]] std::string authority() const;
  /// The URL as text, e.g. "https://example.com/charts/index.yaml".
  [[nodiscard]] std::string text() const;
};

/// Parses an absolute http:// or https:// URL. Throws Error(kInvalidArgument)
/// for another scheme, user info, a bad port, spaces or control characters.
FetchTarget parseFetchUrl(std::string_view url);

/// Resolves a Location header against `base` (RFC 3986 section 5.2: absolute,
/// scheme-relative, absolute-path and relative references, dot segments).
FetchTarget resolveLocation(const FetchTarget& base, std::string_view location);

}  // namespace meshery::http
