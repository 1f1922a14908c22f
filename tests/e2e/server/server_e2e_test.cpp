// The built meshery-server, driven over HTTP on a free port with a
// temporary MESHERY_HOME.

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <thread>

#include "meshery/http/client.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

using http::Method;

class ServerE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    server_ = std::make_unique<ServerProcess>(home_.path(), std::vector<std::string>{"--max-body-bytes", "65536"});
    ASSERT_TRUE(server_->start()) << server_->log();
    client_ = std::make_unique<http::Client>(server_->url());
  }

  void TearDown() override {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->log();
    }
  }

  TempDir home_;
  std::unique_ptr<ServerProcess> server_;
  std::unique_ptr<http::Client> client_;
};

TEST_F(ServerE2e, VersionHasMesherysShape) {
  auto response = client_->get("/api/system/version");
  ASSERT_EQ(response.status, 200);
  auto body = response.json();
  for (const char* key : {"build", "latest", "commitsha", "release_channel"}) {
    ASSERT_TRUE(body.contains(key)) << key;
    EXPECT_TRUE(body[key].is_string()) << key;
  }
  EXPECT_TRUE(body["build"].get<std::string>().starts_with("v"));
  EXPECT_EQ(body["outdated"], false);
}

TEST_F(ServerE2e, HealthEndpointsAnswer) {
  EXPECT_EQ(client_->get("/healthz/live").json()["status"], "live");
  auto ready = client_->get("/healthz/ready").json();
  EXPECT_EQ(ready["status"], "ready");
  EXPECT_EQ(ready["store"], "sqlite");
}

TEST_F(ServerE2e, DataLivesUnderMesheryHome) {
  EXPECT_TRUE(std::filesystem::exists(home_.path() / "server" / "meshery.db"));
}

TEST_F(ServerE2e, MetricsExposeRequestsLatencyAndStore) {
  client_->get("/api/system/version");
  client_->get("/no/such/route");
  client_->get("/api/system/database");
  auto text = client_->get("/metrics").body;
  EXPECT_NE(text.find(R"(meshery_http_requests_total{method="GET",route="/api/system/version",status="200"})"),
            std::string::npos) << text;
  EXPECT_NE(text.find(R"(route="",status="404"})"), std::string::npos);
  EXPECT_NE(text.find("meshery_http_request_duration_seconds_bucket{"), std::string::npos);
  EXPECT_NE(text.find(R"(meshery_store_reads_total{backend="sqlite"})"), std::string::npos);
}

TEST_F(ServerE2e, UnknownRouteIs404Json) {
  auto response = client_->get("/api/does-not-exist");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.json()["code"], "not_found");
}

TEST_F(ServerE2e, OversizedBodyIs413AndNothingIsStored) {
  std::string big = R"({"x":")" + std::string(70000, 'a') + R"("})";
  http::Headers headers;
  headers.set("Content-Type", "application/json");
  auto response = client_->request(Method::kPost, "/api/user/prefs", big, headers);
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.json()["code"], "payload_too_large");
  EXPECT_FALSE(client_->get("/api/user/prefs").json().contains("x"));
}

TEST_F(ServerE2e, MalformedJsonIs400WithCauseAndRemedy) {
  auto response = client_->request(Method::kPost, "/api/user/prefs", "{\"anonymousUsageStats\": ");
  EXPECT_EQ(response.status, 400);
  auto body = response.json();
  EXPECT_EQ(body["code"], "malformed_input");
  EXPECT_FALSE(body["cause"].get<std::string>().empty());
  EXPECT_FALSE(body["remedy"].get<std::string>().empty());
  auto not_object = client_->send(Method::kPost, "/api/user/prefs", nlohmann::json::array());
  EXPECT_EQ(not_object.status, 422);
}

TEST_F(ServerE2e, PreferencesMergeAndDefaultsAreFilled) {
  auto prefs = client_->get("/api/user/prefs").json();
  EXPECT_EQ(prefs["anonymousUsageStats"], true);
  auto updated = client_->send(Method::kPost, "/api/user/prefs",
                               {{"anonymousUsageStats", false}, {"theme", "dark"}});
  ASSERT_EQ(updated.status, 200);
  EXPECT_EQ(updated.json()["anonymousUsageStats"], false);
  client_->send(Method::kPost, "/api/user/prefs", {{"theme", nullptr}});
  auto after = client_->get("/api/user/prefs").json();
  EXPECT_FALSE(after.contains("theme"));
  EXPECT_EQ(after["anonymousUsageStats"], false);
  EXPECT_TRUE(after.contains("loadTestPrefs"));
}

TEST_F(ServerE2e, CurrentUserIsTheLocalUser) {
  auto user = client_->get("/api/user").json();
  EXPECT_EQ(user["provider"], "Local");
  EXPECT_EQ(user["id"].get<std::string>().size(), 36U);
}

TEST_F(ServerE2e, DatabaseSummaryAndConfirmedReset) {
  client_->send(Method::kPost, "/api/user/prefs", {{"theme", "dark"}});
  auto summary = client_->get("/api/system/database").json();
  EXPECT_EQ(summary["backend"], "sqlite");
  EXPECT_GE(summary["total_tables"].get<int>(), 3);
  EXPECT_GE(summary["record_count"].get<int>(), 3);

  auto refused = client_->request(Method::kDelete, "/api/system/database/reset");
  EXPECT_EQ(refused.status, 428);
  EXPECT_EQ(refused.json()["code"], "confirmation_required");
  EXPECT_EQ(client_->get("/api/user/prefs").json()["theme"], "dark");

  auto reset = client_->request(Method::kDelete, "/api/system/database/reset?confirm=true");
  EXPECT_EQ(reset.status, 200);
  EXPECT_FALSE(client_->get("/api/user/prefs").json().contains("theme"));
  EXPECT_EQ(client_->get("/api/user").status, 200);  // the local user is recreated
}

TEST_F(ServerE2e, OpenApiDescribesEveryRoute) {
  auto document = client_->get("/api/openapi.json").json();
  EXPECT_EQ(document["openapi"], "3.0.3");
  const auto& paths = document["paths"];
  struct Expected {
    const char* path;
    const char* method;
  };
  for (auto [path, method] : {Expected{"/api/system/version", "get"}, Expected{"/healthz/live", "get"},
                              Expected{"/healthz/ready", "get"}, Expected{"/metrics", "get"},
                              Expected{"/api/openapi.json", "get"},
                              Expected{"/api/system/database", "get"},
                              Expected{"/api/system/database/reset", "delete"},
                              Expected{"/api/user", "get"}, Expected{"/api/user/prefs", "get"},
                              Expected{"/api/user/prefs", "post"}}) {
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_TRUE(paths[path].contains(method)) << path << " " << method;
    // Each documented route is really served (not 404/405).
    std::string verb = method;
    std::transform(verb.begin(), verb.end(), verb.begin(), ::toupper);
    auto answer = client_->request(http::parseMethod(verb), path, verb == "POST" ? "{}" : "");
    EXPECT_NE(answer.status, 404) << path;
    EXPECT_NE(answer.status, 405) << path;
  }
}

TEST_F(ServerE2e, SigtermLetsAnInFlightRequestComplete) {
  // Send the head and half of the body, signal, then the rest: the request
  // was in flight when SIGTERM arrived and must still be answered.
  std::string body = R"({"inflight":"yes"})";
  std::string head = "POST /api/user/prefs HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(server_->port());
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  std::string first = head + body.substr(0, 5);
  ASSERT_EQ(::send(fd, first.data(), first.size(), MSG_NOSIGNAL), static_cast<ssize_t>(first.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the server reads the head
  server_->signal(SIGTERM);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the drain has begun
  std::string rest = body.substr(5);
  ASSERT_EQ(::send(fd, rest.data(), rest.size(), MSG_NOSIGNAL), static_cast<ssize_t>(rest.size()));
  timeval timeout{10, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, static_cast<std::size_t>(n));
  ::close(fd);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0U) << answer;
  EXPECT_NE(answer.find("\"inflight\":\"yes\""), std::string::npos) << answer;
  EXPECT_EQ(server_->wait(std::chrono::seconds(20)), 0) << server_->log();
  server_.reset();
}

TEST_F(ServerE2e, RestartKeepsData) {
  client_->send(Method::kPost, "/api/user/prefs", {{"theme", "solarized"}});
  client_.reset();
  ASSERT_EQ(server_->stop(), 0);
  server_ = std::make_unique<ServerProcess>(home_.path());
  ASSERT_TRUE(server_->start()) << server_->log();
  client_ = std::make_unique<http::Client>(server_->url());
  EXPECT_EQ(client_->get("/api/user/prefs").json()["theme"], "solarized");
}

}  // namespace
}  // namespace meshery::test
