// meshery-server on PostgreSQL: the same API, data kept across restarts.

#include <gtest/gtest.h>

#include "demo_model.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/base64.hpp"
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

TEST(ServerOnPostgres, RegisteredModelsAndStatusesSurviveRestarts) {
  std::string why_missing;
  PostgresServer* postgres = PostgresServer::shared(why_missing);
  if (postgres == nullptr) {
    if (postgresRequired()) FAIL() << why_missing;
    GTEST_SKIP() << why_missing;
  }
  std::string url = postgres->createDatabase("registry_e2e");
  TempDir home;
  std::vector<archive::Entry> entries;
  for (auto& [path, text] : demoModelFiles("pgdemo")) entries.push_back({path, text});
  nlohmann::json upload = {
      {"uploadType", "file"},
      {"importBody",
       {{"fileName", "pgdemo.tar.gz"},
        {"modelFile", encodeBase64(archive::writeArchive(entries, archive::Format::kTarGzip))}}}};
  std::string model_id;
  {
    ServerProcess server(home.path(), {"--database", url});
    ASSERT_TRUE(server.start()) << server.log();
    http::Client client(server.url());
    auto registered = client.send(http::Method::kPost, "/api/registry/register", upload);
    ASSERT_EQ(registered.status, 200) << registered.body;
    model_id = client.get("/api/registry/models/pgdemo").json()["models"][0]["id"];
    auto ignored = client.send(http::Method::kPost, "/api/registry/models/status",
                               {{"id", model_id}, {"status", "ignored"}});
    EXPECT_EQ(ignored.status, 204) << ignored.body;
    EXPECT_EQ(server.stop(), 0) << server.log();
  }
  ServerProcess again(home.path(), {"--database", url});
  ASSERT_TRUE(again.start()) << again.log();
  http::Client client(again.url());
  auto models = client.get("/api/registry/models/pgdemo?status=ignored").json();
  ASSERT_EQ(models["total_count"], 1) << models.dump();
  EXPECT_EQ(models["models"][0]["id"], model_id);
  EXPECT_EQ(client.get("/api/registry/models/pgdemo/components").json()["total_count"], 2);
  EXPECT_EQ(again.stop(), 0);
}

}  // namespace
}  // namespace meshery::test
