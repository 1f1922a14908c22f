#include "meshery/core/log.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "meshery/core/error.hpp"

namespace meshery::log {
namespace {

TEST(Log, TextLineHasMessageAndQuotedFieldsWhenNeeded) {
  std::string line = render(Format::kText, Level::kInfo, "request",
                            {{"method", "GET"}, {"path", "/a b"}, {"empty", ""}});
  EXPECT_EQ(line, R"(request method=GET path="/a b" empty="")");
}

TEST(Log, JsonLineIsValidJsonWithEscapedValues) {
  std::string line = render(Format::kJson, Level::kWarn, "say \"hi\"\n",
                            {{"key", "tab\there"}, {"ctl", std::string_view("\x01", 1)}});
  auto parsed = nlohmann::json::parse(line);
  EXPECT_EQ(parsed["level"], "warn");
  EXPECT_EQ(parsed["msg"], "say \"hi\"\n");
  EXPECT_EQ(parsed["key"], "tab\there");
  EXPECT_EQ(parsed["ctl"], "\x01");
  EXPECT_TRUE(parsed["time"].get<std::string>().ends_with("Z"));
}

TEST(Log, ParsesFormatsAndLevelsAndRejectsOthers) {
  EXPECT_EQ(parseFormat("json"), Format::kJson);
  EXPECT_EQ(parseLevel("debug"), Level::kDebug);
  EXPECT_EQ(parseLevel("warning"), Level::kWarn);
  EXPECT_THROW(parseFormat("xml"), Error);
  try {
    parseLevel("loud");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_FALSE(error.remedy().empty());
  }
}

TEST(Log, ConfiguredLevelFiltersLowerLevels) {
  configure(Format::kText, Level::kWarn);
  EXPECT_FALSE(enabled(Level::kInfo));
  EXPECT_TRUE(enabled(Level::kError));
  configure(Format::kText, Level::kInfo);
  EXPECT_TRUE(enabled(Level::kInfo));
}

}  // namespace
}  // namespace meshery::log
