#pragma once

// Requests to one origin (http:// or https://host:port) over kept-alive
// connections, with TLS material given in memory: the transport of the
// Kubernetes API client (libs/kube), which gets its CA, client certificate
// and key from kubeconfig data rather than files.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "meshery/http/client.hpp"
#include "meshery/http/message.hpp"

namespace meshery::http {

struct TlsSettings {
  std::string ca_pem;                  ///< trusted CAs (PEM, one or more); empty: the system's
  std::string client_certificate_pem;  ///< presented when the server asks (with its key)
  std::string client_key_pem;
  std::string server_name;  ///< SNI and the name verified; empty: the URL's host
  bool insecure_skip_verify = false;
};

struct OriginOptions {
  std::chrono::milliseconds timeout{30'000};  ///< one request, connect included
  std::string user_agent = "meshery";
  std::uint64_t max_body = 256ULL << 20;
  TlsSettings tls;
};

/// A blocking HTTP/1.1 client of one origin. Thread-safe: each call takes a
/// connection of its own from a pool of idle ones (or opens one) and gives
/// it back when the exchange leaves it reusable.
class OriginClient {
 public:
  /// Throws Error(kInvalidArgument) for a URL that is not http(s)://host[:port]
  /// (a path is ignored), Error(kInvalidConfiguration) for TLS material
  /// OpenSSL cannot read.
  OriginClient(std::string_view origin, OriginOptions options);
  ~OriginClient();
  OriginClient(const OriginClient&) = delete;
  OriginClient& operator=(const OriginClient&) = delete;

  /// One exchange. Error(kUnavailable) when the origin cannot be reached
  /// (with the cause: refused, reset, handshake), Error(kInvalidConfiguration)
  /// when its certificate fails verification, Error(kTimeout) past the
  /// timeout, Error(kPayloadTooLarge) past max_body.
  ClientResponse request(Method method, std::string_view target, std::string body = {},
                         const Headers& headers = {});

  /// Sends a request and hands the body to `on_data` as it arrives, until
  /// the body ends or `on_data` returns false; a wait of more than
  /// `idle_timeout` for the next bytes ends it with Error(kTimeout). An
  /// answer other than 2xx is read whole into the returned body instead.
  /// The connection is not reused. `keep_going`, when set, is asked at
  /// least every 250 ms while the body is awaited; false ends the stream
  /// (the socket is closed), as on_data returning false does.
  ClientResponse stream(Method method, std::string_view target, const Headers& headers,
                        const std::function<bool(std::string_view data)>& on_data,
                        std::chrono::milliseconds idle_timeout,
                        const std::function<bool()>& keep_going = {});

  /// "https://host:port" as given (without a path).
  [[nodiscard]] const std::string& origin() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshery::http
