// libFuzzer target for model import: any bytes, read as a model file (JSON
// or YAML, chosen by the first byte), must import or be reported as a
// failure: never an exception, never a crash. Whatever imports must build
// into a snapshot and serialise back to JSON. Violations abort.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "meshery/registry/model_import.hpp"
#include "meshery/registry/registry_snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const bool as_yaml = (data[0] & 1U) != 0;
  std::vector<meshery::registry::FileEntry> files;
  files.push_back({as_yaml ? "fuzzed/v1.0.0/model.yaml" : "fuzzed/v1.0.0/model.json",
                   std::string(reinterpret_cast<const char*>(data) + 1, size - 1)});
  meshery::registry::ImportResult result;
  try {
    result = meshery::registry::importModels(files);
  } catch (...) {
    std::abort();  // failures must be reported in the result, not thrown
  }
  try {
    meshery::registry::SnapshotBuilder builder;
    for (auto& model : result.models) builder.add(std::move(model));
    for (auto& component : result.components) builder.add(std::move(component));
    for (auto& relationship : result.relationships) builder.add(std::move(relationship));
    for (auto& policy : result.policies) builder.add(std::move(policy));
    auto snapshot = builder.build();
    (void)snapshot;
  } catch (...) {
    std::abort();
  }
  return 0;
}
