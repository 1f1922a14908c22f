// The template engine on charts: Helm's own test chart against
// `helm template`'s golden output, and the semantics of include, tpl,
// required, .Template, .Chart and subchart scopes.
#include "meshery/helm/render.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "helm_test_support.hpp"
#include "meshery/core/error.hpp"
#include "meshery/helm/manifests.hpp"
#include "meshery/helm/values.hpp"

namespace meshery::helm {
namespace {

namespace fs = std::filesystem;
using testing::directoryFiles;
using testing::fixtures;
using testing::readFile;

std::string trim(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(start, end - start + 1));
}

// The documents of a rendered file, trimmed, as Helm's SplitManifests cuts them.
std::vector<std::string> documents(const std::string& text) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (;;) {
    std::size_t marker = text.find("---", at);
    while (marker != std::string::npos && marker != 0 && text[marker - 1] != '\n')
      marker = text.find("---", marker + 3);
    const std::string document = trim(std::string_view(text).substr(
        at, marker == std::string::npos ? std::string::npos : marker - at));
    if (!document.empty()) out.push_back(document);
    if (marker == std::string::npos) break;
    at = marker + 3;
  }
  return out;
}

/// What Helm's test harness renders with: Kubernetes v1.20.0.
RenderOptions helmsHarness() {
  RenderOptions options;
  options.kube_version = parseKubeVersion("1.20.0");
  return options;
}

TEST(HelmRender, EveryManifestOfHelmsSubchartGoldenIsRenderedTheSame) {
  if (!fs::exists(fixtures())) GTEST_SKIP() << "../shared/fixtures/helm is absent";
  const Chart chart = loadChart(directoryFiles(fixtures() / "testcharts" / "subchart"));
  const auto rendered =
      renderChart(chart, coalesceValues(chart, nlohmann::json::object()), helmsHarness());
  const std::string golden = readFile(fixtures() / "output" / "template.txt");
  std::size_t sections = 0;
  for (std::size_t at = golden.find("# Source: "); at != std::string::npos;
       at = golden.find("# Source: ", at)) {
    const std::size_t line_end = golden.find('\n', at);
    const std::string source = golden.substr(at + 10, line_end - at - 10);
    const std::size_t next = golden.find("\n---\n", line_end);
    const std::string content = trim(golden.substr(
        line_end + 1, next == std::string::npos ? std::string::npos : next - line_end - 1));
    ASSERT_TRUE(rendered.contains(source)) << source;
    const auto docs = documents(rendered.at(source));
    EXPECT_NE(std::find(docs.begin(), docs.end(), content), docs.end()) << source << "\n"
                                                                        << rendered.at(source);
    ++sections;
    at = line_end;
  }
  EXPECT_GE(sections, 8U);
}

// `helm template` on Helm's subchart test chart, byte for byte against its
// goldens (cases.tsv: template.txt, template-skip-tests.txt,
// template-with-crds.txt).
TEST(HelmTemplate, PrintsWhatHelmPrints) {
  if (!fs::exists(fixtures())) GTEST_SKIP() << "../shared/fixtures/helm is absent";
  const Chart chart = loadChart(directoryFiles(fixtures() / "testcharts" / "subchart"));
  const auto rendered =
      renderChart(chart, coalesceValues(chart, nlohmann::json::object()), helmsHarness());
  EXPECT_EQ(templateOutput(chart, rendered), readFile(fixtures() / "output" / "template.txt"));
  EXPECT_EQ(templateOutput(chart, rendered, {.include_crds = false, .skip_tests = true}),
            readFile(fixtures() / "output" / "template-skip-tests.txt"));
  EXPECT_EQ(templateOutput(chart, rendered, {.include_crds = true, .skip_tests = false}),
            readFile(fixtures() / "output" / "template-with-crds.txt"));
}

Chart chartOf(std::vector<archive::Entry> templates, std::string values = "") {
  templates.push_back(
      {"Chart.yaml", "apiVersion: v2\nname: app\nversion: 1.2.3\nappVersion: \"9.9\""});
  templates.push_back({"values.yaml", std::move(values)});
  return loadChart(std::move(templates));
}

std::string renderOne(const Chart& chart, const nlohmann::json& user = nlohmann::json::object()) {
  return renderChart(chart, coalesceValues(chart, user)).at("app/templates/t.yaml");
}

std::string renderError(const Chart& chart) {
  try {
    renderChart(chart, coalesceValues(chart, nlohmann::json::object()));
  } catch (const Error& error) {
    return error.message();
  }
  return "no error";
}

TEST(HelmRender, IncludeTplTemplateAndChart) {
  const Chart chart = chartOf(
      {{"templates/_helpers.tpl",
        R"({{ define "app.name" }}{{ .Chart.Name }}-{{ .Values.suffix }}{{ end }})"},
       {"templates/t.yaml",
        R"({{ include "app.name" . }} {{ tpl .Values.text . }} {{ .Template.Name }} {{ .Template.BasePath }} {{ .Chart.AppVersion }} {{ .Release.Name }} [{{ .Values.missing }}])"}},
      "suffix: x\ntext: '{{ .Chart.Version }}/{{ .Values.suffix }}'");
  EXPECT_EQ(renderOne(chart),
            "app-x 1.2.3/x app/templates/t.yaml app/templates 9.9 release-name []");
  EXPECT_EQ(renderChart(chart, coalesceValues(chart, {})).count("app/templates/_helpers.tpl"), 0U);
}

TEST(HelmRender, RequiredFailsWithHelmsMessage) {
  const Chart chart = chartOf(
      {{"templates/t.yaml", "line\n  image: {{ required \"image is required\" .Values.image }}"}});
  EXPECT_EQ(renderError(chart),
            "execution error at (app/templates/t.yaml:2:12): image is required");
}

TEST(HelmRender, ParseAndExecutionErrorsNameTheTemplate) {
  EXPECT_EQ(renderError(chartOf({{"templates/t.yaml", "{{ if }}"}})),
            "parse error at (app/templates/t.yaml:1): missing value for if");
  EXPECT_EQ(renderError(chartOf({{"templates/t.yaml", "{{ .Values.a.b }}"}})),
            "template: app/templates/t.yaml:1:10: executing \"app/templates/t.yaml\" at "
            "<.Values.a.b>: nil "
            "pointer evaluating interface {}.b");
}

TEST(HelmRender, EndlessIncludeStops) {
  const Chart chart =
      chartOf({{"templates/t.yaml",
                R"({{ define "loop" }}{{ include "loop" . }}{{ end }}{{ include "loop" . }})"}});
  const std::string error = renderError(chart);
  EXPECT_NE(error.find("exceeded maximum template depth"), std::string::npos) << error;
}

TEST(HelmRender, RunawayTemplatesStopWithAClearError) {
  // tpl feeding a value to itself recurses without end.
  const Chart self_tpl = chartOf({{"templates/t.yaml", "{{ tpl .Values.t . }}"}},
                                 "t: '{{ tpl .Values.t . }}'");
  EXPECT_NE(renderError(self_tpl).find("exceeded maximum template depth"), std::string::npos)
      << renderError(self_tpl);
  // Loops and output past the render's bounds.
  RenderOptions options;
  options.limits.max_steps = 100'000;
  options.limits.max_output_bytes = 10'000;
  const auto failure = [&options](const std::string& text) -> std::string {
    const Chart chart = chartOf({{"templates/t.yaml", text}});
    try {
      renderChart(chart, coalesceValues(chart, nlohmann::json::object()), options);
    } catch (const Error& error) {
      return error.message();
    }
    return "no error";
  };
  const std::string loops = failure("{{ range until 1000 }}{{ range until 1000 }}{{ end }}{{ end }}");
  EXPECT_NE(loops.find("app/templates/t.yaml"), std::string::npos) << loops;
  EXPECT_NE(loops.find("steps"), std::string::npos) << loops;
  const std::string output = failure("{{ range until 100 }}{{ repeat 1000 \"x\" }}{{ end }}");
  EXPECT_NE(output.find("output"), std::string::npos) << output;
}

}  // namespace
}  // namespace meshery::helm
