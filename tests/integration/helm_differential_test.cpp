// A differential fuzzer: template snippets generated from a grammar of
// functions, pipelines and values, each rendered by libs/helm and by a real
// helm (v3.17.2, installed by scripts/helm-reference), which must agree on
// the output or the error. The seed is fixed so a failure reproduces;
// MESHERY_DIFF_SEED and MESHERY_DIFF_COUNT explore further.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <sstream>

#include "helm_reference.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"
#include "meshery/helm/release.hpp"
#include "meshery_test/process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::helm {
namespace {

namespace fs = std::filesystem;

using test_reference::referenceHelm;
using test_reference::writeFile;

constexpr const char* kValues = R"(s: "Hello, World"
e: ""
n: 42
f: 3.5
neg: -7
big: 1000000
t: true
z: null
l: [3, "b", 1.5, true]
sl: [pear, apple, fig, apple]
m: {b: 2, a: x, c: [1, 2]}
nested: {a: {b: {c: deep}}}
csv: "a,b,,c"
ver: "1.2.3-rc.1"
)";

/// Generates one expression: an atom, a function call, or a pipeline.
class SnippetGenerator {
 public:
  explicit SnippetGenerator(unsigned seed) : random_(seed) {}

  std::string expression(int depth = 0) {
    const int choice = pick(depth > 1 ? 2 : 5);
    if (choice < 2) return atom();
    if (choice == 2) return pipeline(depth);
    return call(depth);
  }

 private:
  struct Function {
    const char* name;
    int arity;
  };

  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  std::string atom() {
    static const char* const kAtoms[] = {".Values.s",
                                         ".Values.e",
                                         ".Values.n",
                                         ".Values.f",
                                         ".Values.neg",
                                         ".Values.big",
                                         ".Values.t",
                                         ".Values.z",
                                         ".Values.l",
                                         ".Values.sl",
                                         ".Values.m",
                                         ".Values.nested.a",
                                         ".Values.csv",
                                         ".Values.ver",
                                         ".Values.missing",
                                         "\"abc\"",
                                         "\"a-b_c D\"",
                                         "\"  pad  \"",
                                         "\"\"",
                                         "3",
                                         "0",
                                         "-2",
                                         "2.5",
                                         "true",
                                         "false",
                                         "(list 1 \"two\" 3)",
                                         "(dict \"k\" \"v\" \"n\" 1)",
                                         ".Release.Name",
                                         ".Chart.Name",
                                         "\"1.2.3\"",
                                         "\"x,y,z\"",
                                         "\"12\"",
                                         ".Capabilities.KubeVersion.Version",
                                         "(.Capabilities.APIVersions.Has \"batch/v1beta1\")"};
    return kAtoms[pick(static_cast<int>(std::size(kAtoms)))];
  }

  const Function& function() {
    static const Function kFunctions[] = {
        {"upper", 1},      {"lower", 1},        {"title", 1},
        {"trim", 1},       {"quote", 1},        {"squote", 1},
        {"b64enc", 1},     {"sha256sum", 1},    {"toString", 1},
        {"len", 1},        {"default", 2},      {"empty", 1},
        {"toJson", 1},     {"toYaml", 1},       {"first", 1},
        {"last", 1},       {"rest", 1},         {"initial", 1},
        {"uniq", 1},       {"sortAlpha", 1},    {"keys", 1},
        {"add", 2},        {"sub", 2},          {"mul", 2},
        {"div", 2},        {"mod", 2},          {"max", 2},
        {"min", 2},        {"add1", 1},         {"int", 1},
        {"int64", 1},      {"float64", 1},      {"atoi", 1},
        {"contains", 2},   {"hasPrefix", 2},    {"hasSuffix", 2},
        {"trimSuffix", 2}, {"trimPrefix", 2},   {"trunc", 2},
        {"repeat", 2},     {"indent", 2},       {"nindent", 2},
        {"replace", 3},    {"split", 2},        {"splitList", 2},
        {"join", 2},       {"has", 2},          {"without", 2},
        {"append", 2},     {"prepend", 2},      {"concat", 2},
        {"compact", 1},    {"reverse", 1},      {"coalesce", 2},
        {"ternary", 3},    {"eq", 2},           {"ne", 2},
        {"lt", 2},         {"ge", 2},           {"and", 2},
        {"or", 2},         {"not", 1},          {"print", 2},
        {"printf", 2},     {"typeOf", 1},       {"kindOf", 1},
        {"kindIs", 2},     {"semver", 1},       {"semverCompare", 2},
        {"regexMatch", 2}, {"regexFind", 2},    {"regexReplaceAll", 3},
        {"snakecase", 1},  {"camelcase", 1},    {"kebabcase", 1},
        {"swapcase", 1},   {"until", 1},        {"get", 2},
        {"hasKey", 2},     {"pluck", 2},        {"dig", 3},
        {"pick", 2},       {"omit", 2},         {"values", 1},
        {"toStrings", 1},  {"index", 2},        {"slice", 2},
        {"urlquery", 1},   {"html", 1},         {"js", 1},
        {"fromYaml", 1},   {"fromJson", 1},     {"tpl", 2},
        {"include", 2},    {"required", 2},     {"b64dec", 1},
        {"round", 2},      {"ceil", 1},         {"floor", 1},
        {"seq", 2},        {"substr", 3},       {"wrap", 2},
        {"abbrev", 2},     {"plural", 3},       {"nospace", 1},
        {"initials", 1},   {"untitle", 1},      {"cat", 3},
        {"toToml", 1},     {"toYamlPretty", 1}, {"fromToml", 1}};
    return kFunctions[pick(static_cast<int>(std::size(kFunctions)))];
  }

  std::string call(int depth) {
    const Function& chosen = function();
    std::string text = std::string("(") + chosen.name;
    for (int i = 0; i < chosen.arity; ++i) {
      text += " " + (pick(4) == 0 ? "(" + expression(depth + 1) + ")" : atom());
    }
    return text + ")";
  }

  std::string pipeline(int depth) {
    static const char* const kStages[] = {"upper",
                                          "quote",
                                          "toJson",
                                          "len",
                                          "toString",
                                          "trim",
                                          "b64enc",
                                          "toYaml",
                                          "first",
                                          "default \"d\"",
                                          "indent 2",
                                          "trunc 3",
                                          "replace \"l\" \"L\"",
                                          "join \"+\"",
                                          "add 1",
                                          "printf \"<%v>\"",
                                          "sortAlpha",
                                          "keys",
                                          "empty",
                                          "not",
                                          "int",
                                          "title",
                                          "nindent 1"};
    std::string text = "(" + expression(depth + 1);
    const int stages = 1 + pick(2);
    for (int i = 0; i < stages; ++i) {
      text += " | " + std::string(kStages[pick(static_cast<int>(std::size(kStages)))]);
    }
    return text + ")";
  }

  std::mt19937 random_;
};

std::string chartTemplate(const std::string& expression) {
  // print's %v formatting of any value, base64 so the document is YAML
  // whatever the expression yields.
  return "{{- define \"part\" }}[{{ .Values.s }}]{{ end -}}\nv: {{ print " + expression +
         " | b64enc }}\n";
}

/// helm template's output, or its error's first line.
std::string realHelm(const fs::path& chart) {
  // Both sides at their defaults (KubeVersion v1.32.0, helm v3.17.2's).
  const auto result = test::run({.args = {referenceHelm().string(), "template", chart.string()}});
  if (result.exit_code == 0) return result.output;
  return result.output.substr(0, result.output.find('\n') + 1);
}

/// The same through libs/helm, an error as mesheryctl prints its first line.
std::string ours(const std::string& text) {
  try {
    Chart loaded = loadChart({{"Chart.yaml", "apiVersion: v2\nname: diff\nversion: 1.0.0\n"},
                              {"values.yaml", kValues},
                              {"templates/t.yaml", text}});
    return templateText(renderRelease(std::move(loaded), nlohmann::json::object()));
  } catch (const Error& error) {
    const std::string message = "Error: " + error.message() + "\n";
    return message.substr(0, message.find('\n') + 1);
  }
}

/// The decoded value of a "v: <base64>" output, for a readable report.
std::string decoded(const std::string& output) {
  const auto at = output.find("v: ");
  if (at == std::string::npos) return output;
  std::string encoded = output.substr(at + 3);
  encoded.erase(encoded.find_last_not_of("\n") + 1);
  auto bytes = decodeBase64(encoded);
  return bytes ? "v = " + *bytes : output;
}

TEST(HelmDifferential, GeneratedSnippetsRenderAsARealHelmRendersThem) {
  if (!fs::exists(referenceHelm())) {
    GTEST_SKIP() << "no reference helm at " << referenceHelm() << " (scripts/helm-reference)";
  }
  const unsigned seed =
      std::getenv("MESHERY_DIFF_SEED") ? std::stoul(std::getenv("MESHERY_DIFF_SEED")) : 20261203U;
  const int count =
      std::getenv("MESHERY_DIFF_COUNT") ? std::stoi(std::getenv("MESHERY_DIFF_COUNT")) : 200;
  SnippetGenerator generator(seed);
  test::TempDir dir;
  int agreed = 0;
  std::ostringstream report;
  for (int i = 0; i < count; ++i) {
    const std::string expression = generator.expression();
    const std::string text = chartTemplate(expression);
    const fs::path chart = dir.path() / ("c" + std::to_string(i));
    writeFile(chart / "Chart.yaml", "apiVersion: v2\nname: diff\nversion: 1.0.0\n");
    writeFile(chart / "values.yaml", kValues);
    writeFile(chart / "templates" / "t.yaml", text);
    const std::string expected = realHelm(chart);
    const std::string actual = ours(text);
    if (expected == actual) {
      ++agreed;
    } else {
      report << "\n{{ " << expression << " }}\n  helm: " << decoded(expected)
             << "\n  ours: " << decoded(actual);
    }
  }
  EXPECT_EQ(agreed, count) << "seed " << seed << ": " << count - agreed << " of " << count
                           << " snippets differ:" << report.str();
}

}  // namespace
}  // namespace meshery::helm
