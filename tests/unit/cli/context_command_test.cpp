#include <gtest/gtest.h>

#include <sstream>

#include "meshery/cli/config.hpp"
#include "meshery/cli/run.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::cli {
namespace {

/// Runs mesheryctl commands in-process against a config file in a temp dir.
class CliContextCommand : public ::testing::Test {
 protected:
  void SetUp() override { Config::defaults().save(config_path_); }

  int mesheryctl(std::vector<std::string> args) {
    out_.str({});
    err_.str({});
    args.insert(args.begin(), {"--config", config_path_.string()});
    return run(args, out_, err_);
  }
  Config config() const { return Config::load(config_path_); }

  test::TempDir dir_;
  std::filesystem::path config_path_ = dir_.path() / "config.yaml";
  std::ostringstream out_;
  std::ostringstream err_;
};

TEST_F(CliContextCommand, CreateWithSetMakesItCurrent) {
  ASSERT_EQ(mesheryctl({"system", "context", "create", "dev", "--url", "http://localhost:9999", "--set"}), 0)
      << err_.str();
  EXPECT_EQ(config().currentContextName(), "dev");
  EXPECT_EQ(config().context("dev").endpoint, "http://localhost:9999");
  EXPECT_EQ(config().context("dev").platform, "docker");
}

TEST_F(CliContextCommand, CreateRejectsDuplicatesBadUrlsAndPlatforms) {
  EXPECT_EQ(mesheryctl({"system", "context", "create", "local"}), 1);
  EXPECT_NE(err_.str().find("Error: context 'local' already exists"), std::string::npos) << err_.str();
  EXPECT_NE(err_.str().find("Remedy: "), std::string::npos);
  EXPECT_EQ(mesheryctl({"system", "context", "create", "x", "--url", "localhost:9081"}), 1);
  EXPECT_NE(err_.str().find("Cause: "), std::string::npos) << err_.str();
  EXPECT_EQ(mesheryctl({"system", "context", "create", "y", "--platform", "mainframe"}), 1);
  EXPECT_FALSE(config().hasContext("x"));
  EXPECT_FALSE(config().hasContext("y"));
}

TEST_F(CliContextCommand, SwitchChangesTheCurrentContext) {
  ASSERT_EQ(mesheryctl({"system", "context", "create", "dev"}), 0);
  ASSERT_EQ(mesheryctl({"system", "context", "switch", "dev"}), 0) << err_.str();
  EXPECT_EQ(config().currentContextName(), "dev");
  EXPECT_EQ(mesheryctl({"system", "context", "switch", "nope"}), 1);
  EXPECT_EQ(config().currentContextName(), "dev");
}

TEST_F(CliContextCommand, DeletingTheCurrentContextPassesToAnother) {
  ASSERT_EQ(mesheryctl({"system", "context", "create", "dev"}), 0);
  ASSERT_EQ(mesheryctl({"system", "context", "delete", "local"}), 0) << err_.str();
  EXPECT_NE(out_.str().find("Current context is now 'dev'"), std::string::npos) << out_.str();
  EXPECT_EQ(config().currentContextName(), "dev");
  EXPECT_EQ(mesheryctl({"system", "context", "delete", "dev"}), 1);
  EXPECT_NE(err_.str().find("only context"), std::string::npos) << err_.str();
  EXPECT_TRUE(config().hasContext("dev"));
}

TEST_F(CliContextCommand, ListAndViewAsDocuments) {
  ASSERT_EQ(mesheryctl({"system", "context", "create", "dev", "--url", "http://127.0.0.1:1234"}), 0);
  ASSERT_EQ(mesheryctl({"system", "context", "list", "-o", "json"}), 0) << err_.str();
  const auto listed = nlohmann::json::parse(out_.str());
  EXPECT_EQ(listed["current-context"], "local");
  EXPECT_EQ(listed["contexts"]["dev"]["endpoint"], "http://127.0.0.1:1234");
  ASSERT_EQ(mesheryctl({"system", "context", "view", "dev", "-o", "json"}), 0);
  EXPECT_EQ(nlohmann::json::parse(out_.str())["endpoint"], "http://127.0.0.1:1234");
  ASSERT_EQ(mesheryctl({"system", "context", "list"}), 0);
  EXPECT_NE(out_.str().find("*        local"), std::string::npos) << out_.str();
  ASSERT_EQ(mesheryctl({"system", "context", "view", "--all"}), 0);
  EXPECT_NE(out_.str().find("current-context: local"), std::string::npos) << out_.str();
}

TEST_F(CliContextCommand, UnknownFlagsAndCommandsFail) {
  EXPECT_EQ(mesheryctl({"system", "context", "list", "--bogus"}), 1);
  EXPECT_NE(err_.str().find("Error: "), std::string::npos);
  EXPECT_EQ(mesheryctl({"frobnicate"}), 1);
  EXPECT_EQ(mesheryctl({"system", "context", "list", "-o", "xml"}), 1);
}

TEST_F(CliContextCommand, HelpSucceeds) {
  EXPECT_EQ(mesheryctl({"system", "--help"}), 0);
  EXPECT_NE(out_.str().find("start"), std::string::npos) << out_.str();
  EXPECT_EQ(mesheryctl({}), 0);
  EXPECT_NE(out_.str().find("system"), std::string::npos);
}

}  // namespace
}  // namespace meshery::cli
