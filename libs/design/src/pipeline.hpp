#pragma once

// The stages of the import pipeline (import.cpp runs them in order).

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "meshery/design/import.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::design::detail {

/// One file of the input, by its path inside the archive (or its own name).
struct InputFile {
  std::string path;
  std::string bytes;
};

/// What sanitize() left to identify.
struct SanitizedInput {
  std::vector<InputFile> files;  ///< YAML and JSON files only, in archive order
  std::vector<InputFile> others;  ///< the archive's other files (a Compose file's env files)
  bool archive = false;          ///< the input was an archive
  bool oci = false;              ///< … an OCI image layout holding a design
  std::vector<ImportWarning> warnings;
};

/// Checks the extension, unpacks archives within `limits` (hostile paths are
/// refused by libs/archive), takes design.yml out of an OCI image layout,
/// descends into a single top-level directory and keeps the YAML/JSON files.
SanitizedInput sanitize(const ImportSource& source, const ImportLimits& limits);

/// The file name without directories and without a known extension.
std::string stemOf(std::string_view file_name);

/// design.yml of an OCI image layout whose files are `entries`; nullopt when
/// the entries are not an OCI image layout (oci_archive.cpp).
std::optional<InputFile> designOfOciLayout(const std::vector<InputFile>& entries,
                                           const ImportLimits& limits);

/// Expands `List` kinds (kind "List" or "*List" with `items`), recursively;
/// items without apiVersion/kind are warned about and skipped.
std::vector<nlohmann::json> flattenLists(std::vector<nlohmann::json> documents,
                                         std::vector<ImportWarning>& warnings);

/// Builds a design named `name` from Kubernetes resources: CRDs among them
/// contribute components first, each resource is matched in the registry by
/// kind and apiVersion, unmatched ones are kept unresolved and warned about.
Design designFromManifests(const std::vector<nlohmann::json>& manifests, const std::string& name,
                           const registry::RegistrySnapshot& registry,
                           std::vector<ImportWarning>& warnings);

/// Fills declarations that lack their definition's fields (legacy pattern
/// conversions) from the registry; warns about components the registry does
/// not know.
void completeDesign(Design& design, const registry::RegistrySnapshot& registry,
                    std::vector<ImportWarning>& warnings);

/// "Deployment/web": kind and display name of a declaration.
std::string subjectOf(const nlohmann::json& component);

}  // namespace meshery::design::detail
