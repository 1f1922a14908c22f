#include "meshery/http/message.hpp"

#include <gtest/gtest.h>

namespace meshery::http {
namespace {

TEST(Request, QueryParametersArePercentDecodedAndRepeatable) {
  Request request;
  request.query = "search=my%20design&kind=a&kind=b&plus=a+b&empty=&flag";
  EXPECT_EQ(request.queryParam("search"), "my design");
  EXPECT_EQ(request.queryParam("plus"), "a b");
  EXPECT_EQ(request.queryParam("empty"), "");
  EXPECT_EQ(request.queryParam("flag"), "");
  EXPECT_FALSE(request.queryParam("missing").has_value());
  EXPECT_EQ(request.queryParams("kind"), (std::vector<std::string>{"a", "b"}));
}

TEST(Request, EncodedKeysMatchTheirDecodedNames) {
  Request request;
  request.query = "page%73ize=10&my+key=v1&my%20key=v2&pagesize%3D=x&=novalue&k%=bad";
  EXPECT_EQ(request.queryParam("pagesize"), "10");
  EXPECT_EQ(request.queryParams("my key"), (std::vector<std::string>{"v1", "v2"}));
  EXPECT_EQ(request.queryParam("pagesize="), "x");
  EXPECT_EQ(request.queryParam(""), "novalue");
  EXPECT_EQ(request.queryParam("k%"), "bad");
  EXPECT_FALSE(request.queryParam("page").has_value());
}

TEST(Request, MalformedJsonBodyIsAClearError) {
  Request request;
  request.body = R"({"a": )";
  try {
    (void)request.jsonBody();
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kMalformedInput);
    EXPECT_EQ(statusFor(error.code()), 400);
    EXPECT_FALSE(error.cause().empty());
  }
}

TEST(Headers, NamesCompareCaseInsensitivelyAndSetReplaces) {
  Headers headers;
  headers.add("Content-Type", "text/plain");
  EXPECT_EQ(headers.get("content-type"), "text/plain");
  headers.set("CONTENT-TYPE", "application/json");
  EXPECT_EQ(headers.fields().size(), 1U);
  EXPECT_EQ(headers.get("Content-Type"), "application/json");
}

TEST(Response, ErrorBodyHasTheFourFieldsAndTheMappedStatus) {
  Response response = Response::error(Error(ErrorCode::kNotFound, "no design 42", "deleted", "list designs"));
  EXPECT_EQ(response.status, 404);
  auto body = nlohmann::json::parse(response.body);
  EXPECT_EQ(body["error"], "no design 42");
  EXPECT_EQ(body["code"], "not_found");
  EXPECT_EQ(body["cause"], "deleted");
  EXPECT_EQ(body["remedy"], "list designs");
  EXPECT_EQ(response.headers.get("Content-Type"), "application/json");
}

TEST(StatusTable, MapsEveryCodeToAnErrorStatus) {
  EXPECT_EQ(statusFor(ErrorCode::kPayloadTooLarge), 413);
  EXPECT_EQ(statusFor(ErrorCode::kUnavailable), 503);
  EXPECT_EQ(statusFor(ErrorCode::kConfirmationRequired), 428);
  for (int i = 0; i <= static_cast<int>(ErrorCode::kStoreFailure); ++i) {
    EXPECT_GE(statusFor(static_cast<ErrorCode>(i)), 400);
  }
}

TEST(PercentDecode, KeepsMalformedEscapes) {
  EXPECT_EQ(percentDecode("a%2Fb", false), "a/b");
  EXPECT_EQ(percentDecode("100%", false), "100%");
  EXPECT_EQ(percentDecode("%zz", false), "%zz");
  EXPECT_EQ(percentDecode("a+b", false), "a+b");
}

}  // namespace
}  // namespace meshery::http
