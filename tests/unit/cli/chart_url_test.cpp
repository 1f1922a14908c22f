// mesheryctl chart template with a chart URL (the .tgz fetched over HTTP,
// bounded, rendered like a local chart; failures say what went wrong) and
// the release names it picks.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <sstream>

#include "../helm/helm_test_support.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/cli/run.hpp"
#include "meshery_test/raw_http_server.hpp"

namespace meshery::cli {
namespace {

namespace fs = std::filesystem;

fs::path ownCharts() {
  return fs::path(MESHERY_TEST_SOURCE_DIR) / "tests" / "golden" / "helm" / "charts";
}

/// The chart directory packed as `helm package` writes it.
std::string packed(const std::string& chart) {
  auto entries = helm::testing::directoryFiles(ownCharts() / chart);
  for (auto& entry : entries) entry.path = chart + "/" + entry.path;
  return archive::writeArchive(entries, archive::Format::kTarGzip);
}

std::string answer(const std::string& status, const std::string& body) {
  return "HTTP/1.1 " + status +
         "\r\nContent-Type: application/gzip\r\nContent-Length: " + std::to_string(body.size()) +
         "\r\nConnection: close\r\n\r\n" + body;
}

struct CliRun {
  int code = 0;
  std::string out;
  std::string err;
};

CliRun mesheryctl(const std::vector<std::string>& args) {
  std::ostringstream out;
  std::ostringstream err;
  const int code = run(args, out, err);
  return {code, out.str(), err.str()};
}

TEST(ChartUrl, AChartArchiveIsFetchedAndRenderedAsALocalOne) {
  const std::string archive = packed("globals");
  test::RawHttpServer server([&](const std::string& head) {
    if (head.starts_with("GET /charts/globals-0.1.0.tgz ")) return answer("200 OK", archive);
    if (head.starts_with("GET /charts/broken.tgz ")) return answer("200 OK", "not a tarball");
    return answer("404 Not Found", "no such chart");
  });
  const CliRun rendered =
      mesheryctl({"chart", "template", server.baseUrl() + "/charts/globals-0.1.0.tgz"});
  ASSERT_EQ(rendered.code, 0) << rendered.err;
  EXPECT_EQ(rendered.out, helm::testing::readFile(ownCharts() / "output" / "globals.txt"));

  const CliRun missing = mesheryctl({"chart", "template", server.baseUrl() + "/charts/nope.tgz"});
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.err.find("404"), std::string::npos) << missing.err;
  const CliRun broken = mesheryctl({"chart", "template", server.baseUrl() + "/charts/broken.tgz"});
  EXPECT_EQ(broken.code, 1);
  EXPECT_TRUE(broken.err.starts_with("Error: ")) << broken.err;
  EXPECT_TRUE(broken.out.empty());
}

TEST(ChartNames, GenerateNameAndNameTemplateNameTheRelease) {
  const std::string chart = (ownCharts() / "globals").string();
  const CliRun generated = mesheryctl({"chart", "template", "-g", chart});
  ASSERT_EQ(generated.code, 0) << generated.err;
  // As helm: the chart argument's base name, then the Unix time.
  EXPECT_TRUE(std::regex_search(generated.out, std::regex("name: globals-[0-9]{10}-web\n")))
      << generated.out;
  const CliRun templated =
      mesheryctl({"chart", "template", "--name-template", "{{ \"Shop\" | lower }}-x", chart});
  ASSERT_EQ(templated.code, 0) << templated.err;
  EXPECT_NE(templated.out.find("name: shop-x-web\n"), std::string::npos) << templated.out;
  const CliRun invalid = mesheryctl({"chart", "template", "Not_Valid", chart});
  EXPECT_EQ(invalid.code, 1);
  EXPECT_TRUE(invalid.err.starts_with("Error: release name \"Not_Valid\": invalid release name"))
      << invalid.err;
}

}  // namespace
}  // namespace meshery::cli
