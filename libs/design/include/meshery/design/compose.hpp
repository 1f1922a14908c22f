#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::design {

/// Something of a Compose file that was not mapped as written.
struct ComposeWarning {
  std::string subject;  ///< "service web", "volume data", "file compose.yaml"
  std::string message;
};

struct ComposeOptions {
  /// Files beside the Compose file, by relative path ("web.env"), for
  /// `env_file` and file-based configs/secrets.
  std::map<std::string, std::string> files;
  /// Variables for `${VAR}` / `${VAR:-default}` interpolation.
  std::map<std::string, std::string> environment;
};

/// Kubernetes manifests for a Docker Compose file (legacy v2/v3 and the
/// Compose Specification), mapped the way kompose maps them.
struct ComposeConversion {
  std::vector<nlohmann::json> manifests;
  std::vector<ComposeWarning> warnings;
};

/// True when `document` has a top-level `services` map whose entries look like
/// Compose services (image/build/…), and no Kubernetes `apiVersion`/`kind`.
bool looksLikeCompose(const nlohmann::json& document);

/// Throws Error(kMalformedInput) with line/column for unreadable YAML and
/// Error(kInvalidArgument) naming the key for a file that is not Compose.
ComposeConversion convertCompose(std::string_view compose_yaml, const ComposeOptions& options = {});

}  // namespace meshery::design
