#pragma once

// Documents and files shared by the registry's unit tests.

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "meshery/registry/model_import.hpp"

namespace meshery::registry::testing {

/// A minimal v1beta1 model document.
inline nlohmann::json modelDocument(const std::string& name, const std::string& upstream_version,
                                    const std::string& registrant = "github") {
  return {{"schemaVersion", "models.meshery.io/v1beta1"},
          {"version", "v1.0.0"},
          {"name", name},
          {"displayName", name},
          {"status", "enabled"},
          {"registrant", {{"kind", registrant}, {"name", registrant}}},
          {"connection_id", "00000000-0000-0000-0000-000000000000"},
          {"category", {{"name", "Orchestration & Management"}}},
          {"subCategory", "Scheduling & Orchestration"},
          {"metadata", {{"isAnnotation", false}}},
          {"model", {{"version", upstream_version}}},
          {"components_count", 0},
          {"relationships_count", 0},
          {"components", nullptr},
          {"relationships", nullptr}};
}

/// A minimal v1beta1 component document of `model`.
inline nlohmann::json componentDocument(const std::string& kind, const std::string& api_version,
                                        const std::string& model, const std::string& upstream,
                                        const std::string& registrant = "github") {
  return {{"schemaVersion", "components.meshery.io/v1beta1"},
          {"version", "v1.0.0"},
          {"displayName", kind},
          {"description", ""},
          {"format", "JSON"},
          {"model", modelDocument(model, upstream, registrant)},
          {"metadata", {{"isAnnotation", false}, {"isNamespaced", true}}},
          {"configuration", nullptr},
          {"status", "enabled"},
          {"component",
           {{"version", api_version}, {"kind", kind}, {"schema", R"({"type":"object"})"}}}};
}

/// A minimal relationship definition of `model`.
inline nlohmann::json relationshipDocument(const std::string& kind, const std::string& type,
                                           const std::string& sub_type, const std::string& model,
                                           const std::string& upstream) {
  return {{"schemaVersion", "relationships.meshery.io/v1alpha3"},
          {"version", "v1.0.0"},
          {"kind", kind},
          {"type", type},
          {"subType", sub_type},
          {"status", "enabled"},
          {"model", {{"name", model}, {"version", ""}, {"model", {{"version", upstream}}}}},
          {"selectors",
           {{{"allow",
              {{"from", {{{"kind", "Service"}, {"model", {{"name", model}}}}}},
               {"to", {{{"kind", "Deployment"}, {"model", {{"name", model}}}}}}}}}}}};
}

/// The shared Meshery fixtures (models/, schemas/) beside the source tree
/// (MESHERY_SOURCE_DIR, else the tree this test was built from), when present.
inline std::optional<std::filesystem::path> mesheryFixtures() {
  const char* source = std::getenv("MESHERY_SOURCE_DIR");
#ifdef MESHERY_TEST_SOURCE_DIR
  if (source == nullptr) source = MESHERY_TEST_SOURCE_DIR;
#endif
  if (source == nullptr) return std::nullopt;
  std::filesystem::path root =
      std::filesystem::path(source) / ".." / "shared" / "fixtures" / "meshery";
  if (!std::filesystem::is_directory(root / "models")) return std::nullopt;
  return root;
}

inline std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Every regular file under `root`, named relative to it, as a caller of
/// importModels would pass them.
inline std::vector<FileEntry> readTree(const std::filesystem::path& root) {
  std::vector<FileEntry> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    files.push_back(
        {std::filesystem::relative(entry.path(), root).generic_string(), readFile(entry.path())});
  }
  return files;
}

}  // namespace meshery::registry::testing
