// Data-driven cases: tests/golden/compose/<case>/docker-compose.yaml with
// the expected manifests in expected.yaml (multi-document, in output order)
// and the expected warnings in warnings.txt ("subject: message" per line),
// or the expected error in error.txt (code, then a message substring, then
// optionally "line N"). Files beside the Compose file (env files, configs,
// bind-mounted files) live under files/; variables in environment.txt.
// MESHERY_UPDATE_GOLDEN=1 rewrites expected.yaml and warnings.txt.
#include <gtest/gtest.h>

#include <cstdlib>
#include <set>

#include "compose_test_support.hpp"
#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

namespace fs = std::filesystem;
using testing::readText;

fs::path goldenRoot() {
  if (const char* source = std::getenv("MESHERY_SOURCE_DIR"); source != nullptr && *source != 0) {
    return fs::path(source) / "tests" / "golden" / "compose";
  }
  return fs::path(MESHERY_TEST_SOURCE_DIR) / "tests" / "golden" / "compose";
}

std::vector<std::string> caseNames() {
  std::set<std::string> names;
  for (const auto& entry : fs::directory_iterator(goldenRoot())) {
    if (fs::exists(entry.path() / "docker-compose.yaml"))
      names.insert(entry.path().filename().string());
  }
  return {names.begin(), names.end()};
}

ComposeOptions optionsFor(const fs::path& directory) {
  ComposeOptions options;
  options.files =
      testing::filesUnder(directory / "files", [](const std::string&) { return false; });
  if (fs::exists(directory / "environment.txt")) {
    options.environment = testing::variablesIn(readText(directory / "environment.txt"));
  }
  return options;
}

std::string manifestsText(const std::vector<nlohmann::json>& manifests) {
  std::string text;
  for (const auto& manifest : manifests) text += "---\n" + yaml::emit(manifest);
  return text;
}

std::string warningsText(const std::vector<ComposeWarning>& warnings) {
  std::string text;
  for (const auto& warning : warnings) text += warning.subject + ": " + warning.message + "\n";
  return text;
}

void expectError(const fs::path& directory, const std::string& compose,
                 const ComposeOptions& options) {
  std::istringstream expected(readText(directory / "error.txt"));
  std::string code;
  std::string message;
  std::string line;
  std::getline(expected, code);
  std::getline(expected, message);
  std::getline(expected, line);
  try {
    const auto conversion = convertCompose(compose, options);
    ADD_FAILURE() << "expected an error, got " << conversion.manifests.size() << " manifests";
  } catch (const Error& error) {
    EXPECT_EQ(toString(error.code()), code);
    EXPECT_NE(error.message().find(message), std::string::npos) << error.message();
    EXPECT_FALSE(error.cause().empty());
    EXPECT_FALSE(error.remedy().empty());
    if (line.starts_with("line ")) {
      ASSERT_TRUE(error.position().has_value());
      EXPECT_EQ(error.position()->line, std::stoul(line.substr(5)));
    }
  }
}

TEST(ComposeGolden, EveryCaseConvertsAsExpected) {
  const auto names = caseNames();
  EXPECT_GE(names.size(), 20U);
  const bool update = std::getenv("MESHERY_UPDATE_GOLDEN") != nullptr;
  for (const auto& name : names) {
    SCOPED_TRACE("case " + name);
    const fs::path directory = goldenRoot() / name;
    const std::string compose = readText(directory / "docker-compose.yaml");
    const ComposeOptions options = optionsFor(directory);
    if (fs::exists(directory / "error.txt")) {
      expectError(directory, compose, options);
      continue;
    }
    ComposeConversion conversion;
    try {
      conversion = convertCompose(compose, options);
    } catch (const Error& error) {
      ADD_FAILURE() << "error: " << error.message();
      continue;
    }
    const std::string manifests = manifestsText(conversion.manifests);
    const std::string warnings = warningsText(conversion.warnings);
    if (update) {
      std::ofstream(directory / "expected.yaml", std::ios::binary) << manifests;
      std::ofstream(directory / "warnings.txt", std::ios::binary) << warnings;
      continue;
    }
    EXPECT_EQ(manifests, readText(directory / "expected.yaml"));
    EXPECT_EQ(warnings, readText(directory / "warnings.txt"));
    // Every manifest reads back as the same document.
    EXPECT_EQ(yaml::parseAll(manifests), conversion.manifests);
  }
}

TEST(ComposeDetection, RecognisesComposeAndRejectsManifests) {
  EXPECT_TRUE(looksLikeCompose(nlohmann::json::parse(R"({"services":{"web":{"image":"nginx"}}})")));
  EXPECT_TRUE(
      looksLikeCompose(nlohmann::json::parse(R"({"version":"2","services":{"b":{"build":"."}}})")));
  EXPECT_FALSE(looksLikeCompose(nlohmann::json::parse(R"({"services":{}})")));
  EXPECT_FALSE(looksLikeCompose(nlohmann::json::parse(R"({"services":["web"]})")));
  EXPECT_FALSE(looksLikeCompose(nlohmann::json::parse(R"({"services":{"web":"nginx"}})")));
  EXPECT_FALSE(looksLikeCompose(nlohmann::json::parse(
      R"({"apiVersion":"v1","kind":"List","services":{"web":{"image":"x"}}})")));
  EXPECT_FALSE(looksLikeCompose(nlohmann::json::parse(R"({"services":{"web":{"colour":"red"}}})")));
  EXPECT_FALSE(looksLikeCompose(nlohmann::json::parse("[1,2]")));
}

}  // namespace
}  // namespace meshery::design
