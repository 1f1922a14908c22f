#include "meshery/cli/config.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>
#include <sstream>

#include "meshery/core/error.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::cli {
namespace {

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

void writeText(const std::filesystem::path& path, const std::string& text) { std::ofstream(path) << text; }

TEST(CliConfig, DefaultsHaveTheLocalContext) {
  const auto config = Config::defaults();
  EXPECT_EQ(config.currentContextName(), "local");
  EXPECT_EQ(config.contextNames(), std::vector<std::string>{"local"});
  const auto local = config.context("local");
  EXPECT_EQ(local.endpoint, "http://localhost:9081");
  EXPECT_EQ(local.platform, "docker");
  EXPECT_EQ(local.token, "default");
  EXPECT_EQ(local.channel, "stable");
  EXPECT_EQ(local.version, "latest");
  ASSERT_EQ(config.tokens().size(), 1U);
  EXPECT_EQ(config.tokens()[0].name, "default");
  EXPECT_EQ(config.tokens()[0].location, "auth.json");
}

TEST(CliConfig, SerializeThenParseGivesTheSameDocument) {
  const auto config = Config::defaults();
  const auto text = config.serialize();
  EXPECT_NE(text.find("current-context: local"), std::string::npos) << text;
  EXPECT_EQ(Config::parse(text, "test").document(), config.document());
}

TEST(CliConfig, KeepsUnknownKeysAndTheirTypesOnRewrite) {
  const std::string text = R"(contexts:
  local:
    endpoint: http://localhost:9081
    platform: docker
    custom-setting: {replicas: 3, enabled: true}
current-context: local
tokens:
- name: default
  location: auth.json
telemetry:
  ratio: 0.5
  labels: ["2", 2, "yes", null, "true"]
)";
  auto config = Config::parse(text, "test");
  auto local = config.context("local");
  local.endpoint = "http://localhost:9999";
  config.setContext("local", local);
  const auto reread = Config::parse(config.serialize(), "test");
  EXPECT_EQ(reread.context("local").endpoint, "http://localhost:9999");
  const auto& document = reread.document();
  EXPECT_EQ(document["contexts"]["local"]["custom-setting"], (nlohmann::json{{"replicas", 3}, {"enabled", true}}));
  EXPECT_EQ(document["telemetry"]["ratio"], 0.5);
  EXPECT_EQ(document["telemetry"]["labels"], nlohmann::json::parse(R"(["2", 2, "yes", null, "true"])"));
}

TEST(CliConfig, NumericLookingFieldsReadAsText) {
  const auto config = Config::parse("contexts: {a: {endpoint: 'http://x:1', version: 1.0, platform: docker}}\n"
                                    "current-context: a\n",
                                    "test");
  EXPECT_EQ(config.context("a").version, "1.0");
}

TEST(CliConfig, RewritingKeepsScalarsAsWritten) {
  const auto config = Config::parse("contexts: {a: {endpoint: 'http://x:1', version: 1.10, token: 007, "
                                    "platform: docker}}\ncurrent-context: a\n",
                                    "test");
  EXPECT_EQ(config.context("a").version, "1.10");
  EXPECT_EQ(config.context("a").token, "007");
  const auto reread = Config::parse(config.serialize(), "rewritten");
  EXPECT_EQ(reread.context("a").version, "1.10");
  EXPECT_EQ(reread.context("a").token, "007");
}

TEST(CliConfig, LoadOrCreateWritesTheDefaultFileOnce) {
  test::TempDir dir;
  const auto path = dir.path() / "home" / "config.yaml";
  bool created = false;
  const auto config = Config::loadOrCreate(path, &created);
  EXPECT_TRUE(created);
  ASSERT_TRUE(std::filesystem::exists(path));
  EXPECT_EQ(config.document(), Config::defaults().document());
  struct stat info {};
  ASSERT_EQ(::stat(path.c_str(), &info), 0);
  EXPECT_EQ(info.st_mode & 0777, 0600U);
  Config::loadOrCreate(path, &created);
  EXPECT_FALSE(created);
}

TEST(CliConfig, MalformedYamlIsAClearErrorAndTheFileIsKept) {
  test::TempDir dir;
  const auto path = dir.path() / "config.yaml";
  const std::string broken = "contexts:\n  local: [unclosed\ncurrent-context: local\n";
  writeText(path, broken);
  try {
    Config::loadOrCreate(path);
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(error.message().find(path.string()), std::string::npos) << error.message();
    EXPECT_NE(error.cause().find("line"), std::string::npos) << error.cause();
    EXPECT_FALSE(error.remedy().empty());
    EXPECT_TRUE(error.position().has_value());
  }
  EXPECT_EQ(readText(path), broken);
}

TEST(CliConfig, WronglyShapedDocumentsAreRejected) {
  for (const std::string text : {"", "just a string\n", "contexts: [a, b]\n", "contexts: {a: 3}\n",
                                 "contexts: {a: {endpoint: [1]}}\n", "tokens: {a: b}\n"}) {
    EXPECT_THROW(Config::parse(text, "test"), Error) << text;
  }
}

TEST(CliConfig, LoadingAMissingExplicitFileIsNotFound) {
  test::TempDir dir;
  try {
    Config::load(dir.path() / "absent.yaml");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
  }
}

TEST(CliConfig, SaveReplacesTheFileAndLeavesNoTemporaryFiles) {
  test::TempDir dir;
  const auto path = dir.path() / "config.yaml";
  auto config = Config::defaults();
  config.save(path);
  config.setContext("other", defaultContext());
  config.save(path);
  EXPECT_TRUE(Config::load(path).hasContext("other"));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir.path())) ++files;
  EXPECT_EQ(files, 1U);
}

TEST(CliConfig, SaveThroughASymlinkReplacesItsTarget) {
  test::TempDir dir;
  const auto target = dir.path() / "real.yaml";
  const auto link = dir.path() / "config.yaml";
  Config::defaults().save(target);
  std::filesystem::create_symlink(target, link);
  auto config = Config::load(link);
  config.setContext("linked", defaultContext());
  config.save(link);
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  EXPECT_TRUE(Config::load(target).hasContext("linked"));
}

}  // namespace
}  // namespace meshery::cli
