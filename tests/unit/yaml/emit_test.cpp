#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <string>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"
#include "support/meshery_test/shared_members.hpp"
#include "yaml_test_support.hpp"

namespace meshery::yaml {
namespace {

using testing::strictText;

// Pieces that exercise every quoting rule when glued together at random.
const std::vector<std::string>& tricky() {
  static const std::vector<std::string> pieces = {
      "a",      "Z",      " ",    "  ",   "\n", "\n\n",       "\t",   ":",    ": ",     "#",
      " #",     "-",      "- ",   "?",    "'",  "\"",         "\\",   "0",    "1",      "0x1F",
      ".",      "e",      "E5",   "+",    "_",  "~",          "null", "yes",  "true",   "<<",
      "---",    "...",    "{",    "}",    "[",  "]",          ",",    "&",    "*",      "!",
      "|",      ">",      "%",    "@",    "`",  "é",          "日本", "🎉",    "\u00a0", "\u2028",
      "\u0085", "\ufeff", "\x01", "\x7f", "\r", "2001-12-14", "1:20", ".inf", "-.5",
  };
  return pieces;
}

class RandomDocuments {
 public:
  explicit RandomDocuments(unsigned seed) : engine_(seed) {}

  nlohmann::json value(int depth) {
    switch (pick(depth > 4 ? 6 : 8)) {
      case 0:
        return nullptr;
      case 1:
        return pick(2) == 0;
      case 2:
        return static_cast<std::int64_t>(engine_()) >> pick(64);
      case 3:
        return std::uniform_real_distribution<double>(-1e6, 1e6)(engine_) * (pick(2) ? 1e-9 : 1e9);
      case 4:
      case 5:
        return text();
      case 6: {
        nlohmann::json object = nlohmann::json::object();
        for (int i = pick(4); i > 0; --i) object[text()] = value(depth + 1);
        return object;
      }
      default: {
        nlohmann::json array = nlohmann::json::array();
        for (int i = pick(4); i > 0; --i) array.push_back(value(depth + 1));
        return array;
      }
    }
  }

 private:
  int pick(int bound) { return std::uniform_int_distribution<int>(0, bound - 1)(engine_); }

  std::string text() {
    std::string out;
    for (int i = pick(5); i > 0; --i)
      out += tricky()[static_cast<std::size_t>(pick(static_cast<int>(tricky().size())))];
    return out;
  }

  std::mt19937_64 engine_;
};

TEST(YamlEmit, RandomDocumentsReadBackUnchanged) {
  RandomDocuments documents(20240601);
  for (int i = 0; i < 3000; ++i) {
    const nlohmann::json value = documents.value(0);
    const std::string text = emit(value);
    nlohmann::json back;
    ASSERT_NO_THROW(back = parse(text)) << text;
    ASSERT_EQ(strictText(back), strictText(value)) << text;
  }
}

TEST(YamlEmit, SharedMembersAreEmittedAsIfEachMapHeldThem) {
  RandomDocuments documents(20261203);
  RandomDocuments members(7);
  std::vector<nlohmann::json> pool;
  while (pool.size() < 3) {
    nlohmann::json shared = members.value(1);
    if (shared.is_object() && !shared.empty()) pool.push_back(std::move(shared));
  }
  pool.push_back({{"block", "two\nlines"}, {"list", {1, {{"k", "v"}}}}, {"map", {{"a", "b"}}}});
  // Maps share members by their size and depth, nested ones too; literal
  // blocks and nested collections differ with the indentation.
  const SharedMembersLookup lookup = [&](const nlohmann::json& map,
                                         std::size_t depth) -> const nlohmann::json* {
    if (depth > 4) return nullptr;
    const std::size_t which = (map.size() + depth) % 5;
    return which < pool.size() ? &pool[which] : nullptr;
  };
  for (int i = 0; i < 1500; ++i) {
    const nlohmann::json value = documents.value(0);
    const nlohmann::json expected = meshery::testing::expandShared(value, lookup);
    EmitOptions options;
    options.shared_members = lookup;
    ASSERT_EQ(emit(value, options), emit(expected)) << i;
    options.natural_key_order = true;
    options.indent_sequences = true;
    EmitOptions plain = options;
    plain.shared_members = nullptr;
    ASSERT_EQ(emit(value, options), emit(expected, plain)) << i;
  }
}

TEST(YamlEmit, KeepsFloatsFloatsAndIntegersIntegers) {
  const nlohmann::json value = {{"f", 1.0}, {"i", 1}, {"u", 18446744073709551615ULL}, {"z", -0.0}};
  EXPECT_EQ(emit(value), "f: 1.0\ni: 1\nu: 18446744073709551615\nz: -0.0\n");
  EXPECT_EQ(strictText(parse(emit(value))), strictText(value));
}

TEST(YamlEmit, WritesSpecialFloatsAsGoYamlDoes) {
  EXPECT_EQ(emit(std::numeric_limits<double>::infinity()), ".inf\n");
  EXPECT_EQ(emit(-std::numeric_limits<double>::infinity()), "-.inf\n");
  EXPECT_EQ(emit(std::numeric_limits<double>::quiet_NaN()), ".nan\n");
}

TEST(YamlEmit, ReplacesInvalidUtf8LikeGoJson) {
  EXPECT_EQ(emit(nlohmann::json(std::string("caf\xE9"))), "caf\xEF\xBF\xBD\n");
}

TEST(YamlEmit, RejectsBinaryValues) {
  try {
    emit(nlohmann::json::binary({1, 2, 3}));
    ADD_FAILURE() << "binary was emitted";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
  }
}

TEST(YamlEmit, RejectsDocumentsTooDeepToReadBack) {
  nlohmann::json deep = nlohmann::json::array();
  for (int depth = 0; depth < 500; ++depth) deep = nlohmann::json::array({deep});
  EXPECT_THROW(emit(deep), Error);
  nlohmann::json allowed = 1;
  for (int depth = 0; depth < 400; ++depth) allowed = nlohmann::json::array({allowed});
  EXPECT_EQ(strictText(parse(emit(allowed))), strictText(allowed));
}

TEST(YamlEmit, GoYamlV3LayoutOnRequest) {
  const nlohmann::json value = {
      {"a10", 1}, {"a2", {1, 2}}, {"10", 1.5}, {"9", 3.0}, {"B", nullptr}};
  EmitOptions pretty;
  pretty.indent_sequences = true;
  pretty.natural_key_order = true;
  pretty.format_float = [](double number) {
    return number == 3.0 ? std::string("3") : std::string("1.5");
  };
  EXPECT_EQ(emit(value, pretty), "\"9\": 3\n\"10\": 1.5\nB: null\na2:\n  - 1\n  - 2\na10: 1\n");
  EXPECT_EQ(emit(value), "\"10\": 1.5\n\"9\": 3.0\nB: null\na10: 1\na2:\n- 1\n- 2\n")
      << "by default, byte order and compact sequences";
}

}  // namespace
}  // namespace meshery::yaml
