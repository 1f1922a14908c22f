// Checking every context of an uploaded kubeconfig against fake API
// servers: connected, registered (the cluster did not answer), ignored
// (not asked for) and errored (refused credentials, unusable entries), each
// with its reason.
#include "meshery/kube/context_check.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "meshery_test/fake_kube_api.hpp"
#include "meshery_test/free_port.hpp"

namespace meshery::kube {
namespace {

using ::testing::HasSubstr;

TEST(ContextCheck, AnswersForEveryContextWithItsReason) {
  test::FakeKubeApi::Options options;
  options.token = "good";
  test::FakeKubeApi api(options);
  const std::string silent = "http://127.0.0.1:" + std::to_string(test::freePort());
  const Kubeconfig config = parseKubeconfig(R"(
clusters:
- {name: fake, cluster: {server: ")" + api.url() + R"("}}
- {name: silent, cluster: {server: ")" + silent + R"("}}
users:
- {name: good, user: {token: good}}
- {name: bad, user: {token: bad}}
- {name: gcp, user: {auth-provider: {name: gcp}}}
contexts:
- {name: dev, context: {cluster: fake, user: good, namespace: team-a}}
- {name: stale-token, context: {cluster: fake, user: bad}}
- {name: down, context: {cluster: silent, user: good}}
- {name: legacy, context: {cluster: fake, user: gcp}}
- {name: dangling, context: {cluster: nowhere, user: good}}
- {name: unwanted, context: {cluster: fake, user: good}}
)");
  ContextCheckOptions check;
  check.only = {"dev", "stale-token", "down", "legacy", "dangling"};
  check.timeout = std::chrono::seconds(2);
  const auto outcomes = checkContexts(config, check);
  ASSERT_EQ(outcomes.size(), 6U);

  EXPECT_EQ(outcomes[0].context, "dev");
  EXPECT_EQ(outcomes[0].result, ContextResult::kConnected);
  EXPECT_EQ(outcomes[0].server_version, "v1.29.2");
  EXPECT_EQ(outcomes[0].namespace_, "team-a");
  ASSERT_TRUE(outcomes[0].resolved.has_value());
  EXPECT_EQ(outcomes[0].resolved->user.token, "good");

  EXPECT_EQ(outcomes[1].result, ContextResult::kErrored);
  EXPECT_THAT(outcomes[1].reason, HasSubstr("Unauthorized"));
  EXPECT_FALSE(outcomes[1].resolved.has_value());

  EXPECT_EQ(outcomes[2].result, ContextResult::kRegistered);
  EXPECT_THAT(outcomes[2].reason, HasSubstr("cannot reach"));
  EXPECT_TRUE(outcomes[2].resolved.has_value());  // kept, to connect later

  EXPECT_EQ(outcomes[3].result, ContextResult::kErrored);
  EXPECT_THAT(outcomes[3].reason, HasSubstr("gke-gcloud-auth-plugin"));
  EXPECT_EQ(outcomes[4].result, ContextResult::kErrored);
  EXPECT_THAT(outcomes[4].reason, HasSubstr("cluster \"nowhere\""));

  EXPECT_EQ(outcomes[5].result, ContextResult::kIgnored);
  EXPECT_EQ(toString(outcomes[5].result), "ignored");
}

}  // namespace
}  // namespace meshery::kube
