#include <gtest/gtest.h>

#include "meshery/core/error.hpp"
#include "meshery/store/store.hpp"
#include "meshery_test/free_port.hpp"

namespace meshery::store {
namespace {

Error openError(const std::string& url) {
  try {
    openStore(url);
  } catch (const Error& error) {
    return error;
  }
  ADD_FAILURE() << url << " was opened";
  return Error(ErrorCode::kInternal, "opened");
}

TEST(OpenStore, RejectsAnUnknownSchemeShowingBothAcceptedForms) {
  Error error = openError("mysql://root@localhost/meshery");
  EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);
  EXPECT_NE(error.remedy().find("sqlite:"), std::string::npos) << error.remedy();
  EXPECT_NE(error.remedy().find("postgres://"), std::string::npos) << error.remedy();
}

TEST(OpenStore, RejectsSqliteWithoutAFile) {
  EXPECT_EQ(openError("sqlite:").code(), ErrorCode::kInvalidConfiguration);
  EXPECT_EQ(openError("sqlite::memory:").code(), ErrorCode::kInvalidConfiguration);
}

TEST(OpenStore, AnUnreachablePostgresIsUnavailableWithCauseAndRemedy) {
  std::string url =
      "postgres://meshery:secret@127.0.0.1:" + std::to_string(test::freePort()) + "/meshery";
  Error error = openError(url);
  EXPECT_EQ(error.code(), ErrorCode::kUnavailable);
  EXPECT_FALSE(error.cause().empty());
  EXPECT_NE(error.remedy().find("postgres://"), std::string::npos) << error.remedy();
  EXPECT_EQ(std::string(error.what()).find("secret"), std::string::npos) << error.what();
}

TEST(Visibility, RoundTripsThroughItsName) {
  for (Visibility visibility :
       {Visibility::kPrivate, Visibility::kPublic, Visibility::kPublished}) {
    EXPECT_EQ(parseVisibility(toString(visibility)), visibility);
  }
  EXPECT_EQ(toString(Visibility::kPublished), "published");
}

TEST(Visibility, RejectsAnUnknownName) {
  try {
    parseVisibility("secret");
    FAIL();
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidArgument);
    EXPECT_NE(error.remedy().find("private"), std::string::npos);
  }
}

}  // namespace
}  // namespace meshery::store
