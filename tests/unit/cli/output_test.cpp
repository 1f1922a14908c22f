#include "meshery/cli/output.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

TEST(CliOutput, ParsesFormats) {
  EXPECT_EQ(parseOutputFormat(""), OutputFormat::kText);
  EXPECT_EQ(parseOutputFormat("json"), OutputFormat::kJson);
  EXPECT_EQ(parseOutputFormat("yaml"), OutputFormat::kYaml);
  EXPECT_EQ(parseOutputFormat("yml"), OutputFormat::kYaml);
  EXPECT_THROW(parseOutputFormat("xml"), Error);
}

TEST(CliOutput, JsonIsIndentedWithAFinalNewline) {
  EXPECT_EQ(renderJson(nlohmann::json{{"b", 1}, {"a", "x"}}), "{\n  \"a\": \"x\",\n  \"b\": 1\n}\n");
}

TEST(CliOutput, YamlIsBlockStyleWithSortedKeys) {
  const auto value = nlohmann::json::parse(R"({"z": {"list": ["a", 1]}, "a": true, "n": null, "e": {}, "s": []})");
  EXPECT_EQ(renderYaml(value), "a: true\ne: {}\nn: ~\ns: []\nz:\n  list:\n    - a\n    - 1\n");
}

TEST(CliOutput, YamlQuotesStringsThatWouldChangeType) {
  const auto value = nlohmann::json{{"version", "1.0"}, {"flag", "true"}, {"empty", ""}, {"none", "null"},
                                    {"plain", "v0.1.0"}, {"hex", "0x1F"}};
  const auto text = renderYaml(value);
  EXPECT_NE(text.find("version: \"1.0\""), std::string::npos) << text;
  EXPECT_NE(text.find("flag: \"true\""), std::string::npos) << text;
  EXPECT_NE(text.find("empty: \"\""), std::string::npos) << text;
  EXPECT_NE(text.find("none: \"null\""), std::string::npos) << text;
  EXPECT_NE(text.find("hex: \"0x1F\""), std::string::npos) << text;
  EXPECT_NE(text.find("plain: v0.1.0"), std::string::npos) << text;
}

TEST(CliOutput, DocumentFormats) {
  const nlohmann::json value{{"k", "v"}};
  EXPECT_EQ(renderDocument(value, OutputFormat::kJson), renderJson(value));
  EXPECT_EQ(renderDocument(value, OutputFormat::kYaml), "k: v\n");
  EXPECT_THROW(renderDocument(value, OutputFormat::kText), Error);
}

TEST(CliOutput, TablesAreAligned) {
  const auto text = renderTable({"Name", "Endpoint"}, {{"local", "http://localhost:9081"}, {"a", ""}});
  EXPECT_EQ(text, "NAME   ENDPOINT\nlocal  http://localhost:9081\na\n");
  EXPECT_THROW(renderTable({"One"}, {{"a", "b"}}), Error);
}

}  // namespace
}  // namespace meshery::cli
