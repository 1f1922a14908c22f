// The registry read API of the built meshery-server: models loaded from
// --models-dir at boot and served under /api/registry and /api/meshmodels.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "demo_model.hpp"
#include "meshery/http/client.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

/// The demo model plus a broken component file beside it.
void writeDemoModelWithBrokenFile(const std::filesystem::path& root) {
  writeDemoModel(root);
  writeFile(root / "demo" / "v1.0.0" / "v1.0.0" / "components" / "Broken.json",
            "{\"schemaVersion\": \"components.meshery.io/v1beta1\",");
}

class RegistryE2e : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    home_ = std::make_unique<TempDir>();
    models_ = std::make_unique<TempDir>();
    writeDemoModelWithBrokenFile(models_->path());
    server_ = std::make_unique<ServerProcess>(
        home_->path(), std::vector<std::string>{"--models-dir", models_->path().string()});
    ASSERT_TRUE(server_->start()) << server_->log();
    client_ = std::make_unique<http::Client>(server_->url());
  }

  static void TearDownTestSuite() {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->log();
    }
    server_.reset();
    models_.reset();
    home_.reset();
  }

  /// GET under /api/registry, checking that /api/meshmodels answers the same.
  static nlohmann::json get(const std::string& target) {
    auto response = client_->get("/api/registry" + target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    auto alias = client_->get("/api/meshmodels" + target);
    EXPECT_EQ(alias.status, 200) << target;
    EXPECT_EQ(alias.body, response.body) << target;
    return response.json();
  }

  static std::vector<std::string> kinds(const nlohmann::json& page) {
    std::vector<std::string> out;
    for (const auto& item : page.at("components")) out.push_back(item["component"]["kind"]);
    return out;
  }

  static inline std::unique_ptr<TempDir> home_;
  static inline std::unique_ptr<TempDir> models_;
  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::unique_ptr<http::Client> client_;
};

TEST_F(RegistryE2e, ModelListCarriesCounts) {
  auto page = get("/models");
  EXPECT_EQ(page["total_count"], 1);
  EXPECT_EQ(page["page"], 0);
  ASSERT_EQ(page["models"].size(), 1U);
  const auto& model = page["models"][0];
  EXPECT_EQ(model["name"], "demo");
  EXPECT_EQ(model["components_count"], 2);
  EXPECT_EQ(model["relationships_count"], 1);
  auto embedded = get("/models?components=true&trim=true");
  ASSERT_EQ(embedded["models"][0]["components"].size(), 2U);
  EXPECT_FALSE(embedded["models"][0]["components"][0]["component"].contains("schema"));
  EXPECT_EQ(get("/models/demo")["total_count"], 1);
  EXPECT_EQ(get("/categories/Tools/models")["total_count"], 1);
  EXPECT_EQ(get("/categories")["categories"][0]["name"], "Tools");
  auto registrants = get("/registrants");
  ASSERT_EQ(registrants["registrants"].size(), 1U);
  EXPECT_EQ(registrants["registrants"][0]["kind"], "github");
  EXPECT_EQ(registrants["registrants"][0]["summary"]["components"], 2);
}

TEST_F(RegistryE2e, ComponentsFilterBySearchApiVersionAndModel) {
  EXPECT_EQ(kinds(get("/models/demo/components")), (std::vector<std::string>{"Alpha", "Beta"}));
  EXPECT_EQ(kinds(get("/components?search=ALPH")), (std::vector<std::string>{"Alpha"}));
  EXPECT_EQ(kinds(get("/components?apiVersion=demo.io/v2")), (std::vector<std::string>{"Beta"}));
  EXPECT_EQ(kinds(get("/components/Beta")), (std::vector<std::string>{"Beta"}));
  EXPECT_EQ(kinds(get("/models/demo/components/Alpha")), (std::vector<std::string>{"Alpha"}));
  EXPECT_EQ(kinds(get("/components?sort=desc")), (std::vector<std::string>{"Beta", "Alpha"}));
  EXPECT_TRUE(get("/components")["components"][0]["component"].contains("schema"));
  EXPECT_FALSE(get("/components?trim=true")["components"][0]["component"].contains("schema"));
  EXPECT_EQ(get("/models/demo/relationships")["total_count"], 1);
  EXPECT_EQ(get("/relationships")["relationships"].size(), 1U);
  EXPECT_EQ(get("/models/demo/policies")["total_count"], 0);
}

TEST_F(RegistryE2e, PaginationEdgeCases) {
  auto second = get("/components?pagesize=1&page=1");
  EXPECT_EQ(kinds(second), (std::vector<std::string>{"Beta"}));
  EXPECT_EQ(second["total_count"], 2);
  EXPECT_EQ(second["page_size"], 1);
  auto beyond = get("/components?pagesize=1&page=5");
  EXPECT_TRUE(beyond["components"].empty());
  EXPECT_EQ(beyond["total_count"], 2);
  EXPECT_EQ(get("/components?pagesize=all")["components"].size(), 2U);
  auto camel = get("/components?pageSize=1");
  EXPECT_EQ(camel["pageSize"], 1);
  EXPECT_EQ(camel["totalCount"], 2);
  EXPECT_EQ(camel["components"].size(), 1U);
  for (const char* target :
       {"/components?pagesize=-3", "/models?sort=up", "/components?trim=maybe"}) {
    auto response = client_->get(std::string("/api/registry") + target);
    EXPECT_EQ(response.status, 400) << target;
    auto body = response.json();
    EXPECT_EQ(body["code"], "malformed_input") << target;
    EXPECT_FALSE(body["remedy"].get<std::string>().empty()) << target;
  }
  EXPECT_EQ(client_->get("/api/registry/components?order=bogus").status, 422);
}

TEST_F(RegistryE2e, UnknownModelIsAnEmptyList) {
  for (const char* target :
       {"/models/nope", "/models/nope/components", "/models/demo/components/Nope",
        "/models/nope/relationships", "/categories/Nope/models"}) {
    auto page = get(target);
    EXPECT_EQ(page["total_count"], 0) << target;
  }
}

TEST_F(RegistryE2e, BrokenFileIsLoggedAndDoesNotStopTheOthers) {
  EXPECT_EQ(get("/components")["total_count"], 2);
  std::string log = server_->log();
  EXPECT_NE(log.find("Broken.json"), std::string::npos) << log;
  EXPECT_NE(log.find("failures=1"), std::string::npos) << log;
}

TEST(RegistryFixtureE2e, PublishedKubernetesModelLoads) {
  std::filesystem::path fixtures = "/work/shared/fixtures/meshery/models";
  if (!std::filesystem::is_directory(fixtures)) GTEST_SKIP() << "no Meshery model fixtures";
  TempDir home;
  ServerProcess server(home.path(), {"--models-dir", fixtures.string()});
  ASSERT_TRUE(server.start()) << server.log();
  http::Client client(server.url());
  auto models = client.get("/api/registry/models/kubernetes").json();
  ASSERT_GE(models["models"].size(), 1U) << models.dump();
  EXPECT_EQ(models["models"][0]["components_count"], 5);
  auto components = client.get("/api/registry/models/kubernetes/components?pagesize=all").json();
  EXPECT_EQ(components["total_count"], 5);
  EXPECT_EQ(server.stop(), 0) << server.log();
}

}  // namespace
}  // namespace meshery::test
