#pragma once

// A TLS front for plain test servers: accepts TLS on 127.0.0.1 (a free
// port) and forwards each connection's bytes to a plain backend port — to a
// second, "trusted" backend when the client presented a certificate the
// client CA signed. The fake Kubernetes API server uses it for HTTPS and
// client-certificate authentication.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

#include "meshery_test/test_certificate.hpp"

namespace meshery::test {

class TlsFront {
 public:
  /// `client_ca` empty: no client certificates asked for. Throws
  /// std::runtime_error when it cannot listen or load the certificates.
  TlsFront(const CertificateFiles& server, std::uint16_t backend, std::uint16_t trusted_backend,
           const std::filesystem::path& client_ca = {});
  ~TlsFront();
  TlsFront(const TlsFront&) = delete;
  TlsFront& operator=(const TlsFront&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }

 private:
  struct Tls;
  void accept();
  void relay(int client);

  std::unique_ptr<Tls> tls_;
  std::uint16_t backend_;
  std::uint16_t trusted_backend_;
  int listener_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mutex_;
  std::vector<std::thread> relays_;
  std::thread acceptor_;
};

}  // namespace meshery::test
