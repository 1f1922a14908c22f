#include <gtest/gtest.h>

#include <string>
#include <vector>

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

TEST(ValidateDesign, ALargeDesignReportsItsIssuesInComponentOrder) {
  // Large designs are checked on two threads: the issues still follow the
  // components, whichever half they are in.
  std::string text = "schemaVersion: designs.meshery.io/v1beta1\nname: many\ncomponents:\n";
  std::vector<std::string> expected;
  for (int i = 0; i < 150; ++i) {
    const bool broken = i % 7 == 3;
    const std::string name = "web-" + std::to_string(i);
    text += "- displayName: " + name +
            "\n  component: {kind: Deployment, version: apps/v1}\n  model: {name: kubernetes}\n"
            "  configuration: {spec: {replicas: " + std::string(broken ? "many" : "2") +
            ", selector: {matchLabels: {app: web}}, template: {spec: {containers: [{name: web, image: "
            "nginx}]}}}}\n";
    if (broken) expected.push_back("Deployment/" + name);
  }
  auto issues = validateDesign(Design::parse(text), testing::kubernetesRegistry());
  std::vector<std::string> found;
  for (const auto& issue : issues) {
    EXPECT_EQ(issue.path, "spec.replicas") << issue.text();
    found.push_back(issue.component);
  }
  EXPECT_EQ(found, expected);
}

TEST(ValidateDesign, AnIssueWithoutAPathReadsWithoutIt) {
  ValidationIssue issue{"Pod/p", "", "expected an object"};
  EXPECT_EQ(issue.text(), "Pod/p: expected an object");
}

}  // namespace
}  // namespace meshery::design
