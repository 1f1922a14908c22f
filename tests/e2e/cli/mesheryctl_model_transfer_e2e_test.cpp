// mesheryctl model import / export / generate against the built server.

#include <nlohmann/json.hpp>

#include "../server/demo_model.hpp"
#include "meshery/archive/archive.hpp"
#include "mesheryctl_fixture.hpp"

namespace meshery::test {
namespace {


class CliModelTransferE2e : public MesheryctlE2e {
 protected:
  void SetUp() override {
    MesheryctlE2e::SetUp();
    auto started = mesheryctl({"system", "start", "--skip-browser"});
    ASSERT_EQ(started.exit_code, 0) << started.output;
  }

  void TearDown() override {
    if (pidOnFile() > 1) mesheryctl({"system", "stop"});
    MesheryctlE2e::TearDown();
  }

  std::filesystem::path work_ = dir_.path() / "work";
};

TEST_F(CliModelTransferE2e, ImportsADirectoryExportsItAndImportsTheArchive) {
  writeDemoModel(work_ / "src", "demo");
  auto dry = mesheryctl({"model", "import", "-f", (work_ / "src").string(), "--dry-run"});
  ASSERT_EQ(dry.exit_code, 0) << dry.output;
  EXPECT_TRUE(contains(dry.output, "not registered")) << dry.output;
  EXPECT_FALSE(contains(mesheryctl({"model", "list"}).output, "demo "));

  auto imported = mesheryctl({"model", "import", "-f", (work_ / "src").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.output;
  EXPECT_TRUE(contains(imported.output, "Registered 1 model(s), 2 component(s), 1 relationship(s)"))
      << imported.output;
  EXPECT_TRUE(contains(mesheryctl({"model", "list"}).output, "demo ")) << "listed after import";

  auto exported = mesheryctl(
      {"model", "export", "demo", "-l", (work_ / "out").string(), "-t", "yaml"});
  ASSERT_EQ(exported.exit_code, 0) << exported.output;
  auto archive_path = work_ / "out" / "demo.tar.gz";
  ASSERT_TRUE(std::filesystem::exists(archive_path)) << exported.output;
  auto files = archive::readArchive(readFile(archive_path));
  ASSERT_EQ(files.size(), 4U);
  EXPECT_EQ(files[0].path, "demo/v1.0.0/v1.0.0/model.yaml");

  auto again = mesheryctl({"model", "import", "-f", archive_path.string(), "-o", "json"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_EQ(nlohmann::json::parse(again.output)["entityCount"]["compCount"], 2);
  EXPECT_TRUE(contains(mesheryctl({"model", "list", "--count"}).output, "Total number of models: "));

  auto missing = mesheryctl({"model", "import", "-f", (work_ / "nope").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_TRUE(contains(missing.output, "does not exist")) << missing.output;
  auto unknown = mesheryctl({"model", "export", "nope", "-l", work_.string()});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_TRUE(contains(unknown.output, "no model named 'nope'")) << unknown.output;
}

TEST_F(CliModelTransferE2e, GeneratesFromCrdsWritesAndRegisters) {
  std::filesystem::create_directories(work_);
  writeFile(work_ / "crds.yaml", kWidgetCrd);
  auto generated = mesheryctl({"model", "generate", "-f", (work_ / "crds.yaml").string(), "-n",
                               "widgets", "--model-version", "v0.3.0", "-l",
                               (work_ / "models").string()});
  ASSERT_EQ(generated.exit_code, 0) << generated.output;
  EXPECT_TRUE(contains(generated.output, "Generated 2 component(s) of model widgets"))
      << generated.output;
  EXPECT_TRUE(std::filesystem::exists(work_ / "models" / "widgets" / "v0.3.0" / "v1.0.0" /
                                      "model.json"))
      << generated.output;
  EXPECT_FALSE(contains(mesheryctl({"model", "list"}).output, "widgets "));

  auto registered = mesheryctl(
      {"model", "generate", "-f", work_.string(), "-n", "widgets", "-r"});
  ASSERT_EQ(registered.exit_code, 0) << registered.output;
  EXPECT_TRUE(contains(registered.output, "and registered them")) << registered.output;
  EXPECT_TRUE(contains(mesheryctl({"model", "list"}).output, "widgets "));

  // The written directory imports as it is.
  auto reimported = mesheryctl({"model", "import", "-f", (work_ / "models").string()});
  ASSERT_EQ(reimported.exit_code, 0) << reimported.output;
  EXPECT_TRUE(contains(reimported.output, "2 component(s)")) << reimported.output;
}

}  // namespace
}  // namespace meshery::test
