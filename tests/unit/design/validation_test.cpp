#include <gtest/gtest.h>

#include "design_test_support.hpp"
#include "meshery/design/import.hpp"

namespace meshery::design {
namespace {

TEST(ValidateDesign, ReportsEachComponentsViolationsWithItsFieldPath) {
  Design design = Design::parse(R"(schemaVersion: designs.meshery.io/v1beta1
name: v
components:
- displayName: web
  component: {kind: Deployment, version: apps/v1}
  model: {name: kubernetes}
  configuration:
    spec:
      replicas: two
      selector: {matchLabels: {app: web}}
      template: {spec: {containers: [{name: web, image: nginx}]}}
- displayName: ok
  component: {kind: Service, version: v1}
  configuration:
    spec: {ports: [{port: 80, targetPort: 8080}, {port: 81, targetPort: http}]}
- displayName: odd
  component: {kind: Gizmo, version: example.com/v1}
  metadata: {unresolved: true}
  configuration: {spec: {anything: [1]}}
)");
  auto issues = validateDesign(design, testing::kubernetesRegistry());
  std::string all;
  for (const auto& issue : issues) all += issue.text() + "\n";
  ASSERT_EQ(issues.size(), 1U) << all;
  EXPECT_EQ(issues[0].component, "Deployment/web");
  EXPECT_EQ(issues[0].path, "spec.replicas");
  EXPECT_TRUE(issues[0].text().starts_with("Deployment/web: spec.replicas: ")) << issues[0].text();
}

TEST(ValidateDesign, AnIssueWithoutAPathReadsWithoutIt) {
  ValidationIssue issue{"Pod/p", "", "expected an object"};
  EXPECT_EQ(issue.text(), "Pod/p: expected an object");
}

}  // namespace
}  // namespace meshery::design
