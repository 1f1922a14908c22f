// meshery-server on PostgreSQL: the same API, data kept across restarts.

#include <gtest/gtest.h>

#include "meshery/http/client.hpp"
#include "meshery_test/postgres_server.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

TEST(ServerOnPostgres, ServesAndKeepsDataAcrossRestarts) {
  std::string why_missing;
  PostgresServer* postgres = PostgresServer::shared(why_missing);
  if (postgres == nullptr) {
    if (postgresRequired()) FAIL() << why_missing;
    GTEST_SKIP() << why_missing;
  }
  std::string url = postgres->createDatabase("server_e2e");
  TempDir home;
  {
    ServerProcess server(home.path(), {"--database", url});
    ASSERT_TRUE(server.start()) << server.log();
    http::Client client(server.url());
    EXPECT_EQ(client.get("/healthz/ready").json()["store"], "postgres");
    auto saved = client.send(http::Method::kPost, "/api/user/prefs", {{"theme", "postgres"}});
    EXPECT_EQ(saved.status, 200) << saved.body;
    EXPECT_EQ(client.get("/api/system/database").json()["backend"], "postgres");
    EXPECT_EQ(server.stop(), 0) << server.log();
  }
  ServerProcess again(home.path(), {"--database", url});
  ASSERT_TRUE(again.start()) << again.log();
  http::Client client(again.url());
  EXPECT_EQ(client.get("/api/user/prefs").json()["theme"], "postgres");
  EXPECT_EQ(again.stop(), 0);
  EXPECT_FALSE(std::filesystem::exists(home.path() / "server" / "meshery.db"));
}

}  // namespace
}  // namespace meshery::test
