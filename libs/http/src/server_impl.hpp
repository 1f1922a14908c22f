#pragma once

// Private to libs/http: the state shared by the listener, the sessions and
// the drain logic. Beast and Asio appear only in this library's sources.

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

#include "meshery/http/metrics.hpp"
#include "meshery/http/server.hpp"

namespace meshery::http {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using SessionExecutor = asio::any_io_executor;

/// What the drain needs to know about one connection.
struct SessionState {
  SessionExecutor executor;
  tcp::socket* socket = nullptr;  ///< valid while registered; touched only on `executor`
  /// The connection's own flag, valid while registered: true while it waits
  /// for the first byte of a request. An atomic the connection sets without
  /// taking the registry's lock (twice per request).
  const std::atomic<bool>* idle = nullptr;
  bool closing = false;  ///< the drain posted its close already
};

struct Server::Impl {
  Impl(ServerOptions options_in, Router router_in, Metrics* metrics_in);

  ServerOptions options;
  Router router;
  Metrics* metrics;
  std::vector<Middleware> middlewares;
  /// One composed handler per route (middlewares applied), same index as router.routes().
  std::vector<Handler> chains;
  Handler fallback_chain;

  asio::io_context io;
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> work;
  std::unique_ptr<asio::thread_pool> blocking;
  std::unique_ptr<asio::thread_pool> streams;  ///< producers of event streams
  std::atomic<std::size_t> active_streams{0};
  tcp::acceptor acceptor{io};
  asio::steady_timer accept_retry{io};
  std::optional<asio::signal_set> signals;
  std::vector<std::thread> io_threads;
  std::thread signal_stopper;
  std::uint16_t bound_port = 0;

  std::atomic<bool> draining{false};
  std::mutex sessions_mutex;
  std::condition_variable sessions_changed;
  std::unordered_map<std::uint64_t, SessionState> sessions;
  std::uint64_t next_session_id = 0;

  std::mutex state_mutex;
  std::condition_variable state_changed;
  bool started = false;
  bool stopped = false;

  void composeChains();
  void accept();
  void drainAndStop();

  std::uint64_t registerSession(SessionState state);
  void unregisterSession(std::uint64_t id);
};

/// Runs one connection until it closes (defined in session.cpp).
void startSession(Server::Impl& server, tcp::socket socket);

}  // namespace meshery::http
