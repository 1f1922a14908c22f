// fromToml against a real helm: generated TOML documents (valid ones, and
// ones broken by a random edit) decoded by libs/helm and by helm v3.17.2,
// which must agree on every value, type and error message. The seed is
// fixed so a failure reproduces; MESHERY_DIFF_SEED and MESHERY_DIFF_COUNT
// explore further.
#include <gtest/gtest.h>

#include <cstdlib>
#include <map>
#include <random>
#include <sstream>

#include "helm_reference.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/helm/release.hpp"
#include "meshery_test/process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::helm {
namespace {

namespace fs = std::filesystem;
using test_reference::referenceHelm;
using test_reference::writeFile;

/// Generates TOML documents from pieces that exercise every token and
/// structure, then sometimes breaks them with one random edit.
class TomlGenerator {
 public:
  explicit TomlGenerator(unsigned seed) : random_(seed) {}

  std::string document() {
    std::string text;
    const int lines = 1 + pick(6);
    for (int i = 0; i < lines; ++i) text += line() + "\n";
    if (pick(3) == 0) text = broken(text);
    if (pick(4) == 0 && !text.empty()) text.pop_back();  // no final newline
    return text;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  template <std::size_t N>
  const char* any(const char* const (&choices)[N]) {
    return choices[pick(static_cast<int>(N))];
  }

  std::string line() {
    switch (pick(8)) {
      case 0:
        return std::string("[") + key() + "]";
      case 1:
        return std::string("[[") + key() + "]]";
      case 2:
        return "# a comment";
      default:
        return key() + " = " + value(0) + (pick(5) == 0 ? " # trailing" : "");
    }
  }

  std::string key() {
    static const char* const kKeys[] = {"a",     "b",           "key-1", "x_y",  "\"quoted key\"",
                                        "'lit'", "\"a.b\"",     "\"\"",  "a.b",  "a.\"c d\"",
                                        "b.c.d", "\"\\u00e9\"", "fruit", "1234", "a . b"};
    return any(kKeys);
  }

  std::string value(int depth) {
    const int kind = pick(depth > 1 ? 6 : 8);
    if (kind == 6) return array(depth);
    if (kind == 7) return inlineTable(depth);
    static const char* const kScalars[] = {"0",
                                           "42",
                                           "-17",
                                           "+5",
                                           "1_000",
                                           "0xff",
                                           "0xDEAD_beef",
                                           "0o17",
                                           "0b101",
                                           "007",
                                           "1__0",
                                           "9223372036854775807",
                                           "9223372036854775808",
                                           "-9223372036854775808",
                                           "3.14",
                                           "-0.0",
                                           "1e6",
                                           "6.02e23",
                                           "1.5e-3",
                                           "1E+2",
                                           "inf",
                                           "-inf",
                                           "+inf",
                                           "nan",
                                           "+nan",
                                           "-nan",
                                           "1.",
                                           "1e400",
                                           "01.5",
                                           "1_0.5_0",
                                           "1.5_",
                                           "true",
                                           "false",
                                           "tru",
                                           "\"s\"",
                                           "\"esc \\\" \\\\ \\n \\t \\u00e9 \\U0001F600\"",
                                           "\"bad \\q\"",
                                           "\"\\ud800\"",
                                           "'lit \\n'",
                                           "\"\"\"ml\nx\"\"\"",
                                           "'''ml\n'x'\n'''",
                                           "\"\"\"\nline \\\n   cont\"\"\"",
                                           "\"\"\"a\"\"\"\"\"",
                                           "\"\"",
                                           "''",
                                           "1979-05-27",
                                           "1979-05-27T07:32:00Z",
                                           "1979-05-27 07:32:00.5+01:00",
                                           "1979-05-27t07:32:00z",
                                           "07:32:00",
                                           "07:32:00.123456",
                                           "1979-02-30",
                                           "1979-5-27",
                                           "1979-05-27T07:32",
                                           "1979-05-27T07:32:00.999999999-07:00",
                                           "1979-05-27T25:00:00",
                                           "2000-02-29",
                                           "nope",
                                           "-",
                                           ".5",
                                           "0x",
                                           "+0x1",
                                           "infinity"};
    return any(kScalars);
  }

  std::string array(int depth) {
    std::string text = "[";
    const int items = pick(4);
    for (int i = 0; i < items; ++i) {
      text += (i ? (pick(3) == 0 ? ",\n  " : ", ") : "") + value(depth + 1);
      if (pick(6) == 0) text += " # note\n";
    }
    if (items > 0 && pick(4) == 0) text += ",";
    return text + "]";
  }

  std::string inlineTable(int depth) {
    std::string text = "{";
    const int pairs = pick(3);
    for (int i = 0; i < pairs; ++i) text += (i ? ", " : " ") + key() + " = " + value(depth + 1);
    if (pairs > 0 && pick(5) == 0) text += ",";
    return text + (pairs ? " }" : "}");
  }

  /// One character deleted, inserted or doubled, or a line repeated.
  std::string broken(std::string text) {
    static const char kInserts[] = "=[]{},.\"'\n# \t\r\x01\\-+:_x";
    const std::size_t at = static_cast<std::size_t>(pick(static_cast<int>(text.size())));
    switch (pick(4)) {
      case 0:
        text.erase(at, 1);
        break;
      case 1:
        text.insert(at, 1, kInserts[pick(static_cast<int>(sizeof kInserts - 1))]);
        break;
      case 2:
        text.insert(at, 1, text[at]);
        break;
      default: {
        const std::size_t end = text.find('\n');
        text += text.substr(0, end + 1);
      }
    }
    return text;
  }

  std::mt19937 random_;
};

constexpr const char* kTemplate = R"({{- range $i, $s := .Values.inputs }}
{{- $m := fromToml $s }}
{{- $types := list }}
{{- range $k, $v := $m }}{{ $types = append $types (printf "%s=%s" $k (typeOf $v)) }}{{ end }}
d{{ $i }}: {{ printf "%v\n%s\n%s" $m (toJson $m) (join ";" $types) | b64enc }}
{{- end }}
)";

/// "dN: <base64>" lines, decoded, by N.
std::map<int, std::string> decodedLines(const std::string& output) {
  std::map<int, std::string> lines;
  std::istringstream stream(output);
  for (std::string line; std::getline(stream, line);) {
    const auto colon = line.find(": ");
    if (!line.starts_with("d") || colon == std::string::npos) continue;
    const auto bytes = decodeBase64(line.substr(colon + 2));
    lines[std::stoi(line.substr(1, colon - 1))] = bytes.value_or("<undecodable " + line + ">");
  }
  return lines;
}

TEST(HelmDifferential, GeneratedTomlDecodesAsARealHelmDecodesIt) {
  if (!fs::exists(referenceHelm())) {
    GTEST_SKIP() << "no reference helm at " << referenceHelm() << " (scripts/helm-reference)";
  }
  const unsigned seed =
      std::getenv("MESHERY_DIFF_SEED") ? std::stoul(std::getenv("MESHERY_DIFF_SEED")) : 20261203U;
  const int count =
      std::getenv("MESHERY_DIFF_COUNT") ? std::stoi(std::getenv("MESHERY_DIFF_COUNT")) : 1000;
  TomlGenerator generator(seed);
  nlohmann::json inputs = nlohmann::json::array();
  for (int i = 0; i < count; ++i) inputs.push_back(generator.document());
  // JSON is YAML; every control character stays escaped.
  const std::string values = nlohmann::json{{"inputs", inputs}}.dump(-1, ' ', true);
  const std::string chart_yaml = "apiVersion: v2\nname: toml\nversion: 1.0.0\n";

  test::TempDir dir;
  writeFile(dir.path() / "Chart.yaml", chart_yaml);
  writeFile(dir.path() / "values.yaml", values);
  writeFile(dir.path() / "templates" / "t.yaml", kTemplate);
  const auto helm =
      test::run({.args = {referenceHelm().string(), "template", dir.path().string()}});
  ASSERT_EQ(helm.exit_code, 0) << helm.output;
  const auto expected = decodedLines(helm.output);
  ASSERT_EQ(expected.size(), static_cast<std::size_t>(count)) << helm.output;

  Chart chart = loadChart(
      {{"Chart.yaml", chart_yaml}, {"values.yaml", values}, {"templates/t.yaml", kTemplate}});
  const auto actual = decodedLines(templateText(renderRelease(std::move(chart), {})));

  int agreed = 0;
  std::ostringstream report;
  for (const auto& [index, decoded] : expected) {
    const auto found = actual.find(index);
    const std::string ours = found == actual.end() ? "<missing>" : found->second;
    if (ours == decoded) {
      ++agreed;
    } else {
      report << "\n--- " << nlohmann::json(inputs[index]).dump() << "\n  helm: " << decoded
             << "\n  ours: " << ours;
    }
  }
  EXPECT_EQ(agreed, count) << "seed " << seed << ": " << count - agreed << " of " << count
                           << " documents differ:" << report.str();
}

}  // namespace
}  // namespace meshery::helm
