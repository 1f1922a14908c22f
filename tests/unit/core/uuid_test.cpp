#include "meshery/core/uuid.hpp"

#include <gtest/gtest.h>

#include <set>

namespace meshery {
namespace {

TEST(Uuid, V4HasVersionAndVariantBitsAndIsRandom) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    Uuid id = Uuid::v4();
    EXPECT_EQ(id.version(), 4);
    EXPECT_EQ(id.bytes()[8] & 0xC0, 0x80);
    seen.insert(id.toString());
  }
  EXPECT_EQ(seen.size(), 1000U);
}

TEST(Uuid, V4FromInjectedSourceIsRepeatable) {
  auto source = [] { return std::uint64_t{0x0123456789abcdef}; };
  EXPECT_EQ(Uuid::v4(source), Uuid::v4(source));
}

TEST(Uuid, V5MatchesTheRfcExample) {
  // RFC 9562 appendix A.4: v5 of "www.example.com" in the DNS namespace.
  EXPECT_EQ(Uuid::v5(kUuidNamespaceDns, "www.example.com").toString(),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2");
}

TEST(Uuid, ParsesCanonicalFormInEitherCaseAndRejectsOthers) {
  auto id = Uuid::parse("6BA7B810-9DAD-11D1-80B4-00C04FD430C8");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->toString(), "6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  EXPECT_FALSE(Uuid::parse("6ba7b810-9dad-11d1-80b4-00c04fd430c").has_value());
  EXPECT_FALSE(Uuid::parse("6ba7b810x9dad-11d1-80b4-00c04fd430c8").has_value());
  EXPECT_FALSE(Uuid::parse("gba7b810-9dad-11d1-80b4-00c04fd430c8").has_value());
  EXPECT_TRUE(Uuid().isNil());
}

}  // namespace
}  // namespace meshery
