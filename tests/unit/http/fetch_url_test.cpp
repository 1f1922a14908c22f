// URL parsing and Location resolution of fetchUrl() (private to libs/http).

#include "fetch_url.hpp"

#include <gtest/gtest.h>

#include "fetch_resolve.hpp"
#include "meshery/core/error.hpp"

namespace meshery::http {
namespace {

TEST(FetchUrl, ParsesSchemeHostPortAndTarget) {
  FetchTarget plain = parseFetchUrl("HTTP://Example.COM/charts/index.yaml?x=1#top");
  EXPECT_EQ(plain.scheme, "http");
  EXPECT_EQ(plain.host, "example.com");
  EXPECT_EQ(plain.port, "80");
  EXPECT_EQ(plain.target, "/charts/index.yaml?x=1");
  EXPECT_EQ(plain.text(), "http://example.com/charts/index.yaml?x=1");

  FetchTarget secure = parseFetchUrl("https://[::1]:8443");
  EXPECT_EQ(secure.host, "::1");
  EXPECT_EQ(secure.port, "8443");
  EXPECT_EQ(secure.target, "/");
  EXPECT_EQ(secure.authority(), "[::1]:8443");
  EXPECT_EQ(parseFetchUrl("https://example.com:443?q").text(), "https://example.com/?q");
}

TEST(FetchUrl, ResolvesLocationsAsRfc3986Does) {
  FetchTarget base = parseFetchUrl("http://a.example/b/c/d;p?q");
  auto resolve = [&](std::string_view location) { return resolveLocation(base, location).text(); };
  EXPECT_EQ(resolve("g"), "http://a.example/b/c/g");
  EXPECT_EQ(resolve("./g"), "http://a.example/b/c/g");
  EXPECT_EQ(resolve("g/"), "http://a.example/b/c/g/");
  EXPECT_EQ(resolve("/g"), "http://a.example/g");
  EXPECT_EQ(resolve("//g.example/x"), "http://g.example/x");
  EXPECT_EQ(resolve("?y"), "http://a.example/b/c/d;p?y");
  EXPECT_EQ(resolve("g?y"), "http://a.example/b/c/g?y");
  EXPECT_EQ(resolve("#s"), "http://a.example/b/c/d;p?q");
  EXPECT_EQ(resolve("."), "http://a.example/b/c/");
  EXPECT_EQ(resolve(".."), "http://a.example/b/");
  EXPECT_EQ(resolve("../g"), "http://a.example/b/g");
  EXPECT_EQ(resolve("../../../../g"), "http://a.example/g");
  EXPECT_EQ(resolve("/./g/../h"), "http://a.example/h");
  EXPECT_EQ(resolve("https://secure.example:8443/x"), "https://secure.example:8443/x");
  EXPECT_THROW(resolve("ftp://files.example/x"), Error);
}

TEST(FetchUrl, RecognisesLinkLocalAddresses) {
  for (const char* address : {"169.254.169.254", "169.254.0.1", "fe80::1", "fe80::1%eth0",
                              "febf::1", "::ffff:169.254.169.254"}) {
    EXPECT_TRUE(isLinkLocal(address)) << address;
  }
  for (const char* address : {"127.0.0.1", "10.0.0.1", "192.168.1.1", "172.16.0.1", "::1",
                              "fec0::1", "169.253.1.1", "2001:db8::1", "::ffff:10.0.0.1"}) {
    EXPECT_FALSE(isLinkLocal(address)) << address;
  }
}

}  // namespace
}  // namespace meshery::http
