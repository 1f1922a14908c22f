// Loading charts from their files and archives, on Helm's own test charts
// (../shared/fixtures/helm; skipped when absent) and on charts built here.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "helm_test_support.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"
#include "meshery/helm/chart.hpp"

namespace meshery::helm {
namespace {

namespace fs = std::filesystem;
using testing::directoryFiles;
using testing::fixtures;
using testing::readFile;

std::string loadError(std::vector<archive::Entry> files) {
  try {
    loadChart(std::move(files));
  } catch (const Error& error) {
    return error.message();
  }
  return "no error";
}

TEST(ChartLoader, LoadsHelmsSubchartTestChart) {
  if (!fs::exists(fixtures())) GTEST_SKIP() << "../shared/fixtures/helm is absent";
  const Chart chart = loadChart(directoryFiles(fixtures() / "testcharts" / "subchart"));
  EXPECT_EQ(chart.name(), "subchart");
  EXPECT_EQ(chart.version(), "0.1.0");
  EXPECT_EQ(chart.type(), "application");
  EXPECT_EQ(chart.values["service"]["name"], "nginx");
  EXPECT_EQ(chart.metadata["dependencies"].size(), 2U);
  ASSERT_EQ(chart.dependencies.size(), 2U);
  std::vector<std::string> names;
  for (const auto& dependency : chart.dependencies) names.push_back(dependency.name());
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"subcharta", "subchartb"}));
  EXPECT_EQ(chart.crds().size(), 1U);
  bool has_notes = false;
  for (const auto& file : chart.templates)
    has_notes = has_notes || file.name == "templates/NOTES.txt";
  EXPECT_TRUE(has_notes);
}

TEST(ChartLoader, LoadsAChartArchive) {
  if (!fs::exists(fixtures())) GTEST_SKIP() << "../shared/fixtures/helm is absent";
  const Chart chart =
      loadChartArchive(readFile(fixtures() / "testcharts" / "compressedchart-0.1.0.tgz"));
  EXPECT_EQ(chart.name(), "compressedchart");
  EXPECT_EQ(chart.version(), "0.1.0");
  EXPECT_FALSE(chart.templates.empty());
}

TEST(ChartLoader, RefusesABadChartTypeAsHelmDoes) {
  if (!fs::exists(fixtures())) GTEST_SKIP() << "../shared/fixtures/helm is absent";
  EXPECT_EQ(loadError(directoryFiles(fixtures() / "testcharts" / "chart-bad-type")),
            "validation: chart.metadata.type must be application or library");
}

TEST(ChartLoader, ValidatesMetadata) {
  EXPECT_EQ(loadError({{"values.yaml", "a: 1"}}), "Chart.yaml file is missing");
  EXPECT_EQ(loadError({{"Chart.yaml", "apiVersion: v2\nversion: 1.0.0"}}),
            "validation: chart.metadata.name is required");
  EXPECT_EQ(loadError({{"Chart.yaml", "apiVersion: v2\nname: x\nversion: one"}}),
            "validation: chart.metadata.version \"one\" is invalid");
  EXPECT_EQ(loadError({{"Chart.yaml", "name: x\nversion: 1.0.0"}}),
            "validation: chart.metadata.apiVersion is required");
  EXPECT_EQ(loadError({{"Chart.yaml",
                        "apiVersion: v2\nname: x\nversion: 1.0.0\ndependencies:\n- {name: a}\n- "
                        "{name: b, alias: a}"}}),
            "validation: more than one dependency with name or alias \"a\"");
  const std::string bad_values = loadError(
      {{"Chart.yaml", "apiVersion: v2\nname: x\nversion: 1.0.0"}, {"values.yaml", "a: [1"}});
  EXPECT_TRUE(bad_values.starts_with("cannot load values.yaml: error converting YAML to JSON: "))
      << bad_values;
}

TEST(ChartLoader, SubchartsFromDirectoriesAndArchivesWithTheirErrors) {
  const std::string sub_archive =
      archive::writeArchive({{"packed/Chart.yaml", "apiVersion: v2\nname: packed\nversion: 0.2.0"},
                             {"packed/templates/a.yaml", "a: 1"}},
                            archive::Format::kTarGzip);
  const Chart chart =
      loadChart({{"Chart.yaml", "apiVersion: v2\nname: parent\nversion: 1.0.0"},
                 {"charts/child/Chart.yaml", "apiVersion: v2\nname: child\nversion: 0.1.0"},
                 {"charts/child/values.yaml", "x: 1"},
                 {"charts/packed-0.2.0.tgz", sub_archive},
                 {"files/config.ini", "k=v"}});
  ASSERT_EQ(chart.dependencies.size(), 2U);
  EXPECT_EQ(chart.dependencies[0].name(), "child");
  EXPECT_EQ(chart.dependencies[0].values["x"], 1);
  EXPECT_EQ(chart.dependencies[1].name(), "packed");
  EXPECT_EQ(chart.dependencies[1].templates.size(), 1U);
  ASSERT_EQ(chart.files.size(), 1U);
  EXPECT_EQ(chart.files[0].name, "files/config.ini");
  EXPECT_EQ(loadError({{"Chart.yaml", "apiVersion: v2\nname: parent\nversion: 1.0.0"},
                       {"charts/broken/values.yaml", "a: 1"}}),
            "error unpacking subchart broken in parent: Chart.yaml file is missing");
}

TEST(ChartLoader, HostileArchivesAreRefused) {
  EXPECT_THROW(loadChartArchive("not an archive"), Error);
  const std::string two_roots = archive::writeArchive(
      {{"a/Chart.yaml", "apiVersion: v2\nname: a\nversion: 1.0.0"}, {"b/x", "y"}},
      archive::Format::kTarGzip);
  EXPECT_THROW(loadChartArchive(two_roots), Error);
}

}  // namespace
}  // namespace meshery::helm
