// libFuzzer target for the Docker Compose converter: any bytes, read as a
// Compose file (with one env file and one config file beside it), must
// convert or fail with meshery::Error: never another exception, never a
// crash. Whatever converts must be Kubernetes-shaped (apiVersion, kind,
// metadata.name) and emit as YAML. Violations abort.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "meshery/core/error.hpp"
#include "meshery/design/compose.hpp"
#include "meshery/yaml/yaml.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  meshery::design::ComposeOptions options;
  options.files[".env"] = "TAG=1\nNAME=${TAG:-x}\n";
  options.files["app.env"] = text.substr(0, 64);
  options.files["conf/app.conf"] = text.substr(0, 32);
  options.environment["HOME"] = "/root";
  meshery::design::ComposeConversion conversion;
  try {
    conversion = meshery::design::convertCompose(text, options);
  } catch (const meshery::Error&) {
    return 0;
  } catch (...) {
    std::abort();
  }
  try {
    for (const auto& manifest : conversion.manifests) {
      if (!manifest.contains("apiVersion") || !manifest.contains("kind") ||
          !manifest["metadata"]["name"].is_string()) {
        std::abort();
      }
      (void)meshery::yaml::emit(manifest);
    }
  } catch (...) {
    std::abort();
  }
  (void)meshery::design::looksLikeCompose(nlohmann::json::object());
  return 0;
}
