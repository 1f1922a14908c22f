#pragma once

// What the differential tests against a real helm share: where
// scripts/helm-reference installed it, and writing a chart's files.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace meshery::helm::test_reference {

/// helm v3.17.2 as scripts/helm-reference installs it, or $MESHERY_HELM_REFERENCE.
inline std::filesystem::path referenceHelm() {
  if (const char* path = std::getenv("MESHERY_HELM_REFERENCE")) return path;
  return std::filesystem::path(MESHERY_TEST_SOURCE_DIR) / ".cache" / "helm-reference" / "helm";
}

inline void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

}  // namespace meshery::helm::test_reference
