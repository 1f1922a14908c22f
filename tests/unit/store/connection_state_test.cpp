// Meshery's connection state machine, and credentials sealed at rest.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <fstream>

#include "meshery/core/error.hpp"
#include "meshery/store/connection_repository.hpp"
#include "meshery/store/secret_box.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::store {
namespace {

using S = ConnectionStatus;

TEST(ConnectionState, FollowsMesherysStateMachine) {
  EXPECT_TRUE(transitionAllowed(S::kDiscovered, S::kRegistered));
  EXPECT_TRUE(transitionAllowed(S::kDiscovered, S::kIgnored));
  EXPECT_FALSE(transitionAllowed(S::kDiscovered, S::kConnected));
  EXPECT_TRUE(transitionAllowed(S::kRegistered, S::kConnected));
  EXPECT_TRUE(transitionAllowed(S::kRegistered, S::kNotFound));
  EXPECT_TRUE(transitionAllowed(S::kConnected, S::kDisconnected));
  EXPECT_TRUE(transitionAllowed(S::kConnected, S::kMaintenance));
  EXPECT_FALSE(transitionAllowed(S::kConnected, S::kRegistered));
  EXPECT_TRUE(transitionAllowed(S::kDisconnected, S::kConnected));
  EXPECT_TRUE(transitionAllowed(S::kNotFound, S::kRegistered));
  EXPECT_FALSE(transitionAllowed(S::kIgnored, S::kConnected));
  EXPECT_TRUE(transitionAllowed(S::kIgnored, S::kDeleted));
  EXPECT_FALSE(transitionAllowed(S::kDeleted, S::kRegistered));
  EXPECT_TRUE(transitionAllowed(S::kConnected, S::kConnected));
  EXPECT_EQ(toString(S::kNotFound), "not found");
  EXPECT_EQ(connectionStatusOf("maintenance"), S::kMaintenance);
  EXPECT_FALSE(connectionStatusOf("Connected").has_value());
}

TEST(SecretBox, SealsUnderAKeyFileOfMode0600) {
  test::TempDir home;
  const auto key = home.path() / "server" / "credentials.key";
  const SecretBox box = SecretBox::fromKeyFile(key);
  struct stat status {};
  ASSERT_EQ(::stat(key.c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600U);
  EXPECT_EQ(status.st_size, 32);
  const std::string sealed = box.seal("client-key-data: PRIVATE");
  EXPECT_TRUE(sealed.starts_with("v1:"));
  EXPECT_NE(box.seal("client-key-data: PRIVATE"), sealed);  // a fresh nonce each time
  // The same key file opens it again, in another process's lifetime.
  EXPECT_EQ(SecretBox::fromKeyFile(key).open(sealed), "client-key-data: PRIVATE");
}

TEST(SecretBox, RefusesAnotherKeyAlteredTextAndAnOpenKeyFile) {
  test::TempDir home;
  const SecretBox box = SecretBox::fromKeyFile(home.path() / "a.key");
  const std::string sealed = box.seal("secret");
  const SecretBox other = SecretBox::fromKeyFile(home.path() / "b.key");
  EXPECT_THROW((void)other.open(sealed), Error);
  std::string altered = sealed;
  altered[20] = altered[20] == 'A' ? 'B' : 'A';  // inside the nonce: every bit counts
  EXPECT_THROW((void)box.open(altered), Error);
  EXPECT_THROW((void)box.open("plain text"), Error);
  ::chmod((home.path() / "a.key").c_str(), 0644);
  try {
    SecretBox::fromKeyFile(home.path() / "a.key");
    ADD_FAILURE() << "a key others may read was used";
  } catch (const Error& error) {
    EXPECT_EQ(error.code(), ErrorCode::kInvalidConfiguration);
    EXPECT_NE(error.remedy().find("chmod 600"), std::string::npos);
  }
  std::ofstream(home.path() / "short.key") << "too short";
  ::chmod((home.path() / "short.key").c_str(), 0600);
  EXPECT_THROW(SecretBox::fromKeyFile(home.path() / "short.key"), Error);
}

}  // namespace
}  // namespace meshery::store
