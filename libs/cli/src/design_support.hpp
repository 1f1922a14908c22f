#pragma once

// Private to libs/cli: what the design commands share.

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "api_client.hpp"
#include "chart_files.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace CLI {
class App;
}

namespace meshery::cli {

class Session;

/// The value overrides of a chart import, and its release name.
struct ChartFlags {
  ValueFlags values;
  std::string release_name;
};

/// The stored design a user names: an id (or its first 8 characters, as the
/// list shows it) or an exact name. Throws Error(kNotFound).
nlohmann::json findDesign(ApiClient& designs, const std::string& name_or_id);

/// The import request for a file, a chart directory (packed as helm
/// packages it) or a URL, with a chart's value overrides.
nlohmann::json sourceRequest(const std::string& source, const std::string& type,
                             const std::string& name, const ChartFlags& chart = {});

/// Whether a design argument is a file or URL to import (rather than the
/// name or id of a stored design).
bool isSourceFile(const std::string& source);

/// The bundled models mesheryctl finds without a server: --models-dir, else
/// the models directory beside the installed or built binaries.
std::shared_ptr<const registry::RegistrySnapshot> localRegistry(const std::string& models_dir);

/// `design evaluate`.
void addDesignEvaluateCommand(CLI::App& design, Session& session);
/// `design deploy` and `design undeploy`.
void addDesignDeployCommands(CLI::App& design, Session& session);

}  // namespace meshery::cli
