// Data-driven cases of tests/golden/registry (see its README).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "meshery/registry/generation.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::registry {
namespace {

namespace fs = std::filesystem;

fs::path goldenRoot() {
  return fs::path(MESHERY_TEST_SOURCE_DIR) / "tests" / "golden" / "registry";
}

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

GenerationModel goldenModel() {
  GenerationModel model;
  model.name = "golden";
  model.upstream_version = "v0.0.1";
  model.source_uri = "file://golden";
  return model;
}

nlohmann::json summary(const GenerationResult& result) {
  nlohmann::json components = nlohmann::json::array();
  for (const auto& component : result.components) {
    components.push_back({{"apiVersion", component["component"]["version"]},
                          {"kind", component["component"]["kind"]},
                          {"displayName", component["displayName"]},
                          {"isNamespaced", component["metadata"]["isNamespaced"]},
                          {"schema", nlohmann::json::parse(component["component"]["schema"].get<std::string>())}});
  }
  nlohmann::json failures = nlohmann::json::array();
  for (const auto& failure : result.failures) {
    failures.push_back({{"source", failure.source}, {"error", failure.error.message()}});
  }
  return {{"components", components}, {"failures", failures}};
}

/// Failure messages in expected.json may be substrings of the real ones.
void expectMatches(const nlohmann::json& actual, const nlohmann::json& expected, const fs::path& dir) {
  EXPECT_EQ(actual["components"], expected["components"]) << dir;
  ASSERT_EQ(actual["failures"].size(), expected["failures"].size()) << dir << "\n" << actual["failures"].dump(2);
  for (std::size_t i = 0; i < expected["failures"].size(); ++i) {
    EXPECT_EQ(actual["failures"][i]["source"], expected["failures"][i]["source"]) << dir;
    EXPECT_NE(actual["failures"][i]["error"].get<std::string>().find(
                  expected["failures"][i]["error"].get<std::string>()),
              std::string::npos)
        << dir << ": " << actual["failures"][i]["error"];
  }
}

void runCase(const fs::path& dir, const std::function<GenerationResult(const fs::path&)>& generate) {
  nlohmann::json actual = summary(generate(dir));
  fs::path expected_file = dir / "expected.json";
  if (std::getenv("MESHERY_UPDATE_GOLDEN") != nullptr) {
    std::ofstream(expected_file) << actual.dump(2) << "\n";
    return;
  }
  ASSERT_TRUE(fs::exists(expected_file)) << expected_file;
  expectMatches(actual, nlohmann::json::parse(readFile(expected_file)), dir);
}

std::vector<fs::path> casesIn(const std::string& kind) {
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(goldenRoot() / kind)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  return cases;
}

TEST(GenerationGolden, CustomResourceDefinitions) {
  auto cases = casesIn("crd");
  ASSERT_GE(cases.size(), 5U);
  for (const auto& dir : cases) {
    SCOPED_TRACE(dir.filename().string());
    runCase(dir, [](const fs::path& case_dir) {
      std::vector<SourceDocument> documents;
      auto parsed = yaml::parseAll(readFile(case_dir / "input.yaml"));
      for (std::size_t i = 0; i < parsed.size(); ++i) {
        documents.push_back({"input.yaml#" + std::to_string(i + 1), parsed[i]});
      }
      return generateFromCrds(documents, goldenModel());
    });
  }
}

TEST(GenerationGolden, OpenApiDocuments) {
  auto cases = casesIn("openapi");
  ASSERT_GE(cases.size(), 3U);
  for (const auto& dir : cases) {
    SCOPED_TRACE(dir.filename().string());
    runCase(dir, [](const fs::path& case_dir) {
      return generateFromOpenApi(nlohmann::json::parse(readFile(case_dir / "input.json")),
                                 "input.json", goldenModel());
    });
  }
}

}  // namespace
}  // namespace meshery::registry
