// Data-driven import cases: tests/golden/design/<case>/ holds one input file
// and either expected.yaml (the imported design, normalised as README.md
// there says) with warnings.txt, or error.txt (the error code on the first
// line, then text the error's message and cause must contain).
// MESHERY_UPDATE_GOLDEN=1 rewrites expected.yaml/warnings.txt from the
// current output (review the diff before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "design_test_support.hpp"
#include "meshery/core/error.hpp"
#include "meshery/design/import.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const std::set<std::string> kCaseFiles = {"expected.yaml", "warnings.txt", "error.txt", "README.md"};

fs::path goldenRoot() { return fs::path(MESHERY_TEST_SOURCE_DIR) / "tests" / "golden" / "design"; }

std::vector<std::string> caseNames() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(goldenRoot())) {
    if (entry.is_directory()) names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

/// The copied definition fields stay out of the golden files: they are the
/// registry's, checked by the unit tests, and would bury what each case shows.
json normalised(json design) {
  design["id"] = "<design id>";
  for (auto& component : design["components"]) {
    json model = {{"name", component["model"].value("name", "")}};
    if (component["model"].contains("model")) model["model"] = component["model"]["model"];
    component["model"] = model;
    for (const char* key : {"capabilities", "modelReference", "description", "format", "status",
                            "schemaVersion"}) {
      component.erase(key);
    }
    if (component.contains("styles")) {
      json position = component["styles"].value("position", json());
      component.erase("styles");
      if (!position.is_null()) component["styles"] = {{"position", position}};
    }
    if (component["component"].contains("schema")) component["component"]["schema"] = "<embedded schema>";
    json metadata = json::object();
    for (const char* key : {"isNamespaced", "isAnnotation", "unresolved", "dependsOn"}) {
      if (component["metadata"].contains(key)) metadata[key] = component["metadata"][key];
    }
    component["metadata"] = metadata;
  }
  return design;
}

std::string warningsText(const ImportResult& result) {
  std::string out = "source type: " + std::string(toString(result.source_type)) + "\n";
  for (const auto& warning : result.warnings) out += warning.subject + ": " + warning.message + "\n";
  for (const auto& issue : result.validation) out += "validation: " + issue.text() + "\n";
  return out;
}

void writeFile(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

class GoldenImport : public ::testing::TestWithParam<std::string> {};

TEST_P(GoldenImport, MatchesExpected) {
  const fs::path dir = goldenRoot() / GetParam();
  std::vector<fs::path> inputs;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (kCaseFiles.count(entry.path().filename().string()) == 0) inputs.push_back(entry.path());
  }
  ASSERT_EQ(inputs.size(), 1U) << "a case has exactly one input file";
  ImportSource source{inputs[0].filename().string(), testing::readFile(inputs[0]), std::nullopt, ""};
  const bool update = std::getenv("MESHERY_UPDATE_GOLDEN") != nullptr;

  if (fs::exists(dir / "error.txt")) {
    std::istringstream expected(testing::readFile(dir / "error.txt"));
    std::string code;
    std::getline(expected, code);
    try {
      importDesign(source, testing::kubernetesRegistry());
      FAIL() << "the import succeeded; expected " << code;
    } catch (const Error& error) {
      EXPECT_EQ(toString(error.code()), code);
      const std::string said = error.message() + "\n" + error.cause();
      for (std::string line; std::getline(expected, line);) {
        if (!line.empty()) {
          EXPECT_NE(said.find(line), std::string::npos) << said << "\nlacks: " << line;
        }
      }
    }
    return;
  }
  ImportResult result = importDesign(source, testing::kubernetesRegistry());
  const std::string design_yaml = yaml::emit(normalised(result.design.toJson()));
  const std::string warnings = warningsText(result);
  if (update) {
    writeFile(dir / "expected.yaml", design_yaml);
    writeFile(dir / "warnings.txt", warnings);
  }
  EXPECT_EQ(design_yaml, testing::readFile(dir / "expected.yaml"));
  EXPECT_EQ(warnings, testing::readFile(dir / "warnings.txt"));
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenImport, ::testing::ValuesIn(caseNames()),
                         [](const auto& case_info) {
                           std::string name = case_info.param;
                           for (char& c : name) {
                             if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
                           }
                           return name;
                         });

TEST(GoldenImport, HasTheCasesTheSuiteRequires) { EXPECT_GE(caseNames().size(), 15U); }

}  // namespace
}  // namespace meshery::design
