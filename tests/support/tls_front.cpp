#include "meshery_test/tls_front.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <csignal>
#include <stdexcept>

namespace meshery::test {

struct TlsFront::Tls {
  SSL_CTX* context = nullptr;
  ~Tls() { SSL_CTX_free(context); }
};

namespace {

int listenOnLoopback(std::uint16_t& port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof address;
  if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::listen(fd, 64) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    if (fd >= 0) ::close(fd);
    throw std::runtime_error("TlsFront: cannot listen on 127.0.0.1");
  }
  port = ntohs(address.sin_port);
  return fd;
}

int connectTo(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port);
  if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
    return fd;
  if (fd >= 0) ::close(fd);
  return -1;
}

bool sendAll(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t sent = ::send(fd, data, size, MSG_NOSIGNAL);
    if (sent <= 0) return false;
    data += sent;
    size -= static_cast<std::size_t>(sent);
  }
  return true;
}

}  // namespace

TlsFront::TlsFront(const CertificateFiles& server, std::uint16_t backend,
                   std::uint16_t trusted_backend, const std::filesystem::path& client_ca)
    : tls_(std::make_unique<Tls>()), backend_(backend), trusted_backend_(trusted_backend) {
  std::signal(SIGPIPE, SIG_IGN);
  tls_->context = SSL_CTX_new(TLS_server_method());
  if (tls_->context == nullptr ||
      SSL_CTX_use_certificate_chain_file(tls_->context, server.certificate.c_str()) != 1 ||
      SSL_CTX_use_PrivateKey_file(tls_->context, server.private_key.c_str(), SSL_FILETYPE_PEM) != 1)
    throw std::runtime_error("TlsFront: cannot load the server certificate or key");
  if (!client_ca.empty()) {
    if (SSL_CTX_load_verify_locations(tls_->context, client_ca.c_str(), nullptr) != 1)
      throw std::runtime_error("TlsFront: cannot load the client CA");
    // Asked for, not required: a client may authenticate with a token instead.
    SSL_CTX_set_verify(tls_->context, SSL_VERIFY_PEER, nullptr);
  }
  listener_ = listenOnLoopback(port_);
  acceptor_ = std::thread([this] { accept(); });
}

TlsFront::~TlsFront() {
  stopping_ = true;
  acceptor_.join();
  ::close(listener_);
  std::lock_guard lock(mutex_);
  for (std::thread& relay : relays_) relay.join();
}

void TlsFront::accept() {
  while (!stopping_) {
    pollfd waiting{listener_, POLLIN, 0};
    if (::poll(&waiting, 1, 50) <= 0) continue;
    const int client = ::accept(listener_, nullptr, nullptr);
    if (client < 0) continue;
    std::lock_guard lock(mutex_);
    relays_.emplace_back([this, client] { relay(client); });
  }
}

void TlsFront::relay(int client) {
  SSL* session = SSL_new(tls_->context);
  SSL_set_fd(session, client);
  timeval timeout{5, 0};
  ::setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  if (SSL_accept(session) != 1) {
    ERR_clear_error();
    SSL_free(session);
    ::close(client);
    return;
  }
  X509* peer = SSL_get_peer_certificate(session);
  const bool trusted = peer != nullptr && SSL_get_verify_result(session) == X509_V_OK;
  X509_free(peer);
  const int backend = connectTo(trusted ? trusted_backend_ : backend_);
  std::array<char, 16384> buffer{};
  bool open = backend >= 0;
  while (open && !stopping_) {
    std::array<pollfd, 2> fds{{{client, POLLIN, 0}, {backend, POLLIN, 0}}};
    if (SSL_pending(session) == 0 && ::poll(fds.data(), fds.size(), 100) <= 0) continue;
    if (SSL_pending(session) > 0 || (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const int got = SSL_read(session, buffer.data(), static_cast<int>(buffer.size()));
      open = got > 0 && sendAll(backend, buffer.data(), static_cast<std::size_t>(got));
    }
    if (open && (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) != 0) {
      const ssize_t got = ::recv(backend, buffer.data(), buffer.size(), 0);
      open = got > 0 && SSL_write(session, buffer.data(), static_cast<int>(got)) > 0;
    }
  }
  SSL_shutdown(session);
  SSL_free(session);
  ERR_clear_error();
  if (backend >= 0) ::close(backend);
  ::close(client);
}

}  // namespace meshery::test
