#include <gtest/gtest.h>

#include "meshery/cli/config.hpp"
#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

Context makeContext(const std::string& endpoint) {
  Context context = defaultContext();
  context.endpoint = endpoint;
  return context;
}

TEST(CliConfigContexts, AddReplaceAndListSorted) {
  auto config = Config::defaults();
  config.setContext("zeta", makeContext("http://localhost:1"));
  config.setContext("alpha", makeContext("http://localhost:2"));
  EXPECT_EQ(config.contextNames(), (std::vector<std::string>{"alpha", "local", "zeta"}));
  config.setContext("zeta", makeContext("http://localhost:3"));
  EXPECT_EQ(config.context("zeta").endpoint, "http://localhost:3");
}

TEST(CliConfigContexts, EmptyFieldsAreOmittedButPlatformIsKept) {
  auto config = Config::defaults();
  Context bare;
  bare.endpoint = "http://localhost:5";
  config.setContext("bare", bare);
  const auto document = config.contextDocument("bare");
  EXPECT_EQ(document, (nlohmann::json{{"endpoint", "http://localhost:5"}, {"platform", ""}}));
  EXPECT_EQ(config.context("bare"), bare);
}

TEST(CliConfigContexts, ComponentsAndLegacyAdapters) {
  auto config = Config::parse(
      "contexts: {old: {endpoint: 'http://localhost:1', platform: docker, adapters: [meshery-istio]}}\n"
      "current-context: old\n",
      "test");
  EXPECT_EQ(config.context("old").components, std::vector<std::string>{"meshery-istio"});
}

TEST(CliConfigContexts, SwitchingToAnUnknownContextFails) {
  auto config = Config::defaults();
  try {
    config.setCurrentContext("missing");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kNotFound);
    EXPECT_NE(error.cause().find("local"), std::string::npos) << error.cause();
  }
  EXPECT_EQ(config.currentContextName(), "local");
}

TEST(CliConfigContexts, SwitchAndRemove) {
  auto config = Config::defaults();
  config.setContext("dev", makeContext("http://localhost:7"));
  config.setCurrentContext("dev");
  EXPECT_EQ(config.currentContextName(), "dev");
  config.removeContext("local");
  EXPECT_FALSE(config.hasContext("local"));
  EXPECT_THROW(config.removeContext("local"), Error);
  EXPECT_THROW(static_cast<void>(config.context("local")), Error);
}

}  // namespace
}  // namespace meshery::cli
