// The fast subset reader (libs/yaml/src/subset_parser.cpp) against
// yaml-cpp: every text must parse to the same documents, or fail with the
// same error, whichever reader takes it. A leading byte order mark keeps
// the subset reader out, so parsing "\xEF\xBB\xBF" + text is yaml-cpp's
// answer. Inputs: every YAML file of the project's goldens and fixtures,
// and generated manifests (valid ones, and ones broken by one edit).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"
#include "yaml_test_support.hpp"

namespace meshery::yaml {
namespace {

namespace fs = std::filesystem;
using testing::readFile;
using testing::strictText;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

/// The documents as text, or the error's message and position.
std::string outcome(std::string_view text, bool single) {
  try {
    if (single) return strictText(parse(text));
    std::string out;
    for (const auto& document : parseAll(text)) out += strictText(document) + "\n---\n";
    return out;
  } catch (const Error& error) {
    std::string where;
    if (error.position()) {
      where = " @" + std::to_string(error.position()->line) + ":" +
              std::to_string(error.position()->column);
    }
    return "error: " + error.message() + where;
  }
}

/// Empty when both readers agree, else a report.
std::string disagreement(const std::string& text) {
  std::string report;
  for (const bool single : {false, true}) {
    const std::string fast = outcome(text, single);
    const std::string reference = outcome(std::string(kByteOrderMark) + text, single);
    if (fast != reference) {
      report += std::string(single ? "parse" : "parseAll") + " of:\n" + text +
                "\n--- subset reader:\n" + fast + "\n--- yaml-cpp:\n" + reference + "\n";
    }
  }
  return report;
}

std::vector<fs::path> yamlFiles() {
  const fs::path root = MESHERY_TEST_SOURCE_DIR;
  std::vector<fs::path> files;
  for (const fs::path& dir : {root / "tests" / "golden", root / ".." / "shared" / "fixtures"}) {
    if (!fs::exists(dir)) continue;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
      const std::string extension = entry.path().extension().string();
      if (entry.is_regular_file() && (extension == ".yaml" || extension == ".yml") &&
          entry.file_size() < 2'000'000) {
        files.push_back(entry.path());
      }
    }
  }
  return files;
}

TEST(YamlSubsetReader, ReadsEveryProjectFileAsYamlCppDoes) {
  const auto files = yamlFiles();
  ASSERT_GT(files.size(), 50U);
  for (const auto& file : files) {
    const std::string text = readFile(file);
    if (text.starts_with(kByteOrderMark)) continue;
    EXPECT_EQ(disagreement(text), "") << file;
  }
}

/// Manifests from the pieces Kubernetes YAML is made of.
class ManifestGenerator {
 public:
  explicit ManifestGenerator(unsigned seed) : random_(seed) {}

  std::string stream() {
    edgy_ = pick(4) == 0;  // most streams stay in the subset, some leave it
    std::string text = pick(3) == 0 ? "---\n" : "";
    const int documents = 1 + pick(3);
    for (int i = 0; i < documents; ++i) {
      if (i > 0) text += pick(4) == 0 ? "---\n---\n" : "---\n";
      text += mapping(0, 0);
    }
    if (pick(4) == 0) text += "---\n";
    if (edgy_ && pick(2) == 0) text = broken(text);
    return text;
  }

 private:
  int pick(int n) { return std::uniform_int_distribution<int>(0, n - 1)(random_); }

  /// A key not yet in `used` (duplicates would only test the error path).
  std::string key(std::vector<std::string>& used) {
    // "on", "yes" and "true" are all the key "true"; null keys, "<<" with a
    // scalar, and NaN or infinite values have no JSON form: errors, mostly
    // left to edgy streams.
    static const char* const kKeys[] = {"name",     "app.kubernetes.io/name",
                                        "on",       "\"quoted key\"",
                                        "'single'", "1",
                                        "a b",      "x-y_z",
                                        "key",      "image",
                                        "ports",    "spec",
                                        "data",     "yes",
                                        "true",     "null",
                                        "~",        "<<"};
    const int choices = static_cast<int>(std::size(kKeys)) - (edgy_ ? 0 : 5);
    for (;;) {
      std::string candidate = kKeys[pick(choices)];
      if (std::find(used.begin(), used.end(), candidate) != used.end()) continue;
      used.push_back(candidate);
      return candidate;
    }
  }

  /// Mostly scalars the subset reader takes (YAML 1.1 words, numbers,
  /// timestamps, quotes, flow collections), sometimes ones it leaves to
  /// yaml-cpp (escapes, tags, anchors, folded forms, odd flow syntax).
  std::string scalar() {
    static const char* const kCommon[] = {"web",
                                          "nginx:1.25",
                                          "'nginx:1.25'",
                                          "\"double\"",
                                          "\"\"",
                                          "''",
                                          "'it''s'",
                                          "yes",
                                          "No",
                                          "on",
                                          "~",
                                          "null",
                                          "0x1F",
                                          "0o17",
                                          "017",
                                          "1e3",
                                          "1_000",
                                          ".5",
                                          "+12",
                                          "3.0",
                                          "2001-12-14",
                                          "2001-12-14t21:59:43.10-05:00",
                                          "1:20",
                                          "http://x/y?a=b#c",
                                          "a #comment",
                                          "text with spaces  ",
                                          "é日本",
                                          "-dash",
                                          "?mark",
                                          ":colon",
                                          "a:b",
                                          "'# not a comment'",
                                          "[a, b]",
                                          "[]",
                                          "{}",
                                          "{a: 1, b: [x, 'y']}",
                                          "[{k: v}, {k: 'w'}]",
                                          "[\"q\", 'r', 3]",
                                          "{'a': \"b\", c: ~}",
                                          "'  padded  '",
                                          "<<"};
    static const char* const kEdge[] = {
        "\"tab\\there\"", "!tagged", "&anchor x", "*alias", "@at",    "`tick`", "%p",    ">folded",
        "{a: b:c}",       "[a, ]",   "[a: 1]",    "{a}",    "'multi", "\"open", "-.inf", ".NaN"};
    if (edgy_ && pick(8) == 0) return kEdge[pick(static_cast<int>(std::size(kEdge)))];
    return kCommon[pick(static_cast<int>(std::size(kCommon)))];
  }

  std::string literal(int indent) {
    static const char* const kHeads[] = {"|", "|-", "|+", "| # note", ">", "|2"};
    std::string text = std::string(kHeads[pick(edgy_ ? 6 : 4)]) + "\n";
    const std::string pad(static_cast<std::size_t>(indent + 2), ' ');
    const int lines = 1 + pick(3);
    for (int i = 0; i < lines; ++i) {
      static const char* const kLines[] = {"line", "  more indented", "key: value", "line two",
                                           "",     "# not a comment", "   "};
      const std::string line = kLines[i == 0 ? pick(4) : pick(edgy_ ? 7 : 5)];
      text += (line.empty() ? "" : pad) + line + "\n";
    }
    if (pick(3) == 0) text += "\n";
    return text;
  }

  std::string mapping(int indent, int depth) {
    std::string text;
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    const int entries = 1 + pick(4);
    std::vector<std::string> used;
    for (int i = 0; i < entries; ++i) {
      if (pick(6) == 0) text += pad + "# comment\n";
      if (pick(8) == 0) text += "\n";
      text += (i == 0 && pad.empty() ? "" : pad) + key(used) + ":";
      text += value(indent, depth);
    }
    return text;
  }

  std::string value(int indent, int depth) {
    const int kind = depth > 2 ? pick(3) : pick(7);
    if (kind <= 1) return " " + scalar() + "\n";
    if (kind == 2) return " " + literal(indent);
    if (kind == 3) return "\n" + mapping(indent + 2, depth + 1);
    if (kind == 4) return "\n" + sequence(pick(2) == 0 ? indent : indent + 2, depth + 1);
    if (kind == 5) return "\n";  // null
    return " # only a comment\n" + mapping(indent + 2, depth + 1);
  }

  std::string sequence(int indent, int depth) {
    std::string text;
    const std::string pad(static_cast<std::size_t>(indent), ' ');
    const int items = 1 + pick(3);
    for (int i = 0; i < items; ++i) {
      const int kind = pick(5);
      if (kind == 0) {
        text += pad + "- " + scalar() + "\n";
      } else if (kind == 1) {
        text += pad + "-\n";
      } else if (kind == 2) {
        std::vector<std::string> used;
        text += pad + "- " + key(used) + ": " + scalar() + "\n";
        text += pad + "  " + key(used) + ": " + scalar() + "\n";
      } else if (kind == 3) {
        std::string nested = mapping(indent + 2, depth + 1);
        text += pad + "- " + nested.substr(static_cast<std::size_t>(indent + 2));
      } else {
        text += pad + "- " + literal(indent);
      }
    }
    return text;
  }

  std::string broken(std::string text) {
    static const char kInserts[] = " \n\t\r-:#'\"[]{},&*!|>";
    const auto at = static_cast<std::size_t>(pick(static_cast<int>(text.size())));
    switch (pick(3)) {
      case 0:
        text.erase(at, 1);
        break;
      case 1:
        text.insert(at, 1, kInserts[pick(static_cast<int>(sizeof kInserts - 1))]);
        break;
      default:
        text.insert(at, 1, text[at]);
    }
    return text;
  }

  std::mt19937 random_;
  bool edgy_ = false;
};

TEST(YamlSubsetReader, ReadsGeneratedManifestsAsYamlCppDoes) {
  // MESHERY_DIFF_SEED and MESHERY_DIFF_COUNT explore further.
  const unsigned seed =
      std::getenv("MESHERY_DIFF_SEED") ? std::stoul(std::getenv("MESHERY_DIFF_SEED")) : 20261203U;
  const int count =
      std::getenv("MESHERY_DIFF_COUNT") ? std::stoi(std::getenv("MESHERY_DIFF_COUNT")) : 3000;
  ManifestGenerator generator(seed);
  int differing = 0;
  std::string first;
  for (int i = 0; i < count; ++i) {
    const std::string report = disagreement(generator.stream());
    if (report.empty()) continue;
    if (differing++ == 0) first = report;
  }
  EXPECT_EQ(differing, 0) << "seed " << seed << ": " << first;
}

}  // namespace
}  // namespace meshery::yaml
