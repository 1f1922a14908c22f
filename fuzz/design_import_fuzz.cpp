// libFuzzer target for the design import pipeline: any bytes, under a file
// name chosen by the first byte (YAML, JSON, tar.gz, zip, none), must import
// or fail with meshery::Error: never another exception, never a crash. What
// imports must serialise, read back equal, and export.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "meshery/core/error.hpp"
#include "meshery/design/export.hpp"
#include "meshery/design/import.hpp"
#include "meshery/registry/registry_snapshot.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace meshery;
  if (size == 0) return 0;
  static constexpr const char* kNames[] = {"in.yaml", "in.json", "in.tar.gz", "in.zip", "in"};
  design::ImportSource source;
  source.file_name = kNames[data[0] % 5];
  source.bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  design::ImportLimits limits;
  limits.max_entries = 64;
  limits.max_unpacked_bytes = 1 << 20;
  static const auto kRegistry = registry::RegistrySnapshot::empty();
  design::ImportResult result;
  try {
    result = design::importDesign(source, *kRegistry, limits);
  } catch (const Error&) {
    return 0;
  } catch (...) {
    std::abort();  // only meshery::Error may leave the pipeline
  }
  try {
    const std::string yaml = result.design.toYaml();
    if (design::Design::parse(yaml).toJson() != result.design.toJson()) std::abort();
    (void)design::toManifests(result.design);
    (void)design::toHelmChart(result.design);
    (void)design::toOciArchive(result.design);
  } catch (const Error&) {
    // A design can hold values YAML cannot carry (e.g. binary): an Error, not a crash.
  } catch (...) {
    std::abort();
  }
  return 0;
}
