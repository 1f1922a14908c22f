#include "meshery/http/static_files.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "meshery_test/temp_dir.hpp"

namespace meshery::http {
namespace {

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = dir_.path() / "dist";
    std::filesystem::create_directories(root_ / "assets");
    std::ofstream(root_ / "index.html") << "<html>app</html>";
    std::ofstream(root_ / "assets" / "app.123.js") << "console.log(1)";
    std::ofstream(dir_.path() / "secret.txt") << "secret";
    handler_ = staticFiles(root_);
  }

  Response get(const std::string& path) {
    Request request;
    request.path = path;
    return handler_(request);
  }

  test::TempDir dir_;
  std::filesystem::path root_;
  Handler handler_;
};

TEST_F(StaticFilesTest, ServesFilesWithTypesAndCaching) {
  auto js = get("/assets/app.123.js");
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js.headers.get("Cache-Control")->find("immutable"), std::string_view::npos);
  auto index = get("/");
  EXPECT_EQ(index.body, "<html>app</html>");
  EXPECT_EQ(index.headers.get("Cache-Control"), "no-cache");
}

TEST_F(StaticFilesTest, UnknownAppRoutesFallBackToIndex) {
  EXPECT_EQ(get("/designs/42").body, "<html>app</html>");
}

TEST_F(StaticFilesTest, MissingFilesAndApiPathsAre404) {
  EXPECT_THROW(get("/assets/missing.js"), Error);
  EXPECT_THROW(get("/api/unknown"), Error);
}

TEST_F(StaticFilesTest, PathsEscapingTheRootAreRefused) {
  EXPECT_THROW(get("/../secret.txt"), Error);
  EXPECT_THROW(get("/assets/../../secret.txt"), Error);
}

}  // namespace
}  // namespace meshery::http
