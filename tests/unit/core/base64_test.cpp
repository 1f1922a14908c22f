#include "meshery/core/base64.hpp"

#include <gtest/gtest.h>

#include <string>

namespace meshery {
namespace {

TEST(Base64, EncodesTheRfc4648TestVectors) {
  EXPECT_EQ(encodeBase64(""), "");
  EXPECT_EQ(encodeBase64("f"), "Zg==");
  EXPECT_EQ(encodeBase64("fo"), "Zm8=");
  EXPECT_EQ(encodeBase64("foo"), "Zm9v");
  EXPECT_EQ(encodeBase64("foob"), "Zm9vYg==");
  EXPECT_EQ(encodeBase64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(encodeBase64("foobar"), "Zm9vYmFy");
}

TEST(Base64, RoundTripsEveryByteValue) {
  std::string bytes;
  for (int i = 0; i < 256; ++i) bytes += static_cast<char>(i);
  for (std::size_t length = 0; length <= bytes.size(); length += 37) {
    std::string slice = bytes.substr(0, length);
    EXPECT_EQ(decodeBase64(encodeBase64(slice)), slice);
  }
}

TEST(Base64, DecodingIgnoresLineBreaksAndRejectsWhatIsNotBase64) {
  EXPECT_EQ(decodeBase64("Zm9v\r\nYmFy"), "foobar");
  EXPECT_FALSE(decodeBase64("Zm9").has_value());    // not a multiple of 4
  EXPECT_FALSE(decodeBase64("Zm9v!!==").has_value());
  EXPECT_FALSE(decodeBase64("Zg==Zg==").has_value());  // padding only at the end
  EXPECT_FALSE(decodeBase64("Zm-_").has_value());      // the URL alphabet is another encoding
}

}  // namespace
}  // namespace meshery
