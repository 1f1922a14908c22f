#pragma once

// What the policy tests share: the bundled Kubernetes relationship
// definitions and component declarations written in a few words.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "meshery/registry/relationship.hpp"

namespace meshery::policy::testing {

inline std::filesystem::path bundledRelationships() {
  return std::filesystem::path(MESHERY_TEST_SOURCE_DIR) / "models" / "kubernetes" / "v1.13.0" /
         "v1.0.0" / "relationships";
}

/// One bundled definition, by file name.
inline registry::RelationshipDefinition bundled(const std::string& file) {
  std::ifstream in(bundledRelationships() / file);
  return registry::RelationshipDefinition::fromJson(nlohmann::json::parse(in));
}

/// Every bundled definition, in file name order.
inline std::vector<registry::RelationshipDefinition> allBundled() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(bundledRelationships()))
    files.push_back(entry.path().filename());
  std::sort(files.begin(), files.end());
  std::vector<registry::RelationshipDefinition> definitions;
  for (const auto& file : files) definitions.push_back(bundled(file.string()));
  return definitions;
}

/// A Kubernetes component declaration.
inline nlohmann::json component(const std::string& id, const std::string& kind,
                                const std::string& name, nlohmann::json configuration) {
  return {{"id", id},
          {"displayName", name},
          {"component", {{"kind", kind}, {"version", "v1"}}},
          {"model", {{"name", "kubernetes"}}},
          {"configuration", std::move(configuration)}};
}

/// The registry's Namespace and Container (meshery-core) declarations, as
/// an evaluation's ComponentFactory makes them.
inline std::optional<nlohmann::json> factory(const std::string& model, const std::string& kind) {
  if (model == "kubernetes" && kind == "Namespace")
    return component("", "Namespace", "", nlohmann::json::object());
  if (model == "meshery-core" && kind == "Container") {
    nlohmann::json container = component("", "Container", "", nlohmann::json::object());
    container["model"]["name"] = "meshery-core";
    return container;
  }
  return std::nullopt;
}

}  // namespace meshery::policy::testing
