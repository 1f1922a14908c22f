// Responses whose body is sent as segments (scatter-gather) instead of one
// string: the bytes on the wire, Content-Length, HEAD, keep-alive, the
// 100-continue and drain paths, and metrics. Also RouteOptions::inline_when.

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "meshery/http/client.hpp"
#include "meshery/http/metrics.hpp"
#include "meshery/http/server.hpp"
#include "meshery_test/process.hpp"

namespace meshery::http {
namespace {

/// Sends raw bytes and returns everything the server answers until it closes.
std::string rawExchange(std::uint16_t port, const std::string& bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return "connect failed";
  }
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  (void)::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  std::string answer;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return answer;
}

/// A body of `count` segments (more than one gather write takes, some
/// empty, some static) after a string prefix. The segments' texts are owned
/// by the response only: the handler keeps no reference.
Response segmented(std::size_t count, std::size_t segment_bytes) {
  static constexpr std::string_view kComma = ",";
  Response response = Response::text("[", "application/json");
  for (std::size_t i = 0; i < count; ++i) {
    auto text = std::make_shared<std::string>(segment_bytes, static_cast<char>('a' + i % 26));
    response.segments.texts.emplace_back(*text);
    response.segments.owners.push_back(std::move(text));
    response.segments.texts.emplace_back(i % 7 == 3 ? std::string_view() : kComma);
  }
  auto tail = std::make_shared<const std::string>("]");
  response.segments.texts.emplace_back(*tail);
  response.segments.owners.push_back(tail);
  return response;
}

std::string expectedBody(std::size_t count, std::size_t segment_bytes) {
  std::string body = "[";
  for (std::size_t i = 0; i < count; ++i) {
    body.append(segment_bytes, static_cast<char>('a' + i % 26));
    if (i % 7 != 3) body += ',';
  }
  return body + "]";
}

class SegmentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    router.add(Method::kGet, "/small", [](Request&) { return segmented(100, 10); },
               {Dispatch::kInline});
    router.add(Method::kGet, "/large", [](Request&) { return segmented(300, 20000); });
    router.add(Method::kGet, "/empty", [](Request&) {
      Response response = Response::text("");
      response.segments.texts.emplace_back();
      return response;
    }, {Dispatch::kInline});
    router.add(Method::kPost, "/upload", [](Request& request) {
      Response response = segmented(3, 4);
      response.body += std::to_string(request.body.size());
      return response;
    });
    router.add(Method::kGet, "/slow", [this](Request&) {
      ++started_;
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
      return segmented(200, 1000);
    });
    ServerOptions options;
    options.port = 0;
    options.access_log = false;
    options.blocking_threads = 2;
    server_ = std::make_unique<Server>(options, std::move(router), &metrics_);
    server_->start();
    client_ = std::make_unique<Client>("http://127.0.0.1:" + std::to_string(server_->port()));
  }

  std::atomic<int> started_{0};
  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<Client> client_;
};

TEST(BodySegments, SizeAndTextJoinTheBodyAndTheSegments) {
  Response response = Response::text("head-");
  static const std::string kOne = "one";
  response.segments.texts = {kOne, "", "-two"};
  EXPECT_EQ(response.segments.size(), 7U);
  EXPECT_EQ(response.bodySize(), 12U);
  EXPECT_EQ(response.bodyText(), "head-one-two");
  EXPECT_EQ(Response::text("plain").bodyText(), "plain");
}

TEST_F(SegmentsTest, SegmentsArriveInOrderWithTheirLength) {
  auto small = client_->get("/small");
  EXPECT_EQ(small.status, 200);
  EXPECT_EQ(small.body, expectedBody(100, 10));
  EXPECT_EQ(small.headers.get("Content-Length"), std::to_string(small.body.size()));
  EXPECT_EQ(small.headers.get("Content-Type"), "application/json");
  // Six MB in 600 segments: many gather writes, partial writes of a segment.
  auto large = client_->get("/large");
  EXPECT_EQ(large.status, 200);
  EXPECT_EQ(large.body.size(), expectedBody(300, 20000).size());
  EXPECT_TRUE(large.body == expectedBody(300, 20000));
  auto empty = client_->get("/empty");
  EXPECT_EQ(empty.status, 200);
  EXPECT_EQ(empty.body, "");
  EXPECT_EQ(empty.headers.get("Content-Length"), "0");
}

TEST_F(SegmentsTest, HeadHasNoBodyButTheLengthOfTheSegments) {
  std::string answer = rawExchange(
      server_->port(), "HEAD /large HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0U) << answer;
  EXPECT_NE(answer.find("Content-Length: " + std::to_string(expectedBody(300, 20000).size()) +
                        "\r\n"),
            std::string::npos)
      << answer;
  EXPECT_TRUE(answer.ends_with("\r\n\r\n")) << answer;
}

TEST_F(SegmentsTest, KeepAliveServesSegmentedAndPlainResponsesInTurn) {
  std::string pipeline;
  for (const char* path : {"/small", "/empty", "/large", "/small"}) {
    pipeline += std::string("GET ") + path + " HTTP/1.1\r\nHost: x\r\n\r\n";
  }
  pipeline += "GET /small HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string answer = rawExchange(server_->port(), pipeline);
  std::vector<std::string> bodies;
  std::size_t at = 0;
  while (at < answer.size()) {
    const std::size_t head_end = answer.find("\r\n\r\n", at);
    ASSERT_NE(head_end, std::string::npos);
    const std::size_t length_at = answer.find("Content-Length: ", at);
    ASSERT_LT(length_at, head_end);
    const std::size_t length = std::stoul(answer.substr(length_at + 16));
    bodies.push_back(answer.substr(head_end + 4, length));
    at = head_end + 4 + length;
  }
  ASSERT_EQ(bodies.size(), 5U);
  EXPECT_EQ(bodies[0], expectedBody(100, 10));
  EXPECT_EQ(bodies[1], "");
  EXPECT_TRUE(bodies[2] == expectedBody(300, 20000));
  EXPECT_EQ(bodies[3], expectedBody(100, 10));
  EXPECT_EQ(bodies[4], expectedBody(100, 10));
}

TEST_F(SegmentsTest, ExpectContinueThenASegmentedAnswer) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(server_->port());
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  std::string head = "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n"
                     "Expect: 100-continue\r\nConnection: close\r\n\r\n";
  ASSERT_GT(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), 0);
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  char buffer[4096];
  ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buffer, static_cast<std::size_t>(n)), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_GT(::send(fd, "12345", 5, MSG_NOSIGNAL), 0);
  std::string answer;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) {
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0U) << answer;
  EXPECT_TRUE(answer.ends_with("\r\n\r\n[5aaaa,bbbb,cccc,]")) << answer;
  EXPECT_NE(answer.find("Content-Length: 18\r\n"), std::string::npos) << answer;
}

TEST_F(SegmentsTest, InFlightSegmentedResponsesCompleteDuringTheDrain) {
  std::vector<std::future<ClientResponse>> in_flight;
  for (int i = 0; i < 2; ++i) in_flight.push_back(client_->requestAsync(Method::kGet, "/slow"));
  ASSERT_TRUE(test::eventually([&] { return started_ == 2; }));
  std::thread stopper([&] { server_->stop(); });
  for (auto& pending : in_flight) {
    auto answer = pending.get();
    EXPECT_EQ(answer.status, 200);
    EXPECT_TRUE(answer.body == expectedBody(200, 1000));
    EXPECT_EQ(answer.headers.get("Connection"), "close");
  }
  stopper.join();
}

TEST_F(SegmentsTest, MetricsCountSegmentedResponses) {
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client_->get("/small").status, 200);
  EXPECT_TRUE(test::eventually([&] {
    return metrics_.render().find(R"(route="/small",status="200"} 3)") != std::string::npos;
  })) << metrics_.render();
}

TEST(InlineWhen, ChosenRequestsOfABlockingRouteRunOnTheIoThread) {
  // One pool thread, held by /hold: a request inline_when picks is answered
  // meanwhile; any other request of the same route waits for the pool.
  std::atomic<bool> release{false};
  std::atomic<bool> holding{false};
  Router router;
  router.add(Method::kGet, "/hold", [&](Request&) {
    holding = true;
    while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    return Response::text("held");
  });
  RouteOptions options;
  options.inline_when = [](const Request& request) { return request.query == "small"; };
  router.add(Method::kGet, "/page", [](Request& request) { return Response::text(request.query); },
             options);
  RouteOptions throwing;
  throwing.inline_when = [](const Request&) -> bool { throw std::runtime_error("bad predicate"); };
  router.add(Method::kGet, "/odd", [](Request&) { return Response::text("odd"); }, throwing);
  ServerOptions server_options;
  server_options.port = 0;
  server_options.access_log = false;
  server_options.blocking_threads = 1;
  Server server(server_options, std::move(router));
  server.start();
  Client client("http://127.0.0.1:" + std::to_string(server.port()));
  auto held = client.requestAsync(Method::kGet, "/hold");
  ASSERT_TRUE(test::eventually([&] { return holding.load(); }));
  auto big = client.requestAsync(Method::kGet, "/page?big");
  auto odd = client.requestAsync(Method::kGet, "/odd");
  EXPECT_EQ(client.get("/page?small").body, "small");
  EXPECT_EQ(big.wait_for(std::chrono::milliseconds(100)), std::future_status::timeout);
  release = true;
  EXPECT_EQ(big.get().body, "big");
  EXPECT_EQ(odd.get().body, "odd");  // a throwing predicate means the pool
  EXPECT_EQ(held.get().body, "held");
  server.stop();
}

}  // namespace
}  // namespace meshery::http
