// Data-driven cases: tests/golden/{gotmpl,sprig,helm}/*.txt (builtins only;
// with Sprig's functions; with Sprig's and Helm's), each holding many cases
// ("=== name", then "--- template", "--- data" (JSON), "--- options",
// "--- output" or "--- error"). The expected results come from Go's own
// text/template (tools/gotmpl-reference), so this checks the engine against
// Go byte for byte: output, and error messages with their line and column.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/json_value.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/gotmpl/templates.hpp"
#include "meshery/helm/functions.hpp"

namespace meshery::gotmpl {
namespace {

namespace fs = std::filesystem;

// tests/golden in the source tree.
fs::path goldenRoot() {
  if (const char* source = std::getenv("MESHERY_SOURCE_DIR"); source != nullptr && *source != 0) {
    return fs::path(source) / "tests" / "golden";
  }
  return fs::path(MESHERY_GOTMPL_GOLDEN_DIR).parent_path();
}

struct GoldenCase {
  std::string folder;  // "gotmpl": builtins only; "sprig": with Sprig's functions
  std::string file;
  std::string name;
  std::map<std::string, std::string> sections;
};

std::string readFile(const fs::path& path) {
  std::ifstream stream(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

std::vector<GoldenCase> readCases(const fs::path& path) {
  std::vector<GoldenCase> cases;
  std::istringstream lines(readFile(path));
  std::string line;
  std::string* section = nullptr;
  const auto close = [&] {
    if (section != nullptr && !section->empty() && section->back() == '\n') section->pop_back();
    section = nullptr;
  };
  while (std::getline(lines, line)) {
    if (line.starts_with("=== ")) {
      close();
      cases.push_back(
          {path.parent_path().filename().string(), path.stem().string(), line.substr(4), {}});
    } else if (line.starts_with("--- ") && !cases.empty()) {
      close();
      section = &cases.back().sections[line.substr(4)];
    } else if (section != nullptr) {
      *section += line + "\n";
    }
  }
  close();
  return cases;
}

std::vector<GoldenCase> allCases(const std::string& folder) {
  std::vector<GoldenCase> cases;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(goldenRoot() / folder)) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    for (auto& golden : readCases(file)) cases.push_back(std::move(golden));
  }
  return cases;
}

void PrintTo(const GoldenCase& golden, std::ostream* os) {
  *os << golden.file << "/" << golden.name;
}

class GoTemplateGolden : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoTemplateGolden, MatchesGo) {
  const GoldenCase& golden = GetParam();
  const auto section = [&](const std::string& name) -> const std::string* {
    const auto found = golden.sections.find(name);
    return found == golden.sections.end() ? nullptr : &found->second;
  };
  // A fixed random source: cases only check lengths and shapes of random output.
  SprigOptions sprig_options;
  sprig_options.random = [](std::uint8_t* bytes, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<std::uint8_t>(i * 37 + 11);
  };
  FunctionMap functions;
  if (golden.folder != "gotmpl") functions = sprigFunctions(sprig_options);
  if (golden.folder == "helm") {
    for (auto& [name, function] : helm::helmFunctions()) functions[name] = std::move(function);
  }
  Templates templates(std::move(functions));
  if (const auto* options = section("options")) {
    if (*options == "missingkey=zero") templates.setMissingKey(MissingKey::kZero);
    if (*options == "missingkey=error") templates.setMissingKey(MissingKey::kError);
  }
  const Value data = fromJson(section("data") ? nlohmann::json::parse(*section("data"))
                                              : nlohmann::json::object());
  std::string output;
  std::string error;
  try {
    templates.parse("test", section("template") ? *section("template") : "");
    output = templates.execute("test", data);
  } catch (const Error& failure) {
    error = failure.message();
  }
  if (const auto* expected_error = section("error")) {
    EXPECT_EQ(error, *expected_error) << "output: " << output;
  } else {
    ASSERT_NE(section("output"), nullptr) << "case without output or error";
    EXPECT_EQ(error, "");
    EXPECT_EQ(output, *section("output"));
  }
}

const auto kCaseName = [](const auto& case_info) {
  std::string name = case_info.param.file + "_" + case_info.param.name;
  for (char& c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0) c = '_';
  }
  return name;
};

INSTANTIATE_TEST_SUITE_P(Go, GoTemplateGolden, ::testing::ValuesIn(allCases("gotmpl")), kCaseName);
INSTANTIATE_TEST_SUITE_P(Sprig, GoTemplateGolden, ::testing::ValuesIn(allCases("sprig")),
                         kCaseName);
INSTANTIATE_TEST_SUITE_P(Helm, GoTemplateGolden, ::testing::ValuesIn(allCases("helm")), kCaseName);

// Every function of Sprig's TxtFuncMap (v3.2.3), but env and expandenv,
// which Helm removes, and getHostByName, which would query DNS.
TEST(Sprig, HasEverySprigFunction) {
  const std::vector<std::string> names = {"abbrev",
                                          "abbrevboth",
                                          "add",
                                          "add1",
                                          "add1f",
                                          "addf",
                                          "adler32sum",
                                          "ago",
                                          "all",
                                          "any",
                                          "append",
                                          "atoi",
                                          "b32dec",
                                          "b32enc",
                                          "b64dec",
                                          "b64enc",
                                          "base",
                                          "bcrypt",
                                          "biggest",
                                          "buildCustomCert",
                                          "camelcase",
                                          "cat",
                                          "ceil",
                                          "chunk",
                                          "clean",
                                          "coalesce",
                                          "compact",
                                          "concat",
                                          "contains",
                                          "date",
                                          "dateInZone",
                                          "dateModify",
                                          "date_in_zone",
                                          "date_modify",
                                          "decryptAES",
                                          "deepCopy",
                                          "deepEqual",
                                          "default",
                                          "derivePassword",
                                          "dict",
                                          "dig",
                                          "dir",
                                          "div",
                                          "divf",
                                          "duration",
                                          "durationRound",
                                          "empty",
                                          "encryptAES",
                                          "env",
                                          "expandenv",
                                          "ext",
                                          "fail",
                                          "first",
                                          "float64",
                                          "floor",
                                          "fromJson",
                                          "genCA",
                                          "genCAWithKey",
                                          "genPrivateKey",
                                          "genSelfSignedCert",
                                          "genSelfSignedCertWithKey",
                                          "genSignedCert",
                                          "genSignedCertWithKey",
                                          "get",
                                          "getHostByName",
                                          "has",
                                          "hasKey",
                                          "hasPrefix",
                                          "hasSuffix",
                                          "hello",
                                          "htmlDate",
                                          "htmlDateInZone",
                                          "htpasswd",
                                          "indent",
                                          "initial",
                                          "initials",
                                          "int",
                                          "int64",
                                          "isAbs",
                                          "join",
                                          "kebabcase",
                                          "keys",
                                          "kindIs",
                                          "kindOf",
                                          "last",
                                          "list",
                                          "lower",
                                          "max",
                                          "maxf",
                                          "merge",
                                          "mergeOverwrite",
                                          "min",
                                          "minf",
                                          "mod",
                                          "mul",
                                          "mulf",
                                          "mustAppend",
                                          "mustChunk",
                                          "mustCompact",
                                          "mustDateModify",
                                          "mustDeepCopy",
                                          "mustFirst",
                                          "mustFromJson",
                                          "mustHas",
                                          "mustInitial",
                                          "mustLast",
                                          "mustMerge",
                                          "mustMergeOverwrite",
                                          "mustPrepend",
                                          "mustRegexFind",
                                          "mustRegexFindAll",
                                          "mustRegexMatch",
                                          "mustRegexReplaceAll",
                                          "mustRegexReplaceAllLiteral",
                                          "mustRegexSplit",
                                          "mustRest",
                                          "mustReverse",
                                          "mustSlice",
                                          "mustToDate",
                                          "mustToJson",
                                          "mustToPrettyJson",
                                          "mustToRawJson",
                                          "mustUniq",
                                          "mustWithout",
                                          "must_date_modify",
                                          "nindent",
                                          "nospace",
                                          "now",
                                          "omit",
                                          "osBase",
                                          "osClean",
                                          "osDir",
                                          "osExt",
                                          "osIsAbs",
                                          "pick",
                                          "pluck",
                                          "plural",
                                          "prepend",
                                          "quote",
                                          "randAlpha",
                                          "randAlphaNum",
                                          "randAscii",
                                          "randBytes",
                                          "randInt",
                                          "randNumeric",
                                          "regexFind",
                                          "regexFindAll",
                                          "regexMatch",
                                          "regexQuoteMeta",
                                          "regexReplaceAll",
                                          "regexReplaceAllLiteral",
                                          "regexSplit",
                                          "repeat",
                                          "replace",
                                          "rest",
                                          "reverse",
                                          "round",
                                          "semver",
                                          "semverCompare",
                                          "seq",
                                          "set",
                                          "sha1sum",
                                          "sha256sum",
                                          "shuffle",
                                          "slice",
                                          "snakecase",
                                          "sortAlpha",
                                          "split",
                                          "splitList",
                                          "splitn",
                                          "squote",
                                          "sub",
                                          "subf",
                                          "substr",
                                          "swapcase",
                                          "ternary",
                                          "title",
                                          "toDate",
                                          "toDecimal",
                                          "toJson",
                                          "toPrettyJson",
                                          "toRawJson",
                                          "toString",
                                          "toStrings",
                                          "trim",
                                          "trimAll",
                                          "trimPrefix",
                                          "trimSuffix",
                                          "trimall",
                                          "trunc",
                                          "tuple",
                                          "typeIs",
                                          "typeIsLike",
                                          "typeOf",
                                          "uniq",
                                          "unixEpoch",
                                          "unset",
                                          "until",
                                          "untilStep",
                                          "untitle",
                                          "upper",
                                          "urlJoin",
                                          "urlParse",
                                          "uuidv4",
                                          "values",
                                          "without",
                                          "wrap",
                                          "wrapWith"};
  const FunctionMap functions = sprigFunctions();
  std::vector<std::string> missing;
  for (const auto& name : names) {
    if (name == "env" || name == "expandenv" || name == "getHostByName") continue;
    if (!functions.contains(name)) missing.push_back(name);
  }
  EXPECT_EQ(missing, std::vector<std::string>{});
}

}  // namespace
}  // namespace meshery::gotmpl
