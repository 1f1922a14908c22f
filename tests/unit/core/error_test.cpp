#include "meshery/core/error.hpp"

#include <gtest/gtest.h>

#include <set>

namespace meshery {
namespace {

TEST(Error, CarriesCodeMessageCauseRemedyAndPosition) {
  Error error(ErrorCode::kMalformedInput, "bad YAML", "a tab in indentation", "use spaces",
              SourcePosition{3, 7});
  EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
  EXPECT_EQ(error.message(), "bad YAML");
  EXPECT_STREQ(error.what(), "bad YAML");
  EXPECT_EQ(error.cause(), "a tab in indentation");
  EXPECT_EQ(error.remedy(), "use spaces");
  ASSERT_TRUE(error.position().has_value());
  EXPECT_EQ(error.position()->line, 3U);
  EXPECT_EQ(error.position()->column, 7U);
}

TEST(Error, CodeNamesAreStableAndUnique) {
  EXPECT_EQ(toString(ErrorCode::kNotFound), "not_found");
  EXPECT_EQ(toString(ErrorCode::kPayloadTooLarge), "payload_too_large");
  std::set<std::string_view> names;
  for (int i = 0; i <= static_cast<int>(ErrorCode::kStoreFailure); ++i) {
    names.insert(toString(static_cast<ErrorCode>(i)));
  }
  EXPECT_EQ(names.size(), static_cast<std::size_t>(ErrorCode::kStoreFailure) + 1);
}

}  // namespace
}  // namespace meshery
