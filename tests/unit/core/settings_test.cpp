#include "meshery/core/settings.hpp"

#include <gtest/gtest.h>

#include <map>

#include "meshery/core/error.hpp"

namespace meshery {
namespace {

Settings makeSettings() {
  return Settings({{"port", "9081", "port to listen on"},
                   {"log-level", "info", "log level"},
                   {"drain-timeout", "15s", "drain bound"}});
}

Settings::EnvironmentLookup environment(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(Settings, FlagsBeatEnvironmentWhichBeatsFileWhichBeatsDefaults) {
  Settings settings = makeSettings();
  settings.applyFile({{"port", "1000"}, {"log-level", "debug"}, {"drain-timeout", "1s"}}, "f.yaml");
  settings.applyEnvironment(environment({{"MESHERY_PORT", "2000"}, {"MESHERY_LOG_LEVEL", "warn"}}));
  settings.applyFlag("port", "3000");
  EXPECT_EQ(settings.get("port"), "3000");
  EXPECT_EQ(settings.origin("port"), SettingOrigin::kFlag);
  EXPECT_EQ(settings.get("log-level"), "warn");
  EXPECT_EQ(settings.origin("log-level"), SettingOrigin::kEnvironment);
  EXPECT_EQ(settings.get("drain-timeout"), "1s");
  EXPECT_EQ(settings.origin("drain-timeout"), SettingOrigin::kFile);
}

TEST(Settings, UnknownFileKeyIsRejectedNamingTheKeyAndTheKnownOnes) {
  Settings settings = makeSettings();
  try {
    settings.applyFile({{"prot", "1"}}, "/etc/meshery.yaml");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(error.message().find("prot"), std::string::npos);
    EXPECT_NE(error.message().find("/etc/meshery.yaml"), std::string::npos);
    EXPECT_NE(error.remedy().find("port"), std::string::npos);
  }
  EXPECT_EQ(settings.get("port"), "9081");
}

TEST(Settings, IntegersAreRangeChecked) {
  Settings settings = makeSettings();
  EXPECT_EQ(settings.getInt("port", 0, 65535), 9081);
  settings.applyFlag("port", "70000");
  EXPECT_THROW((void)settings.getInt("port", 0, 65535), Error);
  settings.applyFlag("port", "80x");
  EXPECT_THROW((void)settings.getInt("port", 0, 65535), Error);
}

TEST(Settings, EnvironmentNamesAreDerived) {
  EXPECT_EQ(Settings::environmentName("log-level"), "MESHERY_LOG_LEVEL");
}

TEST(Duration, ParsesGoStyleDurations) {
  using std::chrono::milliseconds;
  EXPECT_EQ(parseDuration("250ms"), milliseconds(250));
  EXPECT_EQ(parseDuration("30s"), milliseconds(30'000));
  EXPECT_EQ(parseDuration("1m30s"), milliseconds(90'000));
  EXPECT_EQ(parseDuration("1.5h"), milliseconds(5'400'000));
  EXPECT_EQ(parseDuration("0"), milliseconds(0));
  EXPECT_FALSE(parseDuration("").has_value());
  EXPECT_FALSE(parseDuration("30").has_value());
  EXPECT_FALSE(parseDuration("5 s").has_value());
  EXPECT_FALSE(parseDuration("-5s").has_value());
  Settings settings = makeSettings();
  EXPECT_EQ(settings.getDuration("drain-timeout"), milliseconds(15'000));
}

}  // namespace
}  // namespace meshery
