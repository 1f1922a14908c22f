#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

#include "meshery/http/router.hpp"

namespace meshery::http {

class Metrics;

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 9081;  ///< 0 picks a free port (see Server::port())
  std::size_t io_threads = 1;
  std::size_t blocking_threads = 4;
  /// Concurrent Server-Sent Event streams; each has its own thread, apart
  /// from the blocking pool, so streams never starve database work. Beyond
  /// it, new streams get 503.
  std::size_t max_event_streams = 16;
  std::size_t max_body_bytes = 32 * 1024 * 1024;
  std::size_t max_header_bytes = 64 * 1024;
  std::chrono::milliseconds header_timeout{10'000};  ///< to receive a whole request head
  std::chrono::milliseconds body_timeout{60'000};    ///< to receive the body after the head
  std::chrono::milliseconds idle_timeout{60'000};    ///< keep-alive connection with no request
  std::chrono::milliseconds drain_timeout{15'000};   ///< in-flight work on shutdown
  bool access_log = true;
};

/// The HTTP/1.1 server: keep-alive, request ids, access log, body and time
/// limits, exceptions mapped to JSON errors, metrics, Server-Sent Events and
/// graceful drain. Beast stays inside the implementation.
///
/// Thread-safety: start()/stop()/port() may be called from any thread.
class Server {
 public:
  /// `metrics` (optional) must outlive the server.
  Server(ServerOptions options, Router router, Metrics* metrics = nullptr);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Adds a middleware around every route (outermost first). Before start().
  void use(Middleware middleware);
  /// Binds and starts the I/O and blocking threads. Throws Error(kUnavailable)
  /// when the address cannot be bound (e.g. already in use).
  void start();
  /// The bound port (useful with port 0).
  [[nodiscard]] std::uint16_t port() const;
  /// Makes SIGINT and SIGTERM begin a graceful stop. Before start().
  void stopOnSignals();
  /// Blocks until the server has stopped (by stop() or a signal).
  void wait();
  /// Graceful stop: closes the listener, closes idle connections, lets
  /// in-flight requests finish and event streams end; connections still open
  /// after drain_timeout are dropped. A handler still running at that point
  /// delays the return until it finishes (threads cannot be cancelled).
  /// Idempotent.
  void stop();

  struct Impl;  ///< opaque; defined in the library's sources

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshery::http
