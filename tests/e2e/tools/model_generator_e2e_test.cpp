// tools/meshery-model-generator writes a model that the registry imports back.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "meshery/registry/model_import.hpp"
#include "meshery_test/process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

namespace fs = std::filesystem;

std::vector<registry::FileEntry> filesUnder(const fs::path& root) {
  std::vector<registry::FileEntry> files;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    files.push_back({fs::relative(entry.path(), root).string(), bytes.str()});
  }
  return files;
}

RunResult generate(std::vector<std::string> args) {
  ProcessOptions options;
  options.args = {(fs::path(MESHERY_TEST_BINARY_DIR) / "tools" / "meshery-model-generator").string()};
  options.args.insert(options.args.end(), args.begin(), args.end());
  return run(std::move(options));
}

TEST(ModelGenerator, WritesMesherysLayoutFromCrdsAndReportsBadOnes) {
  TempDir out;
  fs::path crds = fs::path(MESHERY_TEST_SOURCE_DIR) / "tests" / "golden" / "registry" / "crd" /
                  "mixed-documents-with-failures" / "input.yaml";
  auto result = generate({"--crds", crds.string(), "--name", "tls-demo", "--version", "v2.0.0",
                          "--out", out.path().string()});
  ASSERT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("tls-demo v2.0.0: 1 components"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("warning: " + crds.string() + "#2"), std::string::npos) << result.output;
  fs::path root = out.path() / "tls-demo" / "v2.0.0" / "v1.0.0";
  EXPECT_TRUE(fs::exists(root / "model.json"));
  EXPECT_TRUE(fs::exists(root / "components" / "Certificate.json"));

  auto imported = registry::importModels(filesUnder(out.path()));
  EXPECT_TRUE(imported.failures.empty());
  ASSERT_EQ(imported.models.size(), 1U);
  ASSERT_EQ(imported.components.size(), 1U);
  EXPECT_EQ(imported.components[0].kind, "Certificate");
}

TEST(ModelGenerator, FailsClearlyWhenNothingCanBeGenerated) {
  TempDir out;
  fs::path empty = out.path() / "empty.yaml";
  std::ofstream(empty) << "apiVersion: v1\nkind: ConfigMap\n";
  auto result = generate({"--crds", empty.string(), "--name", "none", "--out", out.path().string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.output.find("no components were generated"), std::string::npos) << result.output;
  auto missing = generate({"--openapi", (out.path() / "nope.json").string(), "--name", "x", "--out",
                           out.path().string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.output.find("cannot read"), std::string::npos) << missing.output;
}

TEST(ModelGenerator, TheBundledKubernetesModelImportsCleanly) {
  fs::path bundled = fs::path(MESHERY_TEST_BINARY_DIR) / "models";
  if (!fs::exists(bundled / "kubernetes")) {
    GTEST_SKIP() << "no bundled kubernetes model (scripts/bootstrap fetches its OpenAPI document)";
  }
  auto imported = registry::importModels(filesUnder(bundled));
  EXPECT_TRUE(imported.failures.empty()) << imported.failures.front().error.message();
  // The generated kubernetes model and the authored meshery-core model (models/).
  ASSERT_EQ(imported.models.size(), 2U);
  auto kubernetes = std::find_if(imported.models.begin(), imported.models.end(),
                                 [](const auto& model) { return model.name == "kubernetes"; });
  ASSERT_NE(kubernetes, imported.models.end());
  EXPECT_GT(
      std::count_if(imported.components.begin(), imported.components.end(),
                    [](const auto& component) { return component.model.name == "kubernetes"; }),
      80);
}

}  // namespace
}  // namespace meshery::test
