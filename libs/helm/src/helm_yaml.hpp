#pragma once

// Private to libs/helm: how Helm reads YAML (values, Chart.yaml, rendered
// manifests, fromYaml): sigs.k8s.io/yaml's lenient Unmarshal, where a key
// written twice keeps its last value.

#include "meshery/yaml/yaml.hpp"

namespace meshery::helm::detail {

inline constexpr yaml::ParseOptions kHelmYaml{yaml::DuplicateKeys::kLastWins};

}  // namespace meshery::helm::detail
