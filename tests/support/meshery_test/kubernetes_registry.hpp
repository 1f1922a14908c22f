#pragma once

// The bundled kubernetes model (v1.13.0, generated into the build tree) as
// a registry snapshot, for the tests of what reads the registry (the design
// engine, relationship evaluation).

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "meshery/registry/model_import.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::testing {

/// The bytes of the file at `path`.
inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

/// The bundled kubernetes model as a registry snapshot, built once.
inline const registry::RegistrySnapshot& kubernetesRegistry() {
  static const std::shared_ptr<const registry::RegistrySnapshot> kSnapshot = [] {
    const auto root = std::filesystem::path(MESHERY_TEST_BINARY_DIR) / "models" / "kubernetes";
    std::vector<registry::FileEntry> files;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
      if (!entry.is_regular_file()) continue;
      files.push_back({std::filesystem::relative(entry.path(), root).string(), readFile(entry.path())});
    }
    registry::Registry registry;
    return registry.apply(registry::additionsOf(registry::importModels(files)));
  }();
  return *kSnapshot;
}

}  // namespace meshery::testing
