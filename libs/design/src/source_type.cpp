#include <algorithm>
#include <cctype>
#include <string>

#include "meshery/design/design.hpp"

namespace meshery::design {

std::string_view toString(SourceType type) {
  switch (type) {
    case SourceType::kDesign:
      return "Design";
    case SourceType::kKubernetesManifest:
      return "Kubernetes Manifest";
    case SourceType::kDockerCompose:
      return "Docker Compose";
    case SourceType::kHelmChart:
      return "Helm Chart";
  }
  return "Design";
}

std::string_view keyOf(SourceType type) {
  switch (type) {
    case SourceType::kDesign:
      return "design";
    case SourceType::kKubernetesManifest:
      return "manifest";
    case SourceType::kDockerCompose:
      return "compose";
    case SourceType::kHelmChart:
      return "helm";
  }
  return "design";
}

std::optional<SourceType> parseSourceType(std::string_view text) {
  std::string key(text);
  std::transform(key.begin(), key.end(), key.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::replace(key.begin(), key.end(), '_', ' ');
  std::replace(key.begin(), key.end(), '-', ' ');
  if (key == "design" || key == "meshery" || key == "meshery design") return SourceType::kDesign;
  if (key == "manifest" || key == "kubernetes manifest" || key == "kubernetes" || key == "k8s") {
    return SourceType::kKubernetesManifest;
  }
  if (key == "compose" || key == "docker compose") return SourceType::kDockerCompose;
  if (key == "helm" || key == "helm chart") return SourceType::kHelmChart;
  return std::nullopt;
}

}  // namespace meshery::design
