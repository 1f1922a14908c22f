// mesheryctl model/component/relationship against the built meshery-server,
// which loads the bundled models (kubernetes, meshery-core) from the build tree.

#include <algorithm>
#include <nlohmann/json.hpp>

#include "mesheryctl_fixture.hpp"

namespace meshery::test {
namespace {

class CliRegistryE2e : public MesheryctlE2e {
 protected:
  void SetUp() override {
    MesheryctlE2e::SetUp();
    const auto build_dir = builtBinary("mesheryctl").parent_path().parent_path().parent_path();
    if (!std::filesystem::exists(build_dir / "models" / "kubernetes")) {
      GTEST_SKIP() << "the bundled kubernetes model is not in " << (build_dir / "models").string();
    }
  }

  void TearDown() override {
    if (pidOnFile() > 1) mesheryctl({"system", "stop"});
    MesheryctlE2e::TearDown();
  }

  /// Number of lines of `text` that start with `prefix`.
  static int linesStartingWith(const std::string& text, const std::string& prefix) {
    std::istringstream lines(text);
    int count = 0;
    for (std::string line; std::getline(lines, line);) count += line.starts_with(prefix) ? 1 : 0;
    return count;
  }
};

TEST_F(CliRegistryE2e, ModelsComponentsAndRelationships) {
  auto started = mesheryctl({"system", "start", "--skip-browser"});
  ASSERT_EQ(started.exit_code, 0) << started.output;

  auto models = mesheryctl({"model", "list"});
  ASSERT_EQ(models.exit_code, 0) << models.output;
  EXPECT_TRUE(contains(models.output, "NAME")) << models.output;
  EXPECT_EQ(linesStartingWith(models.output, "kubernetes "), 1) << models.output;
  EXPECT_EQ(linesStartingWith(models.output, "meshery-core "), 1) << models.output;
  EXPECT_TRUE(contains(models.output, "Total number of models: 2")) << models.output;

  auto count = mesheryctl({"model", "list", "--count"});
  ASSERT_EQ(count.exit_code, 0) << count.output;
  EXPECT_EQ(count.output, "Total number of models: 2\n");

  auto view = mesheryctl({"model", "view", "kubernetes", "-o", "json"});
  ASSERT_EQ(view.exit_code, 0) << view.output;
  EXPECT_EQ(nlohmann::json::parse(view.output)["name"], "kubernetes");
  EXPECT_TRUE(contains(mesheryctl({"model", "view", "kubernetes"}).output, "name: kubernetes"));
  EXPECT_EQ(linesStartingWith(mesheryctl({"model", "search", "KUBE"}).output, "kubernetes "), 1);

  auto page = mesheryctl({"component", "list", "--model", "kubernetes", "--pagesize", "5"});
  ASSERT_EQ(page.exit_code, 0) << page.output;
  EXPECT_EQ(linesStartingWith(page.output, "KIND"), 1) << page.output;
  EXPECT_EQ(std::count(page.output.begin(), page.output.end(), '\n'), 1 + 5 + 2) << page.output;
  EXPECT_TRUE(contains(page.output, "Total number of components: 84")) << page.output;
  auto page_json =
      mesheryctl({"component", "list", "--pagesize", "5", "--page", "2", "-o", "json"});
  ASSERT_EQ(page_json.exit_code, 0) << page_json.output;
  EXPECT_EQ(nlohmann::json::parse(page_json.output).size(), 5U);

  auto search = mesheryctl({"component", "search", "deploy"});
  ASSERT_EQ(search.exit_code, 0) << search.output;
  EXPECT_GE(linesStartingWith(search.output, "Deployment "), 2) << search.output;
}

TEST_F(CliRegistryE2e, ViewNarrowingAndErrors) {
  ASSERT_EQ(mesheryctl({"system", "start", "--skip-browser"}).exit_code, 0);

  auto ambiguous = mesheryctl({"component", "view", "Deployment"});
  EXPECT_EQ(ambiguous.exit_code, 1) << ambiguous.output;
  EXPECT_TRUE(contains(ambiguous.output, "apps/v1beta1")) << ambiguous.output;
  EXPECT_TRUE(contains(ambiguous.output, "--api-version")) << ambiguous.output;

  auto exact =
      mesheryctl({"component", "view", "Deployment", "--api-version", "apps/v1", "-o", "json"});
  ASSERT_EQ(exact.exit_code, 0) << exact.output;
  const auto component = nlohmann::json::parse(exact.output);
  EXPECT_EQ(component["component"]["kind"], "Deployment");
  EXPECT_EQ(component["component"]["version"], "apps/v1");

  auto relationships = mesheryctl({"relationship", "list"});
  ASSERT_EQ(relationships.exit_code, 0) << relationships.output;
  // The relationship definitions authored in models/kubernetes/…/relationships.
  EXPECT_TRUE(contains(relationships.output, "Total number of relationships: 40"))
      << relationships.output;
  auto of_model = mesheryctl({"relationship", "view", "kubernetes"});
  ASSERT_EQ(of_model.exit_code, 0) << of_model.output;
  EXPECT_TRUE(contains(of_model.output, "subType: inventory")) << of_model.output;
  auto none = mesheryctl({"relationship", "view", "meshery-core"});
  ASSERT_EQ(none.exit_code, 0) << none.output;
  EXPECT_TRUE(contains(none.output, "no relationships")) << none.output;
  EXPECT_EQ(mesheryctl({"relationship", "search", "--kind", "edge"}).exit_code, 0);

  auto unknown = mesheryctl({"model", "view", "no-such-model"});
  EXPECT_EQ(unknown.exit_code, 1) << unknown.output;
  EXPECT_TRUE(contains(unknown.output, "Error: model 'no-such-model' not found")) << unknown.output;
  EXPECT_EQ(mesheryctl({"relationship", "view", "no-such-model"}).exit_code, 1);
  EXPECT_EQ(mesheryctl({"model", "list", "--page", "0"}).exit_code, 1);
}

TEST_F(CliRegistryE2e, ServerDownIsAnError) {
  auto result = mesheryctl({"model", "list"});
  EXPECT_EQ(result.exit_code, 1) << result.output;
  EXPECT_TRUE(contains(result.output, "did not answer")) << result.output;
  EXPECT_TRUE(contains(result.output, "Remedy: Start it with 'mesheryctl system start'"))
      << result.output;
}

}  // namespace
}  // namespace meshery::test
