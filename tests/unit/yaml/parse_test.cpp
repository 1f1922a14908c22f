#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"
#include "yaml_test_support.hpp"

namespace meshery::yaml {
namespace {

using testing::strictText;

Error parseError(const std::string& text) {
  try {
    parse(text);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << "no error for: " << text;
  return Error(ErrorCode::kInternal, "no error");
}

std::string billionLaughs(int levels) {
  std::string text = "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (int level = 1; level <= levels; ++level) {
    const std::string name = "l" + std::to_string(level);
    const std::string alias = "*l" + std::to_string(level - 1);
    text += name + ": &" + name + " [";
    for (int i = 0; i < 10; ++i) text += (i == 0 ? "" : ", ") + alias;
    text += "]\n";
  }
  return text;
}

TEST(YamlParse, ReadsAKubernetesManifestAsKubectlWould) {
  const auto value = parse(
      "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: flags\ndata:\n"
      "  enabled: \"true\"\n  answer: \"42\"\nimmutable: yes\n");
  EXPECT_EQ(strictText(value),
            strictText(nlohmann::json{{"apiVersion", "v1"},
                                      {"kind", "ConfigMap"},
                                      {"metadata", {{"name", "flags"}}},
                                      {"data", {{"enabled", "true"}, {"answer", "42"}}},
                                      {"immutable", true}}));
}

TEST(YamlParse, ErrorsCarryCodeCauseRemedyAndOneBasedPosition) {
  const Error error = parseError("a: 1\nb:\n  c: [1, 2\n");
  EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
  ASSERT_TRUE(error.position().has_value());
  EXPECT_GE(error.position()->line, 3U);
  EXPECT_GE(error.position()->column, 1U);
  EXPECT_FALSE(error.cause().empty());
  EXPECT_FALSE(error.remedy().empty());
  EXPECT_EQ(std::string(error.what()), error.message());
}

TEST(YamlParse, NeverLetsAYamlCppExceptionEscape) {
  const std::vector<std::string> inputs = {
      "a: [",     "a: {b",          "- a\nb: c",       "a: 'x",         "? a\n? b\n: c\n: d",
      "&a a: *b", "!<> x",          "%TAG ! !\n--- x", "a: |\n x\n  y", "{a: b}}",
      "[a, b]]",  "- - - - -\n- ]", "a: &a\n  <<: *a", "\"\\q\"",       "%YAML 9.9\n---\na",
  };
  for (const auto& input : inputs) {
    try {
      parseAll(input);
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kMalformedInput) << input;
    } catch (const std::exception& error) {
      ADD_FAILURE() << "escaped: " << error.what() << " for " << input;
    }
  }
}

TEST(YamlParse, RejectsAliasBombsWithinASecond) {
  const Error error = parseError(billionLaughs(9));
  EXPECT_NE(error.message().find("aliases expand"), std::string::npos) << error.message();
}

TEST(YamlParse, AllowsModerateAliasUse) {
  const auto value = parse(billionLaughs(4));
  EXPECT_EQ(value["l4"].size(), 10U);
  EXPECT_EQ(value["l4"][9][9][9][9][9], "lol");
}

TEST(YamlParse, AliasBudgetSpansAllDocumentsOfAStream) {
  std::string stream;
  for (int i = 0; i < 20; ++i) stream += billionLaughs(5) + "---\n";
  EXPECT_THROW(parseAll(stream), Error);
}

// Streams of 64 KiB and more are parsed in two halves at once, cut at a
// document marker; what they read must not change.
std::vector<std::string> manyDocuments(int count) {
  std::vector<std::string> documents;
  for (int i = 0; i < count; ++i) {
    const std::string n = std::to_string(i);
    switch (i % 4) {
      case 0:
        documents.push_back("kind: ConfigMap\nmetadata: {name: cm-" + n +
                            "}\ndata:\n  a: '--- x'\n");
        break;
      case 1:
        documents.push_back("base: &b {replicas: " + n + "}\nspec:\n  <<: *b\n  on: yes\n");
        break;
      case 2:
        documents.push_back("script: |\n  echo " + n + "\n  ---\n  done\nlist: [1, 2.5, null]\n");
        break;
      default:
        documents.push_back("# only a comment " + n + "\n");
        break;
    }
  }
  return documents;
}

std::string streamOf(const std::vector<std::string>& documents) {
  std::string stream;
  for (const auto& document : documents) stream += "---\n" + document;
  return stream;
}

// The largest document of this shape that parses on its own: it takes more
// than half of a stream's alias budget, so two of them cannot both fit.
std::string heavyAliasDocument() {
  std::string fits;
  std::string aliases;
  for (int copies = 1; copies <= 64; ++copies) {
    aliases += copies == 1 ? "*l4" : ", *l4";
    std::string document = billionLaughs(4) + "big: [" + aliases + "]\n";
    try {
      parse(document);
    } catch (const Error&) {
      break;
    }
    fits = std::move(document);
  }
  return fits;
}

TEST(YamlParse, LargeStreamsReadAsTheirDocumentsOneByOne) {
  const std::vector<std::string> documents = manyDocuments(3000);
  const std::string stream = streamOf(documents);
  ASSERT_GT(stream.size(), 128U * 1024);
  std::vector<nlohmann::json> expected;
  for (const auto& document : documents) {
    nlohmann::json value = parse(document);
    if (!value.is_null()) expected.push_back(std::move(value));
  }
  const std::vector<nlohmann::json> values = parseAll(stream);
  ASSERT_EQ(values.size(), expected.size());
  for (std::size_t i = 0; i < values.size(); ++i) {
    ASSERT_EQ(strictText(values[i]), strictText(expected[i])) << i;
  }
  // A directive applies to the document after it: such streams are not cut.
  EXPECT_EQ(parseAll("%YAML 1.1\n" + stream).size(), expected.size());
}

TEST(YamlParse, LargeStreamErrorsGiveTheirLineInTheWholeStream) {
  std::vector<std::string> documents = manyDocuments(3000);
  documents[2800] = "kind: Broken\nkind: Twice\n";  // a duplicate key, reported at its line
  const std::string stream = streamOf(documents);
  std::size_t broken_line = 1;
  for (std::size_t i = 0; i < 2800; ++i) {
    broken_line +=
        1 + static_cast<std::size_t>(std::count(documents[i].begin(), documents[i].end(), '\n'));
  }
  try {
    parseAll(stream);
    FAIL() << "a broken document in the second half was accepted";
  } catch (const Error& error) {
    ASSERT_TRUE(error.position().has_value()) << error.message();
    EXPECT_GE(error.position()->line, broken_line + 1) << error.message();
    EXPECT_LE(error.position()->line, broken_line + 3) << error.message();
  }
}

TEST(YamlParse, AliasBudgetSpansBothHalvesOfALargeStream) {
  const std::string padding = streamOf(manyDocuments(3000));
  ASSERT_FALSE(heavyAliasDocument().empty());
  // One heavy document fits the budget wherever it lies...
  EXPECT_NO_THROW(parseAll("---\n" + heavyAliasDocument() + padding));
  EXPECT_NO_THROW(parseAll(padding + "---\n" + heavyAliasDocument()));
  // ... two do not, even with one in each half.
  EXPECT_THROW(parseAll("---\n" + heavyAliasDocument() + padding + "---\n" + heavyAliasDocument()),
               Error);
}

TEST(YamlParse, DeepNestingFailsCleanlyInFlowAndBlockStyle) {
  const std::string flow(100000, '[');
  EXPECT_NE(parseError(flow).message().find("nested deeper"), std::string::npos);
  std::string block;
  for (int depth = 0; depth < 2000; ++depth) block += std::string(depth * 2, ' ') + "k:\n";
  EXPECT_NE(parseError(block).message().find("nested deeper"), std::string::npos);
  std::string dashes;
  for (int depth = 0; depth < 2000; ++depth) dashes += "- ";
  EXPECT_NE(parseError(dashes + "x\n").message().find("nested deeper"), std::string::npos);
}

TEST(YamlParse, AcceptsTheDeepestAllowedNesting) {
  const std::string text = std::string(400, '[') + std::string(400, ']');
  nlohmann::json value = parse(text);
  for (int depth = 1; depth < 400; ++depth) value = value[0];
  EXPECT_EQ(value, nlohmann::json::array());
}

TEST(YamlParse, ParseAllSkipsEmptyAndNullDocuments) {
  const auto documents = parseAll("# c\n---\n---\nnull\n---\na: 1\n--- ~\n---\n- 2\n...\n");
  ASSERT_EQ(documents.size(), 2U);
  EXPECT_EQ(documents[0], (nlohmann::json{{"a", 1}}));
  EXPECT_EQ(documents[1], nlohmann::json::array({2}));
  EXPECT_TRUE(parseAll("").empty());
  EXPECT_TRUE(parseAll("# only a comment\n").empty());
}

TEST(YamlParse, ParseRejectsASecondDocumentAtItsLine) {
  const Error error = parseError("a: 1\n---\nb: 2\n");
  ASSERT_TRUE(error.position().has_value());
  EXPECT_EQ(error.position()->line, 2U);
  EXPECT_EQ(parse("a: 1\n---\n"), (nlohmann::json{{"a", 1}}));
  EXPECT_TRUE(parse("").is_null());
}

TEST(YamlParse, ErrorsInALaterDocumentFailTheWholeStream) {
  EXPECT_THROW(parseAll("a: 1\n---\nb: [\n"), Error);
}

TEST(YamlParse, EscapesDecodeToUtf8) {
  const auto value = parse("a: \"\\x80 \\N \\_ \\L\"\n");
  EXPECT_EQ(value["a"], "\u0080 \u0085 \u00a0 \u2028");
  EXPECT_THROW(parse("a: \"\\ud800\"\n"), Error);
}

TEST(YamlParse, RejectsUtf16WithAHint) {
  const Error error =
      parseError(std::string("\xFF\xFE"
                             "a\0:\0 \0"
                             "1\0",
                             10));
  EXPECT_NE(error.cause().find("UTF-16"), std::string::npos) << error.cause();
}

TEST(YamlParse, DuplicateKeysFailUnlessTheLastMayWin) {
  constexpr std::string_view kTwice = "a: 1\nb: {x: 1, x: 2}\na: 3\n";
  EXPECT_THROW(parse(kTwice), Error);
  const ParseOptions lenient{DuplicateKeys::kLastWins};
  EXPECT_EQ(parse(kTwice, lenient), (nlohmann::json{{"a", 3}, {"b", {{"x", 2}}}}));
  EXPECT_EQ(parseAll(std::string(kTwice) + "---\nc: 1\nc: 2\n", lenient).back(),
            (nlohmann::json{{"c", 2}}));
}

TEST(YamlParse, ABlockMappingLineWithoutColonIsGoYamlsError) {
  // go-yaml: "could not find expected ':'", on the line after the bare key.
  for (const char* text : {"a: 1\ninvalid\n", "a: 1\ninvalid", "- a: 1\n  b\n",
                           "a:\n  b: [1, 2]\n  key:value\n"}) {
    try {
      parse(text);
      ADD_FAILURE() << "accepted: " << text;
    } catch (const Error& error) {
      EXPECT_NE(error.message().find("could not find expected ':'"), std::string::npos)
          << error.message();
    }
  }
  try {
    parse("a: 1\nb: 2\ninvalid\n");
  } catch (const Error& error) {
    EXPECT_EQ(error.message(), "yaml: line 4: could not find expected ':'");
  }
  // Keys that do have their ':'.
  EXPECT_EQ(parse("'q:x': 1\n\"d\\\"q\": 2\nurl: http://x:80\nt:\t3\r\ne:\n"),
            (nlohmann::json{{"q:x", 1}, {"d\"q", 2}, {"url", "http://x:80"}, {"t", 3}, {"e", nullptr}}));
  EXPECT_EQ(parse("? k\n: v\nf: {a, b: 1}\n&x z: 1\n"),
            (nlohmann::json{{"k", "v"}, {"f", {{"a", nullptr}, {"b", 1}}}, {"z", 1}}));
}

}  // namespace
}  // namespace meshery::yaml
