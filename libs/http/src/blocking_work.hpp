#pragma once

// Runs a piece of blocking work on the blocking pool from a connection's
// coroutine, resuming the coroutine on its own executor afterwards.
//
// Written with async_initiate instead of co_spawn(pool, lambda-coroutine):
// GCC 12 destroys captures of such lambdas twice (seen under ASan).

#include <boost/asio/async_result.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace meshery::http {

/// `work` runs on `pool` and must not throw; it is referenced, not copied,
/// and stays alive because the awaiting coroutine is suspended meanwhile.
template <typename Work>
boost::asio::awaitable<void> runBlocking(boost::asio::thread_pool& pool, Work& work) {
  namespace asio = boost::asio;
  co_await asio::async_initiate<decltype(asio::use_awaitable), void()>(
      [&pool, &work](auto handler) {
        auto resume_on = asio::get_associated_executor(handler);
        asio::post(pool, [&work, resume_on, handler = std::move(handler)]() mutable {
          work();
          asio::post(resume_on, std::move(handler));
        });
      },
      asio::use_awaitable);
}

}  // namespace meshery::http
