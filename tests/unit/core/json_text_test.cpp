#include "meshery/core/json_text.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <random>
#include <string>

#include "support/meshery_test/shared_members.hpp"

namespace meshery {
namespace {

std::string reference(const nlohmann::json& value) {
  return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

TEST(JsonText, EscapesStringsExactlyAsNlohmannDoes) {
  const std::string cases[] = {"",
                               "plain text",
                               "quote \" backslash \\ slash /",
                               "\b\f\n\r\t\x01\x1f\x7f",
                               "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80",
                               "lone \xff byte",
                               "cut \xe2\x82",
                               "overlong \xc0\xaf",
                               "surrogate \xed\xa0\x80",
                               std::string("nul \0 inside", 13)};
  for (const std::string& text : cases) {
    std::string out;
    appendJsonString(out, text);
    EXPECT_EQ(out, reference(text)) << text;
  }
}

TEST(JsonText, WritesDocumentsExactlyAsNlohmannDoes) {
  const nlohmann::json document = {
      {"components", {{{"id", "a"}, {"configuration", {{"replicas", 3}, {"ratio", 0.5}}}}}},
      {"empty_object", nlohmann::json::object()},
      {"empty_array", nlohmann::json::array()},
      {"null", nullptr},
      {"flags", {true, false}},
      {"numbers",
       {0, -1, std::numeric_limits<std::int64_t>::min(), std::numeric_limits<std::uint64_t>::max(),
        1.0, 1e15, 1e16, 1.5e-7, -0.0, 3.141592653589793}},
      {"key \"quoted\"\n", "value"},
  };
  EXPECT_EQ(dumpJson(document), reference(document));
}

TEST(JsonText, FindsEachSpecialByteWhereverItFallsInALongPlainRun) {
  // Plain runs are skipped eight bytes at a time: every special byte, at
  // every offset of a run, must still be escaped.
  for (const char* special : {"\"", "\\", "\n", "\x01", "\x1f", "\x7f", "\xc3\xa9", "\xff", " ", "!", "#", "[", "]"}) {
    for (std::size_t at = 0; at < 40; ++at) {
      const std::string text = std::string(at, 'a') + special + std::string(40 - at, '~');
      std::string out;
      appendJsonString(out, text);
      EXPECT_EQ(out, reference(text)) << at;
    }
  }
}

TEST(JsonText, MatchesNlohmannOnRandomDocuments) {
  std::mt19937 random(7);
  const auto make = [&](auto&& self, int depth) -> nlohmann::json {
    switch (random() % (depth > 3 ? 4 : 6)) {
      case 0: return static_cast<std::int64_t>(random()) - 2000000000;
      case 1: return std::ldexp(static_cast<double>(random()), static_cast<int>(random() % 80) - 40);
      case 2: {
        std::string text;
        for (unsigned i = random() % 40; i > 0; --i) text += static_cast<char>(random() % 256);
        return text;
      }
      case 3: return random() % 2 == 0;
      case 4: {
        nlohmann::json array = nlohmann::json::array();
        for (unsigned i = random() % 5; i > 0; --i) array.push_back(self(self, depth + 1));
        return array;
      }
      default: {
        nlohmann::json object = nlohmann::json::object();
        for (unsigned i = random() % 5; i > 0; --i) {
          object["k" + std::to_string(random() % 100)] = self(self, depth + 1);
        }
        return object;
      }
    }
  };
  for (int i = 0; i < 500; ++i) {
    const nlohmann::json document = make(make, 0);
    ASSERT_EQ(dumpJson(document), reference(document)) << i;
  }
}

TEST(JsonText, SharedMembersAreWrittenInKeyOrderIntoObjectsThatLackThem) {
  const nlohmann::json shared = {{"a", 1}, {"m", {{"deep", true}}}, {"z", "last"}};
  const nlohmann::json document = {
      {"items", {{{"b", 2}}, {{"a", "own"}, {"n", nullptr}}, {{"zz", 0}}, nlohmann::json::object()}},
      {"other", {{"b", 2}}}};
  // Only the items (depth 2) share the members.
  const SharedMembersLookup lookup = [&](const nlohmann::json&, std::size_t depth) {
    return depth == 2 ? &shared : nullptr;
  };
  EXPECT_EQ(dumpJson(document, lookup),
            R"({"items":[{"a":1,"b":2,"m":{"deep":true},"z":"last"},)"
            R"({"a":"own","m":{"deep":true},"n":null,"z":"last"},)"
            R"({"a":1,"m":{"deep":true},"z":"last","zz":0},)"
            R"({"a":1,"m":{"deep":true},"z":"last"}],"other":{"b":2}})");
  EXPECT_EQ(dumpJson(document, lookup), reference(testing::expandShared(document, lookup)));
  EXPECT_EQ(dumpJson(document, SharedMembersLookup()), reference(document)) << "no lookup, no sharing";
}

TEST(JsonText, SharedMembersMatchTheExpandedDocumentOnRandomDocuments) {
  std::mt19937 random(11);
  const nlohmann::json pool[] = {
      {{"k3", "x"}, {"k50", {1, 2, {{"k3", nullptr}}}}},
      {{"k0", true}},
      {{"k99", {{"k1", "y"}}}, {"k7", nlohmann::json::array()}},
  };
  const auto make = [&](auto&& self, int depth) -> nlohmann::json {
    if (depth > 3 || random() % 3 == 0) return static_cast<std::int64_t>(random() % 100);
    if (random() % 2 == 0) {
      nlohmann::json array = nlohmann::json::array();
      for (unsigned i = random() % 4; i > 0; --i) array.push_back(self(self, depth + 1));
      return array;
    }
    nlohmann::json object = nlohmann::json::object();
    for (unsigned i = random() % 5; i > 0; --i) {
      object["k" + std::to_string(random() % 100)] = self(self, depth + 1);
    }
    return object;
  };
  for (int i = 0; i < 300; ++i) {
    const nlohmann::json document = make(make, 0);
    // Objects share members by their size and depth (a shared member's own
    // objects too, which then depend on where it is written).
    const SharedMembersLookup lookup = [&](const nlohmann::json& object,
                                           std::size_t depth) -> const nlohmann::json* {
      if (depth > 4) return nullptr;
      const std::size_t which = (object.size() + depth) % 4;
      return which < 3 ? &pool[which] : nullptr;
    };
    ASSERT_EQ(dumpJson(document, lookup), reference(testing::expandShared(document, lookup))) << document.dump();
  }
}

}  // namespace
}  // namespace meshery
