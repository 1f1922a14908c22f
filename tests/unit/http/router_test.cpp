#include "meshery/http/router.hpp"

#include <gtest/gtest.h>

namespace meshery::http {
namespace {

Handler named(std::string name) {
  return [name](Request&) { return Response::text(name); };
}

std::string call(const Router::Match& match) {
  Request request;
  return match.route->handler(request).body;
}

TEST(Router, LiteralSegmentsWinOverParameters) {
  Router router;
  router.add(Method::kGet, "/api/pattern/{id}", named("by-id"));
  router.add(Method::kGet, "/api/pattern/types", named("types"));
  auto match = router.match(Method::kGet, "/api/pattern/types");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(call(match), "types");
  match = router.match(Method::kGet, "/api/pattern/42");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(call(match), "by-id");
  ASSERT_EQ(match.params.size(), 1U);
  EXPECT_EQ(match.params[0].first, "id");
  EXPECT_EQ(match.params[0].second, "42");
}

TEST(Router, TrailingSlashAndSegmentCountMatter) {
  Router router;
  router.add(Method::kGet, "/api/system/version", named("v"));
  EXPECT_NE(router.match(Method::kGet, "/api/system/version/").route, nullptr);
  EXPECT_EQ(router.match(Method::kGet, "/api/system").route, nullptr);
  EXPECT_EQ(router.match(Method::kGet, "/api/system/version/x").route, nullptr);
}

TEST(Router, WrongMethodReportsTheAllowedOnes) {
  Router router;
  router.add(Method::kGet, "/api/user/prefs", named("get"));
  router.add(Method::kPost, "/api/user/prefs", named("post"));
  auto match = router.match(Method::kDelete, "/api/user/prefs");
  EXPECT_EQ(match.route, nullptr);
  EXPECT_EQ(match.allowed, (std::vector<Method>{Method::kGet, Method::kPost}));
}

TEST(Router, HeadIsServedByGetRoutes) {
  Router router;
  router.add(Method::kGet, "/healthz/live", named("live"));
  EXPECT_NE(router.match(Method::kHead, "/healthz/live").route, nullptr);
}

TEST(Router, RestParameterTakesTheRemainingSegments) {
  Router router;
  router.add(Method::kGet, "/api/extensions/{path...}", named("ext"));
  auto match = router.match(Method::kGet, "/api/extensions/a/b/c");
  ASSERT_NE(match.route, nullptr);
  EXPECT_EQ(match.params[0].first, "path");
  EXPECT_EQ(match.params[0].second, "a/b/c");
  EXPECT_EQ(router.match(Method::kGet, "/api/extensions").route, nullptr);
}

}  // namespace
}  // namespace meshery::http
