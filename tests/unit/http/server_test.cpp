// The HTTP server and client together, in-process, over loopback.

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

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
  char buffer[4096];
  for (;;) {
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return answer;
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    router.add(Method::kGet, "/hello/{name}", [](Request& request) {
      return Response::json({{"hello", request.pathParam("name")},
                             {"q", request.queryParam("q").value_or("")},
                             {"request_id", request.request_id}});
    }, {Dispatch::kInline});
    router.add(Method::kPost, "/echo", [](Request& request) {
      return Response::json(request.jsonBody());
    });
    router.add(Method::kPost, "/small", [](Request& request) {
      return Response::text(std::to_string(request.body.size()));
    }, {Dispatch::kBlocking, 16});
    router.add(Method::kGet, "/boom", [](Request&) -> Response {
      throw std::runtime_error("kaboom");
    });
    router.add(Method::kGet, "/missing", [](Request&) -> Response {
      throw Error(ErrorCode::kNotFound, "no such thing", "it was deleted", "create it");
    });
    router.add(Method::kGet, "/events", [](Request&) {
      return Response::eventStream([](SseStream& stream) {
        for (int i = 0; i < 3 && stream.open(); ++i) {
          stream.send("tick", "n=" + std::to_string(i), std::to_string(i));
        }
      });
    });
    ServerOptions options;
    options.port = 0;
    options.max_body_bytes = 1024;
    options.access_log = false;
    server_ = std::make_unique<Server>(options, std::move(router), &metrics_);
    server_->start();
    client_ = std::make_unique<Client>("http://127.0.0.1:" + std::to_string(server_->port()));
  }

  Metrics metrics_;
  std::unique_ptr<Server> server_;
  std::unique_ptr<Client> client_;
};

TEST_F(ServerTest, RoutesWithPathAndQueryParametersAndEchoesRequestIds) {
  auto response = client_->get("/hello/mesh%20ery?q=a+b");
  EXPECT_EQ(response.status, 200);
  auto body = response.json();
  EXPECT_EQ(body["hello"], "mesh ery");
  EXPECT_EQ(body["q"], "a b");
  EXPECT_EQ(response.headers.get("X-Request-Id"), body["request_id"].get<std::string>());
  EXPECT_EQ(body["request_id"].get<std::string>().size(), 36U);

  Headers headers;
  headers.set("X-Request-Id", "trace-123");
  auto traced = client_->request(Method::kGet, "/hello/x", {}, headers);
  EXPECT_EQ(traced.json()["request_id"], "trace-123");
}

TEST_F(ServerTest, UnknownRouteIsA404JsonError) {
  auto response = client_->get("/nope");
  EXPECT_EQ(response.status, 404);
  auto body = response.json();
  EXPECT_EQ(body["code"], "not_found");
  EXPECT_FALSE(body["remedy"].get<std::string>().empty());
}

TEST_F(ServerTest, WrongMethodIs405WithAllow) {
  auto response = client_->request(Method::kDelete, "/echo");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.headers.get("Allow"), "POST");
  EXPECT_EQ(response.json()["code"], "method_not_allowed");
}

TEST_F(ServerTest, ErrorsAndExceptionsBecomeJsonBodies) {
  auto missing = client_->get("/missing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.json()["cause"], "it was deleted");
  auto boom = client_->get("/boom");
  EXPECT_EQ(boom.status, 500);
  EXPECT_EQ(boom.json()["code"], "internal");
  EXPECT_EQ(client_->get("/hello/still-serving").status, 200);
}

TEST_F(ServerTest, MalformedJsonIs400) {
  auto response = client_->request(Method::kPost, "/echo", "{\"a\":", {});
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.json()["code"], "malformed_input");
  auto ok = client_->send(Method::kPost, "/echo", {{"a", 1}});
  EXPECT_EQ(ok.json()["a"], 1);
}

TEST_F(ServerTest, OversizedBodiesAre413ByServerAndRouteLimit) {
  auto too_big = client_->request(Method::kPost, "/echo", std::string(2048, 'x'));
  EXPECT_EQ(too_big.status, 413);
  EXPECT_EQ(too_big.json()["code"], "payload_too_large");
  auto route_limit = client_->request(Method::kPost, "/small", std::string(17, 'x'));
  EXPECT_EQ(route_limit.status, 413);
  EXPECT_EQ(client_->request(Method::kPost, "/small", std::string(16, 'x')).body, "16");
}

TEST_F(ServerTest, HugeBodyGets413NotAConnectionError) {
  // Far more than the socket buffers hold: the server answers before the
  // upload ends and must not reset the connection under the answer.
  auto response = client_->request(Method::kPost, "/echo", std::string(8 * 1024 * 1024, 'x'));
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.json()["code"], "payload_too_large");
}

TEST_F(ServerTest, ClientHandlesHeadResponses) {
  auto response = client_->request(Method::kHead, "/hello/head");
  EXPECT_EQ(response.status, 200);
  EXPECT_TRUE(response.body.empty());
  EXPECT_EQ(client_->get("/hello/after").status, 200);  // the connection is still usable
}

TEST_F(ServerTest, ChunkedBodyOverTheLimitIs413) {
  std::string chunk(600, 'y');
  char size[16];
  std::snprintf(size, sizeof size, "%zx", chunk.size());
  std::string request = "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" +
                        std::string(size) + "\r\n" + chunk + "\r\n" + size + "\r\n" + chunk +
                        "\r\n0\r\n\r\n";
  std::string answer = rawExchange(server_->port(), request);
  EXPECT_EQ(answer.rfind("HTTP/1.1 413", 0), 0U) << answer;
}

TEST_F(ServerTest, ExpectContinueIsAnsweredBeforeTheBody) {
  // A client that waits for "100 Continue" before sending its body (as curl
  // does for large uploads) gets it at once, then the final answer.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(server_->port());
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  std::string head = "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n"
                     "Expect: 100-continue\r\nConnection: close\r\n\r\n";
  ASSERT_GT(::send(fd, head.data(), head.size(), MSG_NOSIGNAL), 0);
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  char buffer[4096];
  ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
  ASSERT_GT(n, 0);
  EXPECT_EQ(std::string(buffer, static_cast<std::size_t>(n)), "HTTP/1.1 100 Continue\r\n\r\n");
  ASSERT_GT(::send(fd, "{\"a\":2}", 7, MSG_NOSIGNAL), 0);
  std::string answer;
  while ((n = ::recv(fd, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0U) << answer;
  EXPECT_NE(answer.find("{\"a\":2}"), std::string::npos) << answer;
}

TEST_F(ServerTest, GarbageIsA400AndTheConnectionCloses) {
  std::string answer = rawExchange(server_->port(), "NOT HTTP AT ALL\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 400", 0), 0U) << answer;
  EXPECT_NE(answer.find("malformed_input"), std::string::npos);
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  std::string pipeline;
  for (int i = 0; i < 3; ++i) pipeline += "GET /hello/" + std::to_string(i) + " HTTP/1.1\r\nHost: x\r\n\r\n";
  pipeline += "GET /hello/last HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  std::string answer = rawExchange(server_->port(), pipeline);
  std::size_t count = 0;
  for (std::size_t at = answer.find("HTTP/1.1 200"); at != std::string::npos;
       at = answer.find("HTTP/1.1 200", at + 1)) {
    ++count;
  }
  EXPECT_EQ(count, 4U);
  EXPECT_NE(answer.find("\"last\""), std::string::npos);
}

TEST_F(ServerTest, HeadHasNoBodyButTheLength) {
  std::string answer = rawExchange(server_->port(), "HEAD /hello/abc HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0U);
  EXPECT_NE(answer.find("Content-Length: "), std::string::npos);
  EXPECT_TRUE(answer.ends_with("\r\n\r\n")) << answer;
}

TEST_F(ServerTest, EventStreamDeliversEventsInOrder) {
  std::vector<SseEvent> events;
  client_->stream("/events", [&](const SseEvent& event) {
    events.push_back(event);
    return true;
  });
  ASSERT_EQ(events.size(), 3U);
  EXPECT_EQ(events[0].event, "tick");
  EXPECT_EQ(events[2].data, "n=2");
  EXPECT_EQ(events[1].id, "1");
}

TEST_F(ServerTest, ConcurrentClientsAreAllServed) {
  std::vector<std::future<ClientResponse>> pending;
  for (int i = 0; i < 50; ++i) pending.push_back(client_->requestAsync(Method::kGet, "/hello/" + std::to_string(i)));
  for (int i = 0; i < 50; ++i) {
    auto response = pending[static_cast<std::size_t>(i)].get();
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.json()["hello"], std::to_string(i));
  }
}

TEST_F(ServerTest, MetricsCountRequestsByRoutePattern) {
  client_->get("/hello/a");
  client_->get("/hello/b");
  client_->get("/nope");
  // A request is recorded once its response is written, so poll briefly.
  EXPECT_TRUE(test::eventually([&] {
    std::string text = metrics_.render();
    return text.find(R"(route="/hello/{name}",status="200"} 2)") != std::string::npos &&
           text.find(R"(route="",status="404"} 1)") != std::string::npos;
  })) << metrics_.render();
}

TEST(Client, UnreachableServerIsAClearUnavailableError) {
  Client client("http://127.0.0.1:1");
  try {
    client.get("/");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
    EXPECT_NE(error.remedy().find("mesheryctl system start"), std::string::npos);
  }
}

TEST(Client, RejectsNonHttpBaseUrls) {
  EXPECT_THROW(Client("https://example.invalid"), Error);
  EXPECT_THROW(Client("http://host:port"), Error);
}

}  // namespace
}  // namespace meshery::http
