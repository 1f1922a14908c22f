// Graceful stop: in-flight requests finish, new connections are refused,
// idle keep-alive connections and event streams do not hold the drain.

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "meshery/http/client.hpp"
#include "meshery/http/server.hpp"
#include "meshery_test/process.hpp"

namespace meshery::http {
namespace {

struct DrainFixture {
  std::atomic<int> started{0};
  std::atomic<int> started_streams{0};
  std::unique_ptr<Server> server;
  std::string url;

  explicit DrainFixture(std::chrono::milliseconds drain_timeout = std::chrono::seconds(10),
                        std::size_t max_event_streams = 16) {
    Router router;
    router.add(Method::kGet, "/slow", [this](Request&) {
      ++started;
      std::this_thread::sleep_for(std::chrono::milliseconds(600));
      return Response::text("finished");
    });
    router.add(Method::kGet, "/fast", [](Request&) { return Response::text("fast"); }, {Dispatch::kInline});
    router.add(Method::kGet, "/forever", [this](Request&) {
      return Response::eventStream([this](SseStream& stream) {
        ++started_streams;
        while (stream.open()) {
          stream.comment("heartbeat");
          std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
      });
    });
    ServerOptions options;
    options.port = 0;
    options.access_log = false;
    options.drain_timeout = drain_timeout;
    options.max_event_streams = max_event_streams;
    options.blocking_threads = 1;
    server = std::make_unique<Server>(options, std::move(router));
    server->start();
    url = "http://127.0.0.1:" + std::to_string(server->port());
  }
};

TEST(ServerDrain, InFlightRequestsCompleteAndNewOnesAreRefused) {
  DrainFixture fixture;
  Client client(fixture.url);
  std::vector<std::future<ClientResponse>> in_flight;
  for (int i = 0; i < 3; ++i) in_flight.push_back(client.requestAsync(Method::kGet, "/slow"));
  ASSERT_TRUE(test::eventually([&] { return fixture.started == 3; }));

  std::thread stopper([&] { fixture.server->stop(); });
  for (auto& response : in_flight) {
    auto answer = response.get();
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, "finished");
  }
  stopper.join();
  Client late(fixture.url);
  EXPECT_THROW(late.get("/fast"), Error);
}

TEST(ServerDrain, IdleKeepAliveConnectionsAndStreamsDoNotHoldTheDrain) {
  DrainFixture fixture;
  Client idle_client(fixture.url);
  EXPECT_EQ(idle_client.get("/fast").body, "fast");  // leaves an idle keep-alive connection
  std::atomic<bool> stream_ended{false};
  std::thread streamer([&] {
    Client stream_client(fixture.url);
    try {
      // Comments are not events: ask for the stream head, then wait on it.
      stream_client.stream("/forever", [&](const SseEvent&) { return true; });
    } catch (const Error&) {
    }
    stream_ended = true;
  });
  ASSERT_TRUE(test::eventually([&] { return fixture.started_streams == 1; }));
  auto before = std::chrono::steady_clock::now();
  fixture.server->stop();
  auto took = std::chrono::steady_clock::now() - before;
  streamer.join();
  EXPECT_TRUE(stream_ended);
  // Bounded by the drain timeout (10 s), not by the stream's lifetime; the
  // check is loose on purpose: this asserts termination, not speed.
  EXPECT_LT(took, std::chrono::seconds(9));
}

TEST(ServerDrain, EventStreamsAreCappedAndDoNotStarveOtherWork) {
  DrainFixture fixture(std::chrono::seconds(10), 1);
  std::thread streamer([&] {
    Client stream_client(fixture.url);
    try {
      stream_client.stream("/forever", [](const SseEvent&) { return true; });
    } catch (const Error&) {
    }
  });
  ASSERT_TRUE(test::eventually([&] { return fixture.started_streams == 1; }));
  Client client(fixture.url);
  // The only blocking thread is free although a stream is open.
  auto slow = client.get("/slow");
  EXPECT_EQ(slow.body, "finished");
  Client second(fixture.url);
  EXPECT_THROW(second.stream("/forever", [](const SseEvent&) { return true; }), Error);
  fixture.server->stop();
  streamer.join();
}

TEST(ServerDrain, StopIsIdempotentAndWaitReturnsAfterIt) {
  DrainFixture fixture;
  std::thread waiter([&] { fixture.server->wait(); });
  fixture.server->stop();
  fixture.server->stop();
  waiter.join();
  SUCCEED();
}

TEST(ServerDrain, BindingAPortInUseIsAClearError) {
  DrainFixture first;
  ServerOptions options;
  options.port = first.server->port();
  Server second(options, Router{});
  try {
    second.start();
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
    EXPECT_NE(error.remedy().find("--port"), std::string::npos);
  }
}

}  // namespace
}  // namespace meshery::http
