// The built meshery-server started without --models-dir serves the bundled
// models of its build tree: the generated kubernetes model with the authored
// relationship definitions of models/, and the meshery-core model.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

#include "meshery/http/client.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// Ids of the relationship definitions authored under models/.
std::set<std::string> authoredRelationshipIds() {
  std::set<std::string> ids;
  for (const auto& entry :
       fs::recursive_directory_iterator(fs::path(MESHERY_TEST_SOURCE_DIR) / "models")) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json" ||
        entry.path().parent_path().filename() != "relationships") {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    ids.insert(json::parse(text.str()).at("id").get<std::string>());
  }
  return ids;
}

class BundledModels : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!fs::exists(fs::path(MESHERY_TEST_BINARY_DIR) / "models" / "kubernetes")) return;
    home_ = std::make_unique<TempDir>();
    server_ = std::make_unique<ServerProcess>(home_->path());
    ASSERT_TRUE(server_->start()) << server_->log();
    client_ = std::make_unique<http::Client>(server_->url());
  }

  static void TearDownTestSuite() {
    client_.reset();
    if (server_) {
      EXPECT_EQ(server_->stop(), 0) << server_->log();
    }
    server_.reset();
    home_.reset();
  }

  void SetUp() override {
    if (!client_) GTEST_SKIP() << "no bundled kubernetes model in the build tree";
  }

  static json get(const std::string& target) {
    auto response = client_->get(target);
    EXPECT_EQ(response.status, 200) << target << ": " << response.body;
    return response.json();
  }

  static inline std::unique_ptr<TempDir> home_;
  static inline std::unique_ptr<ServerProcess> server_;
  static inline std::unique_ptr<http::Client> client_;
};

TEST_F(BundledModels, ListsEveryAuthoredRelationship) {
  const std::set<std::string> expected = authoredRelationshipIds();
  ASSERT_FALSE(expected.empty());
  auto page = get("/api/registry/relationships?pagesize=all");
  EXPECT_EQ(page["total_count"], expected.size());
  std::set<std::string> ids;
  std::set<std::string> kinds;
  for (const auto& relationship : page["relationships"]) {
    ids.insert(relationship["id"].get<std::string>());
    kinds.insert(relationship["kind"].get<std::string>() + "/" +
                 relationship["type"].get<std::string>() + "/" +
                 relationship["subType"].get<std::string>());
  }
  EXPECT_EQ(ids, expected);
  EXPECT_EQ(kinds, (std::set<std::string>{
                       "edge/binding/firewall", "edge/binding/mount", "edge/binding/permission",
                       "edge/non-binding/network", "hierarchical/parent/alias",
                       "hierarchical/parent/inventory", "sibling/sibling/matchLabels"}));
  EXPECT_EQ(get("/api/registry/models/kubernetes/relationships?pagesize=all")["total_count"],
            expected.size());
}

TEST_F(BundledModels, ModelsIncludeMesheryCoreWithAnnotationComponents) {
  auto page = get("/api/registry/models?pagesize=all");
  std::set<std::string> names;
  for (const auto& model : page["models"]) {
    names.insert(model["name"].get<std::string>());
    if (model["name"] == "meshery-core") {
      EXPECT_EQ(model["components_count"], 6);
      EXPECT_EQ(model["registrant"]["kind"], "meshery");
      EXPECT_EQ(model["metadata"]["isAnnotation"], true);
    }
    if (model["name"] == "kubernetes") {
      EXPECT_EQ(model["relationships_count"], authoredRelationshipIds().size());
    }
  }
  EXPECT_TRUE(names.count("meshery-core")) << page.dump();
  EXPECT_TRUE(names.count("kubernetes")) << page.dump();

  auto components = get("/api/registry/models/meshery-core/components?pagesize=all&trim=true");
  ASSERT_EQ(components["components"].size(), 6U) << components.dump();
  for (const auto& component : components["components"]) {
    EXPECT_EQ(component["metadata"]["isAnnotation"], true) << component["component"]["kind"];
  }
  auto annotations = get("/api/registry/models?annotations=true");
  ASSERT_EQ(annotations["models"].size(), 1U) << annotations.dump();
  EXPECT_EQ(annotations["models"][0]["name"], "meshery-core");
}

}  // namespace
}  // namespace meshery::test
