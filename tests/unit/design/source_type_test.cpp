#include <gtest/gtest.h>

#include "meshery/design/design.hpp"

namespace meshery::design {
namespace {

TEST(SourceType, NamesRoundTripThroughBothForms) {
  for (auto type : {SourceType::kDesign, SourceType::kKubernetesManifest,
                    SourceType::kDockerCompose, SourceType::kHelmChart}) {
    EXPECT_EQ(parseSourceType(toString(type)), type);
    EXPECT_EQ(parseSourceType(keyOf(type)), type);
  }
  EXPECT_EQ(parseSourceType("Docker-Compose"), SourceType::kDockerCompose);
  EXPECT_EQ(parseSourceType("K8S"), SourceType::kKubernetesManifest);
  EXPECT_EQ(parseSourceType("helm_chart"), SourceType::kHelmChart);
  EXPECT_FALSE(parseSourceType("kustomize").has_value());
}

}  // namespace
}  // namespace meshery::design
