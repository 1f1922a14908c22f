#include "meshery/cli/endpoint.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

TEST(CliEndpoint, ParsesHostAndPort) {
  const auto endpoint = parseEndpoint("http://localhost:9081");
  EXPECT_EQ(endpoint.scheme, "http");
  EXPECT_EQ(endpoint.host, "localhost");
  EXPECT_EQ(endpoint.port, 9081);
  EXPECT_EQ(endpoint.baseUrl(), "http://localhost:9081");
  EXPECT_TRUE(endpoint.isLoopback());
}

TEST(CliEndpoint, DefaultsThePortFromTheScheme) {
  EXPECT_EQ(parseEndpoint("http://meshery.example.com").port, 80);
  EXPECT_EQ(parseEndpoint("https://meshery.example.com/").port, 443);
  EXPECT_FALSE(parseEndpoint("https://meshery.example.com/").isLoopback());
}

TEST(CliEndpoint, ParsesIpv6Literals) {
  const auto endpoint = parseEndpoint("http://[::1]:9081/");
  EXPECT_EQ(endpoint.host, "::1");
  EXPECT_EQ(endpoint.port, 9081);
  EXPECT_EQ(endpoint.baseUrl(), "http://[::1]:9081");
  EXPECT_TRUE(endpoint.isLoopback());
  EXPECT_TRUE(parseEndpoint("http://127.0.0.2:1").isLoopback());
}

TEST(CliEndpoint, RejectsMalformedUrls) {
  for (const char* url : {"localhost:9081", "ftp://localhost:21", "http://", "http://:9081", "http://host:0",
                          "http://host:65536", "http://host:abc", "http://host:", "http://host:1/api",
                          "http://user@host:1", "http://[::1", "http://host:1?x=1"}) {
    try {
      parseEndpoint(url);
      ADD_FAILURE() << url << " was accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration) << url;
      EXPECT_FALSE(error.cause().empty()) << url;
      EXPECT_FALSE(error.remedy().empty()) << url;
    }
  }
}

}  // namespace
}  // namespace meshery::cli
