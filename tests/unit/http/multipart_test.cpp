// multipart/form-data bodies as browsers and curl -F send them.
#include "meshery/http/multipart.hpp"

#include <gtest/gtest.h>

#include "meshery/core/error.hpp"

namespace meshery::http {
namespace {

TEST(Multipart, ReadsFieldsAndFiles) {
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"k8sfile\"; filename=\"config\"\r\n"
      "Content-Type: application/octet-stream\r\n\r\n"
      "apiVersion: v1\r\nkind: Config\r\n"
      "\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=contexts\r\n\r\n"
      "[\"dev\"]"
      "\r\n--XyZ--\r\n";
  const auto parts = parseMultipart("multipart/form-data; boundary=\"XyZ\"", body);
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[0].name, "k8sfile");
  EXPECT_EQ(parts[0].filename, "config");
  EXPECT_EQ(parts[0].content_type, "application/octet-stream");
  EXPECT_EQ(parts[0].body, "apiVersion: v1\r\nkind: Config\r\n");
  EXPECT_EQ(formPart(parts, "contexts")->body, "[\"dev\"]");
  EXPECT_FALSE(formPart(parts, "missing").has_value());
}

TEST(Multipart, RefusesWhatDoesNotFollowTheBoundary) {
  EXPECT_THROW(parseMultipart("application/json", "{}"), Error);
  EXPECT_THROW(parseMultipart("multipart/form-data", "--x\r\n"), Error);
  EXPECT_THROW(parseMultipart("multipart/form-data; boundary=x", "no boundary here"), Error);
  EXPECT_THROW(parseMultipart("multipart/form-data; boundary=x",
                              "--x\r\nContent-Disposition: form-data; name=a\r\n\r\nunclosed"),
               Error);
}

}  // namespace
}  // namespace meshery::http
