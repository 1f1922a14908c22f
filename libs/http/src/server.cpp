#include "meshery/http/server.hpp"

#include <boost/asio/post.hpp>

#include <csignal>

#include "meshery/core/log.hpp"
#include "server_impl.hpp"

namespace meshery::http {

Server::Impl::Impl(ServerOptions options_in, Router router_in, Metrics* metrics_in)
    : options(std::move(options_in)), router(std::move(router_in)), metrics(metrics_in) {}

void Server::Impl::composeChains() {
  auto compose = [this](Handler handler) {
    for (auto it = middlewares.rbegin(); it != middlewares.rend(); ++it) {
      handler = [middleware = *it, next = std::move(handler)](Request& request) {
        return middleware(request, next);
      };
    }
    return handler;
  };
  chains.clear();
  for (const Route& route : router.routes()) chains.push_back(compose(route.handler));
  if (const Route* fallback = router.fallback()) fallback_chain = compose(fallback->handler);
}

void Server::Impl::accept() {
  acceptor.async_accept(asio::make_strand(io), [this](boost::system::error_code ec,
                                                      tcp::socket socket) {
    if (ec) {
      if (ec != asio::error::operation_aborted && !draining) {
        // E.g. out of file descriptors: retry after a pause, not in a spin.
        log::warn("accept failed; retrying in 100 ms", {{"error", ec.message()}});
        accept_retry.expires_after(std::chrono::milliseconds(100));
        accept_retry.async_wait([this](boost::system::error_code wait_ec) {
          if (!wait_ec && !draining) accept();
        });
      }
      return;
    }
    if (draining) return;
    startSession(*this, std::move(socket));
    accept();
  });
}

std::uint64_t Server::Impl::registerSession(SessionState state) {
  std::lock_guard lock(sessions_mutex);
  std::uint64_t id = next_session_id++;
  sessions.emplace(id, state);
  return id;
}

void Server::Impl::unregisterSession(std::uint64_t id) {
  {
    std::lock_guard lock(sessions_mutex);
    sessions.erase(id);
  }
  sessions_changed.notify_all();
}

void Server::Impl::drainAndStop() {
  draining = true;
  asio::post(io, [this] {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    accept_retry.cancel();
    if (signals) signals->cancel(ignored);
  });
  auto close_idle = [this] {
    std::lock_guard lock(sessions_mutex);
    for (auto& [id, state] : sessions) {
      if (state.closing || !state.idle->load()) continue;
      // The session may end before this runs; it unregisters on the same
      // strand, so finding it still registered means its socket is alive.
      asio::post(state.executor, [this, id = id] {
        std::lock_guard registered(sessions_mutex);
        auto it = sessions.find(id);
        if (it == sessions.end()) return;
        boost::system::error_code ignored;
        it->second.socket->shutdown(tcp::socket::shutdown_both, ignored);
        it->second.socket->close(ignored);
      });
      state.closing = true;  // don't post twice
    }
  };
  auto deadline = std::chrono::steady_clock::now() + options.drain_timeout;
  {
    std::unique_lock lock(sessions_mutex);
    lock.unlock();
    close_idle();
    lock.lock();
    // Sessions that finish a request while draining close themselves;
    // re-check idle ones periodically for those that became idle meanwhile.
    while (!sessions.empty() && std::chrono::steady_clock::now() < deadline) {
      sessions_changed.wait_for(lock, std::chrono::milliseconds(50));
      lock.unlock();
      close_idle();
      lock.lock();
    }
    if (!sessions.empty()) {
      log::warn("drain timeout: closing busy connections",
                {{"connections", std::to_string(sessions.size())}});
    }
  }
  work.reset();
  io.stop();
  for (auto& thread : io_threads) {
    if (thread.joinable()) thread.join();
  }
  if (blocking) blocking->join();
  if (streams) streams->join();
  {
    std::lock_guard lock(state_mutex);
    stopped = true;
  }
  state_changed.notify_all();
}

Server::Server(ServerOptions options, Router router, Metrics* metrics)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(router), metrics)) {}

Server::~Server() {
  stop();
  if (impl_->signal_stopper.joinable()) impl_->signal_stopper.join();
}

void Server::use(Middleware middleware) { impl_->middlewares.push_back(std::move(middleware)); }

void Server::start() {
  Impl& impl = *impl_;
  // Held until the threads run: a stop() from a signal that arrives while
  // starting waits for the start to finish instead of seeing "not started".
  std::lock_guard lock(impl.state_mutex);
  impl.composeChains();
  boost::system::error_code ec;
  auto address = asio::ip::make_address(impl.options.address, ec);
  if (ec) {
    throw Error(ErrorCode::kInvalidConfiguration, "invalid listen address '" + impl.options.address + "'",
                ec.message(), "use an IPv4 or IPv6 address such as 127.0.0.1");
  }
  tcp::endpoint endpoint(address, impl.options.port);
  impl.acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor.bind(endpoint, ec);
  if (!ec) impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw Error(ErrorCode::kUnavailable,
                "cannot listen on " + impl.options.address + ":" + std::to_string(impl.options.port),
                ec.message(),
                "stop the process using that port (e.g. 'mesheryctl system stop') or choose "
                "another with --port");
  }
  impl.bound_port = impl.acceptor.local_endpoint().port();
  impl.work.emplace(impl.io.get_executor());
  impl.blocking = std::make_unique<asio::thread_pool>(std::max<std::size_t>(1, impl.options.blocking_threads));
  impl.streams = std::make_unique<asio::thread_pool>(std::max<std::size_t>(1, impl.options.max_event_streams));
  impl.accept();
  for (std::size_t i = 0; i < std::max<std::size_t>(1, impl.options.io_threads); ++i) {
    impl.io_threads.emplace_back([&impl] { impl.io.run(); });
  }
  impl.started = true;
}

std::uint16_t Server::port() const { return impl_->bound_port; }

void Server::stopOnSignals() {
  Impl& impl = *impl_;
  impl.signals.emplace(impl.io, SIGINT, SIGTERM);
  impl.signals->async_wait([&impl, this](boost::system::error_code ec, int signal_number) {
    if (ec) return;
    log::info("signal received, draining", {{"signal", signal_number == SIGINT ? "SIGINT" : "SIGTERM"}});
    // stop() blocks until the drain ends, so it cannot run on an I/O thread.
    impl.signal_stopper = std::thread([this] { stop(); });
  });
}

void Server::wait() {
  std::unique_lock lock(impl_->state_mutex);
  impl_->state_changed.wait(lock, [this] { return !impl_->started || impl_->stopped; });
}

void Server::stop() {
  {
    std::lock_guard lock(impl_->state_mutex);
    if (!impl_->started || impl_->stopped || impl_->draining.exchange(true)) return;
  }
  impl_->drainAndStop();
}

}  // namespace meshery::http
