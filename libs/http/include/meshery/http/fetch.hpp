#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace meshery::http {

struct FetchOptions {
  std::uint64_t max_bytes = 64ULL << 20;  ///< body limit, checked before and while reading
  std::chrono::milliseconds timeout{
      30'000};  ///< the whole fetch: DNS, connect, TLS, redirects, body
  int max_redirects = 5;
  std::string ca_file;                ///< PEM CAs trusted besides the system's
  bool insecure_skip_verify = false;  ///< https without certificate checks (tests only)
  std::string user_agent = "meshery";
};

struct FetchResult {
  int status = 0;            ///< a 2xx status
  std::string content_type;  ///< the Content-Type header as sent, or empty
  std::string body;
  std::string final_url;  ///< after redirects
};

/// Fetches `url` (http:// or https://) with GET, blocking the calling thread.
/// Follows 301/302/303/307/308 redirects (relative Locations resolved) up to
/// `max_redirects`, never from https to http. https verifies the server's
/// certificate against the system CAs plus `ca_file`, with SNI and host name
/// (or IP address) checks. Addresses in 169.254.0.0/16 and fe80::/10 (cloud
/// metadata endpoints) are refused after resolution; loopback and private
/// ranges are allowed. Thread-safe: every call has its own connection.
///
/// Throws meshery::Error: kInvalidArgument (bad URL or scheme), kPermissionDenied
/// (link-local address, https→http redirect), kTimeout, kPayloadTooLarge,
/// kNotFound (final status 404), kUnavailable (other non-2xx status, too many
/// redirects, DNS, connection or TLS failures), kInvalidConfiguration
/// (unreadable ca_file).
FetchResult fetchUrl(std::string_view url, const FetchOptions& options = {});

}  // namespace meshery::http
