// Data-driven cases: tests/golden/yaml/parse/<name>.yaml with the expected
// parse() result in <name>.json or the expected error in <name>.error
// (message substring, then "line N"), and optionally parseAll()'s result in
// <name>.docs.json; tests/golden/yaml/emit/<name>.json with the expected
// emit() text in <name>.yaml.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <set>
#include <sstream>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"
#include "yaml_test_support.hpp"

namespace meshery::yaml {
namespace {

namespace fs = std::filesystem;
using testing::readFile;
using testing::strictText;

// tests/golden/yaml in the source tree: $MESHERY_SOURCE_DIR when ctest sets
// it, else the path compiled in.
fs::path goldenRoot() {
  if (const char* source = std::getenv("MESHERY_SOURCE_DIR"); source != nullptr && *source != 0) {
    return fs::path(source) / "tests" / "golden" / "yaml";
  }
  return MESHERY_YAML_GOLDEN_DIR;
}

std::vector<std::string> caseNames(const std::string& kind, const std::string& extension) {
  std::set<std::string> names;
  const fs::path directory = goldenRoot() / kind;
  if (!fs::is_directory(directory)) return {};
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.path().extension() == extension) names.insert(entry.path().stem().string());
  }
  return {names.begin(), names.end()};
}

fs::path parseCase(const std::string& name, const std::string& extension) {
  return goldenRoot() / "parse" / (name + extension);
}

nlohmann::json arrayOf(const std::vector<nlohmann::json>& documents) {
  return nlohmann::json(documents);
}

struct ExpectedError {
  std::string message;
  std::uint32_t line = 0;
};

ExpectedError readExpectedError(const fs::path& path) {
  std::istringstream lines(readFile(path));
  ExpectedError expected;
  std::getline(lines, expected.message);
  std::string line_text;
  std::getline(lines, line_text);
  if (line_text.starts_with("line ")) expected.line = std::stoul(line_text.substr(5));
  return expected;
}

void expectParseError(const std::string& text, const ExpectedError& expected) {
  try {
    const nlohmann::json value = parse(text);
    ADD_FAILURE() << "expected an error, parsed " << strictText(value);
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
    EXPECT_NE(error.message().find(expected.message), std::string::npos) << error.message();
    const std::string line = "line " + std::to_string(expected.line) + ",";
    EXPECT_NE(error.message().find(line), std::string::npos) << error.message();
    ASSERT_TRUE(error.position().has_value());
    EXPECT_EQ(error.position()->line, expected.line);
    EXPECT_FALSE(error.cause().empty());
    EXPECT_FALSE(error.remedy().empty());
  }
}

class YamlParseGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(YamlParseGolden, MatchesExpectedResult) {
  const std::string text = readFile(parseCase(GetParam(), ".yaml"));
  if (fs::exists(parseCase(GetParam(), ".error"))) {
    expectParseError(text, readExpectedError(parseCase(GetParam(), ".error")));
  } else {
    const auto expected = nlohmann::json::parse(readFile(parseCase(GetParam(), ".json")));
    EXPECT_EQ(strictText(parse(text)), strictText(expected));
  }
  if (fs::exists(parseCase(GetParam(), ".docs.json"))) {
    const auto expected = nlohmann::json::parse(readFile(parseCase(GetParam(), ".docs.json")));
    EXPECT_EQ(strictText(arrayOf(parseAll(text))), strictText(expected));
  }
}

// The property emit() promises: whatever parse() produces, emit() writes
// text that parses back to the same JSON.
TEST_P(YamlParseGolden, RoundTripsThroughEmit) {
  const std::string text = readFile(parseCase(GetParam(), ".yaml"));
  std::vector<nlohmann::json> values;
  if (fs::exists(parseCase(GetParam(), ".json"))) values.push_back(parse(text));
  if (fs::exists(parseCase(GetParam(), ".docs.json"))) {
    for (auto& document : parseAll(text)) values.push_back(std::move(document));
  }
  for (const auto& value : values) {
    const std::string emitted = emit(value);
    EXPECT_EQ(strictText(parse(emitted)), strictText(value)) << emitted;
  }
}

INSTANTIATE_TEST_SUITE_P(Cases, YamlParseGolden, ::testing::ValuesIn(caseNames("parse", ".yaml")),
                         [](const auto& test_case) { return test_case.param; });

class YamlEmitGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(YamlEmitGolden, MatchesExpectedTextAndReadsBack) {
  const fs::path directory = goldenRoot() / "emit";
  const auto value = nlohmann::json::parse(readFile(directory / (GetParam() + ".json")));
  const std::string expected = readFile(directory / (GetParam() + ".yaml"));
  EXPECT_EQ(emit(value), expected);
  EXPECT_EQ(strictText(parse(expected)), strictText(value));
}

INSTANTIATE_TEST_SUITE_P(Cases, YamlEmitGolden, ::testing::ValuesIn(caseNames("emit", ".json")),
                         [](const auto& test_case) { return test_case.param; });

TEST(YamlGolden, DirectoriesHoldTheCases) {
  EXPECT_GE(caseNames("parse", ".yaml").size(), 40U) << goldenRoot();
  EXPECT_GE(caseNames("emit", ".json").size(), 20U) << goldenRoot();
  for (const auto& name : caseNames("parse", ".yaml")) {
    const bool has_expectation =
        fs::exists(parseCase(name, ".json")) || fs::exists(parseCase(name, ".error"));
    EXPECT_TRUE(has_expectation) << name << " has neither .json nor .error";
    EXPECT_TRUE(std::all_of(
        name.begin(), name.end(),
        [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'; }))
        << name << " must be snake_case to name a test";
  }
}

}  // namespace
}  // namespace meshery::yaml
