#include "meshery_test/raw_http_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <stdexcept>

namespace meshery::test {

struct RawHttpServer::Tls {
  SSL_CTX* context = nullptr;
  ~Tls() { SSL_CTX_free(context); }
};

namespace {

/// Reads or writes over a socket, through TLS when `session` is set.
class Connection {
 public:
  Connection(int fd, SSL* session) : fd_(fd), session_(session) {}

  long read(char* buffer, std::size_t size) {
    if (session_ != nullptr) return SSL_read(session_, buffer, static_cast<int>(size));
    return ::recv(fd_, buffer, size, 0);
  }

  bool writeAll(const std::string& bytes) {
    std::size_t written = 0;
    while (written < bytes.size()) {
      const std::size_t size = bytes.size() - written;
      long n = session_ != nullptr
                   ? SSL_write(session_, bytes.data() + written, static_cast<int>(size))
                   : ::send(fd_, bytes.data() + written, size, MSG_NOSIGNAL);
      if (n <= 0) return false;
      written += static_cast<std::size_t>(n);
    }
    return true;
  }

 private:
  int fd_;
  SSL* session_;
};

std::string readHead(Connection& connection) {
  std::string head;
  char buffer[4096];
  while (head.find("\r\n\r\n") == std::string::npos && head.size() < 64 * 1024) {
    long n = connection.read(buffer, sizeof buffer);
    if (n <= 0) break;
    head.append(buffer, static_cast<std::size_t>(n));
  }
  return head;
}

}  // namespace

RawHttpServer::RawHttpServer(Responder responder, std::optional<CertificateFiles> tls,
                             const std::filesystem::path& client_ca)
    : responder_(std::move(responder)) {
  std::signal(SIGPIPE, SIG_IGN);
  if (tls) {
    tls_ = std::make_unique<Tls>();
    tls_->context = SSL_CTX_new(TLS_server_method());
    if (tls_->context == nullptr ||
        SSL_CTX_use_certificate_chain_file(tls_->context, tls->certificate.c_str()) != 1 ||
        SSL_CTX_use_PrivateKey_file(tls_->context, tls->private_key.c_str(), SSL_FILETYPE_PEM) !=
            1) {
      throw std::runtime_error("RawHttpServer: cannot load the TLS certificate or key");
    }
    if (!client_ca.empty()) {
      if (SSL_CTX_load_verify_locations(tls_->context, client_ca.c_str(), nullptr) != 1)
        throw std::runtime_error("RawHttpServer: cannot load the client CA");
      SSL_CTX_set_verify(tls_->context, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    }
  }
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (listener_ < 0 ||
      ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(listener_, 16) != 0 ||
      ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (listener_ >= 0) ::close(listener_);
    throw std::runtime_error("RawHttpServer: cannot listen on 127.0.0.1");
  }
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this] { serve(); });
}

RawHttpServer::~RawHttpServer() {
  stopping_ = true;
  thread_.join();
  ::close(listener_);
}

std::string RawHttpServer::baseUrl() const {
  return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(port_);
}

void RawHttpServer::serve() {
  while (!stopping_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    int fd = ::accept(listener_, nullptr, nullptr);
    if (fd < 0) continue;
    ++connections_;
    timeval timeout{5, 0};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    answer(fd);
    ::close(fd);
  }
}

void RawHttpServer::answer(int fd) {
  SSL* session = nullptr;
  if (tls_) {
    session = SSL_new(tls_->context);
    SSL_set_fd(session, fd);
    if (SSL_accept(session) != 1) {  // e.g. the client refused our certificate
      ERR_clear_error();
      SSL_free(session);
      return;
    }
  }
  Connection connection(fd, session);
  std::string head = readHead(connection);
  if (!head.empty()) connection.writeAll(responder_(head));
  if (session != nullptr) {
    SSL_shutdown(session);
    SSL_free(session);
    ERR_clear_error();
  }
}

std::string chunkedResponse(const std::string& body, std::size_t chunk_bytes,
                            const std::string& content_type) {
  std::string out = "HTTP/1.1 200 OK\r\nContent-Type: " + content_type +
                    "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
  for (std::size_t at = 0; at < body.size(); at += chunk_bytes) {
    const std::size_t size = std::min(chunk_bytes, body.size() - at);
    char length[32];
    std::snprintf(length, sizeof length, "%zx\r\n", size);
    out.append(length).append(body, at, size).append("\r\n");
  }
  return out + "0\r\n\r\n";
}

}  // namespace meshery::test
