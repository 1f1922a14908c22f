#pragma once

#include <vector>

#include "meshery/registry/model.hpp"
#include "meshery/registry/model_import.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::registry {

/// How exported definitions are written.
enum class DocumentFormat { kJson, kYaml };

struct ExportOptions {
  DocumentFormat format = DocumentFormat::kJson;
  bool components = true;
  bool relationships = true;
  bool policies = true;
};

/// The files of `model` in Meshery's published layout, ready to archive:
/// `<name>/<upstream version>/<version>/model.json`, `components/<Kind>.json`
/// (`<Kind>.<group>_<version>.json` when the model has a kind in several
/// apiVersions, as in the bundled model), `relationships/<kind>-<type>-<subType>-<id>.json` and
/// `policies/<kind>-<id>.json` (`.yaml` for YAML). JSON is indented by two
/// spaces; YAML is go-yaml style. Importing the files gives the same
/// definitions back (same ids). Entities are written in registration order.
std::vector<FileEntry> exportModel(const RegistrySnapshot& snapshot, const Model& model,
                                   const ExportOptions& options = {});

}  // namespace meshery::registry
