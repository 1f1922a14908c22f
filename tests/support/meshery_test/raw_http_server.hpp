#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "meshery_test/test_certificate.hpp"

namespace meshery::test {

/// A minimal server for HTTP client tests, over plain TCP or TLS, on
/// 127.0.0.1 with a free port. For each connection it reads the request head
/// and writes back whatever bytes the responder returns (so tests can send
/// chunked bodies, odd headers or redirects by hand), then closes. One
/// connection at a time, on its own thread. SIGPIPE is ignored in the process
/// from construction on, since a client may hang up mid-answer.
class RawHttpServer {
 public:
  /// Gets the request head (request line and headers) and returns the raw answer.
  using Responder = std::function<std::string(const std::string& request_head)>;

  /// With `tls`, serves TLS with that certificate and key; with
  /// `client_ca` as well, completes only handshakes where the client
  /// presents a certificate that CA (a PEM file) signed. Throws
  /// std::runtime_error when it cannot listen or load the certificates.
  explicit RawHttpServer(Responder responder, std::optional<CertificateFiles> tls = std::nullopt,
                         const std::filesystem::path& client_ca = {});
  ~RawHttpServer();
  RawHttpServer(const RawHttpServer&) = delete;
  RawHttpServer& operator=(const RawHttpServer&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  /// "http://127.0.0.1:PORT" or "https://127.0.0.1:PORT".
  [[nodiscard]] std::string baseUrl() const;
  /// Connections accepted so far (TLS ones whether or not the handshake succeeded).
  [[nodiscard]] int connections() const { return connections_.load(); }

 private:
  struct Tls;
  void serve();
  void answer(int fd);

  Responder responder_;
  std::unique_ptr<Tls> tls_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> connections_{0};
  std::thread thread_;
};

/// A chunked HTTP/1.1 answer carrying `body` in chunks of `chunk_bytes`.
std::string chunkedResponse(const std::string& body, std::size_t chunk_bytes,
                            const std::string& content_type = "text/plain");

}  // namespace meshery::test
