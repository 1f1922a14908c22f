// mesheryctl's configuration and context commands, completion and errors,
// through the built binary.

#include <nlohmann/json.hpp>

#include "mesheryctl_fixture.hpp"

namespace meshery::test {
namespace {

using CliContextE2e = MesheryctlE2e;

TEST_F(CliContextE2e, CreateListSwitchViewDelete) {
  auto created = mesheryctl({"system", "context", "create", "staging", "--url", "http://127.0.0.1:9999"});
  ASSERT_EQ(created.exit_code, 0) << created.output;

  auto listed = mesheryctl({"system", "context", "list"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_TRUE(contains(listed.output, "staging")) << listed.output;
  EXPECT_TRUE(contains(listed.output, "*        e2e")) << listed.output;

  ASSERT_EQ(mesheryctl({"system", "context", "switch", "staging"}).exit_code, 0);
  auto viewed = mesheryctl({"system", "context", "view", "-o", "json"});
  ASSERT_EQ(viewed.exit_code, 0) << viewed.output;
  EXPECT_EQ(nlohmann::json::parse(viewed.output)["endpoint"], "http://127.0.0.1:9999");
  EXPECT_TRUE(contains(readFile(home_ / "config.yaml"), "current-context: staging"));

  auto deleted = mesheryctl({"system", "context", "delete", "staging"});
  ASSERT_EQ(deleted.exit_code, 0) << deleted.output;
  EXPECT_TRUE(contains(deleted.output, "Current context is now 'e2e'")) << deleted.output;
  EXPECT_NE(mesheryctl({"system", "context", "view", "staging"}).exit_code, 0);
}

TEST_F(CliContextE2e, DefaultConfigIsCreatedWhenMissing) {
  std::filesystem::remove(home_ / "config.yaml");
  auto listed = mesheryctl({"system", "context", "list", "-o", "yaml"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_TRUE(contains(listed.output, "current-context: local")) << listed.output;
  EXPECT_TRUE(contains(readFile(home_ / "config.yaml"), "endpoint: http://localhost:9081"));
}

TEST_F(CliContextE2e, MalformedConfigIsAClearErrorAndIsNotOverwritten) {
  const std::string broken = "contexts:\n  e2e: {endpoint: [oops\n";
  writeFile(home_ / "config.yaml", broken);
  auto status = mesheryctl({"system", "status"});
  EXPECT_NE(status.exit_code, 0);
  EXPECT_TRUE(contains(status.output, "Error: cannot parse the mesheryctl configuration")) << status.output;
  EXPECT_TRUE(contains(status.output, "Cause: YAML syntax error at line")) << status.output;
  EXPECT_TRUE(contains(status.output, "Remedy: ")) << status.output;
  EXPECT_NE(mesheryctl({"system", "context", "create", "x"}).exit_code, 0);
  EXPECT_EQ(readFile(home_ / "config.yaml"), broken);
}

TEST_F(CliContextE2e, ExplicitConfigFlagIsHonoured) {
  const auto other = dir_.path() / "other.yaml";
  writeFile(other, "contexts:\n  elsewhere:\n    endpoint: http://localhost:1\n    platform: docker\n"
                   "current-context: elsewhere\n");
  auto listed = mesheryctl({"--config", other.string(), "system", "context", "list"});
  ASSERT_EQ(listed.exit_code, 0) << listed.output;
  EXPECT_TRUE(contains(listed.output, "elsewhere")) << listed.output;
  EXPECT_NE(mesheryctl({"--config", (dir_.path() / "absent.yaml").string(), "system", "status"}).exit_code, 0);
}

TEST_F(CliContextE2e, VersionWithoutAServerStillPrintsTheClient) {
  auto version = mesheryctl({"version"});
  ASSERT_EQ(version.exit_code, 0) << version.output;
  EXPECT_TRUE(contains(version.output, "Client")) << version.output;
  EXPECT_TRUE(contains(version.output, "not reachable")) << version.output;
}

TEST_F(CliContextE2e, CompletionScriptsAreGenerated) {
  auto bash = mesheryctl({"completion", "bash"});
  ASSERT_EQ(bash.exit_code, 0) << bash.output;
  EXPECT_TRUE(contains(bash.output, "complete -F _mesheryctl mesheryctl"));
  EXPECT_TRUE(contains(bash.output, "[\"mesheryctl system context\"]"));
  EXPECT_EQ(mesheryctl({"completion", "fish"}).exit_code, 0);
  EXPECT_EQ(mesheryctl({"completion", "zsh"}).exit_code, 0);
}

}  // namespace
}  // namespace meshery::test
