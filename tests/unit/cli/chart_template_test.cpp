// Helm's own `helm template` goldens (../shared/fixtures/helm/v3.19.5/
// cases.tsv), each run as `mesheryctl chart template …` with the same
// arguments and compared byte for byte (errors: the first line). Cases
// needing what is not built yet are skipped with the reason.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "../helm/helm_test_support.hpp"
#include "meshery/cli/run.hpp"
#include "meshery_test/process.hpp"

namespace meshery::cli {
namespace {

namespace fs = std::filesystem;
using helm::testing::fixtures;
using helm::testing::readFile;

/// The charts written for these tests, with outputs produced by helm v3.17.2
/// (tools/helm-reference/regenerate.sh).
fs::path ownCharts() {
  return fs::path(MESHERY_TEST_SOURCE_DIR) / "tests" / "golden" / "helm" / "charts";
}

/// A real helm, installed for the tests by scripts/helm-reference; absent,
/// the differential tests skip.
fs::path referenceHelm() {
  if (const char* path = std::getenv("MESHERY_HELM_REFERENCE")) return path;
  return fs::path(MESHERY_TEST_SOURCE_DIR) / ".cache" / "helm-reference" / "helm";
}

struct HelmCase {
  fs::path root;  ///< the folder of cases.tsv: chart paths are relative to it
  std::string golden;
  bool expect_error = false;
  std::vector<std::string> args;
};

void PrintTo(const HelmCase& helm_case, std::ostream* os) {
  *os << helm_case.golden;
}

// Shell-like words: spaces separate, single quotes group.
std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::string word;
  bool quoted = false;
  bool any = false;
  for (const char c : line) {
    if (c == '\'') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) out.push_back(word);
      word.clear();
      any = false;
    } else {
      word += c;
      any = true;
    }
  }
  if (any) out.push_back(word);
  return out;
}

std::vector<HelmCase> cases(const fs::path& root) {
  std::vector<HelmCase> out;
  if (!fs::exists(root / "cases.tsv")) return out;
  std::istringstream lines(readFile(root / "cases.tsv"));
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    HelmCase helm_case;
    helm_case.root = root;
    std::string error;
    std::string args;
    std::getline(fields, helm_case.golden, '\t');
    std::getline(fields, error, '\t');
    std::getline(fields, args);
    helm_case.expect_error = error == "1";
    helm_case.args = words(args);
    out.push_back(std::move(helm_case));
  }
  return out;
}

/// The text up to and including its first "Error: " line: what an error
/// golden holds (helm may print rendered text first, with --debug, and a
/// hint after).
std::string throughErrorLine(const std::string& text) {
  std::size_t at = 0;
  if (!text.starts_with("Error: ")) {
    at = text.find("\nError: ");
    if (at == std::string::npos) return text;
    ++at;
  }
  const std::size_t end = text.find('\n', at);
  return text.substr(0, end == std::string::npos ? text.size() : end + 1);
}

/// Runs `mesheryctl chart ARGS` in the cases' folder: what it prints, then
/// the first line of the error it reports, if any.
std::string mesheryctlChart(const HelmCase& helm_case) {
  const fs::path previous = fs::current_path();
  fs::current_path(helm_case.root);
  std::vector<std::string> args = helm_case.args;
  args.insert(args.begin(), "chart");
  // The goldens assume KubeVersion v1.20.0, as Helm's test harness does.
  if (std::find(args.begin(), args.end(), "--kube-version") == args.end()) {
    args.insert(args.end(), {"--kube-version", "1.20.0"});
  }
  std::ostringstream out;
  std::ostringstream err;
  const int code = run(args, out, err);
  fs::current_path(previous);
  if (code == 0) return out.str();
  const std::string error = err.str();
  return out.str() + error.substr(0, error.find('\n') + 1);
}

/// The same case run by the real helm (KubeVersion v1.20.0 unless the case
/// gives one, as the goldens assume): its output, or what it printed through
/// its error line.
std::string realHelm(const HelmCase& helm_case) {
  // Through sh: a rendering case compares stdout only (helm warns on
  // stderr, e.g. about a missing import-values table); an error case
  // stdout, then stderr without --debug's log lines ("install.go:225: <time>
  // [debug] …") and the blank line after them.
  constexpr const char* kRendering = R"(exec "$0" "$@" 2>/dev/null)";
  constexpr const char* kFailing =
      R"(err=$(mktemp); "$0" "$@" 2>"$err"; code=$?; )"
      R"(grep -v ' \[debug\] ' "$err" | sed '/./,$!d'; rm -f "$err"; exit $code)";
  std::vector<std::string> args = {"/bin/sh", "-c", helm_case.expect_error ? kFailing : kRendering,
                                   referenceHelm().string()};
  args.insert(args.end(), helm_case.args.begin(), helm_case.args.end());
  if (std::find(args.begin(), args.end(), "--kube-version") == args.end()) {
    args.insert(args.end(), {"--kube-version", "1.20.0"});
  }
  const auto result = test::run({.args = args, .cwd = helm_case.root});
  if (result.exit_code == 0) return result.output;
  return throughErrorLine(result.output);
}

class HelmTemplateCases : public ::testing::TestWithParam<HelmCase> {};

TEST_P(HelmTemplateCases, MatchHelmsGolden) {
  const HelmCase& helm_case = GetParam();
  const std::string output = mesheryctlChart(helm_case);
  std::string golden = readFile(helm_case.root / "output" / helm_case.golden);
  if (helm_case.expect_error) golden = throughErrorLine(golden);
  EXPECT_EQ(output, golden);
  const bool failed =
      output.starts_with("Error: ") || output.find("\nError: ") != std::string::npos;
  EXPECT_EQ(failed, helm_case.expect_error);
}

TEST_P(HelmTemplateCases, MatchARealHelm) {
  if (!fs::exists(referenceHelm())) {
    GTEST_SKIP() << "no reference helm at " << referenceHelm() << " (scripts/helm-reference)";
  }
  const HelmCase& helm_case = GetParam();
  EXPECT_EQ(mesheryctlChart(helm_case), realHelm(helm_case));
}

std::string caseName(const ::testing::TestParamInfo<HelmCase>& case_info) {
  std::string name = case_info.param.golden;
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(HelmsOwn, HelmTemplateCases, ::testing::ValuesIn(cases(fixtures())),
                         caseName);
INSTANTIATE_TEST_SUITE_P(OurCharts, HelmTemplateCases, ::testing::ValuesIn(cases(ownCharts())),
                         caseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(HelmTemplateCases);

}  // namespace
}  // namespace meshery::cli
