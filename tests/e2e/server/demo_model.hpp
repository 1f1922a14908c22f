#pragma once

// A small model in Meshery's published layout, for the registry e2e tests:
// demo/v1.0.0/v1.0.0/{model.json, components/{A,B}.json, relationships/r.json};
// and a CRD to generate a model from.

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace meshery::test {

/// A CustomResourceDefinition of kind Widget (example.com), served in v1 and v2.
inline constexpr const char* kWidgetCrd = R"(apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata: {name: widgets.example.com}
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Widget, plural: widgets}
  versions:
  - name: v1
    served: true
    storage: true
    schema:
      openAPIV3Schema:
        type: object
        properties:
          spec: {type: object, properties: {size: {type: integer}}}
  - name: v2
    served: true
    storage: false
    schema:
      openAPIV3Schema: {type: object}
)";

inline void writeFile(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << text;
}

inline nlohmann::json demoComponent(const std::string& model, const std::string& kind,
                                    const std::string& api_version) {
  return {{"schemaVersion", "components.meshery.io/v1beta1"},
          {"version", "v1.0.0"},
          {"displayName", kind},
          {"description", "demo " + kind},
          {"format", "JSON"},
          {"model", {{"name", model}, {"version", "v1.0.0"}, {"model", {{"version", "v1.0.0"}}}}},
          {"metadata", {{"isNamespaced", true}, {"isAnnotation", false}}},
          {"component",
           {{"version", api_version},
            {"kind", kind},
            {"schema", R"({"type":"object","properties":{"size":{"type":"integer"}}})"}}}};
}

/// The files of model `name` (relative paths and contents).
inline std::vector<std::pair<std::string, std::string>> demoModelFiles(
    const std::string& name = "demo") {
  std::string base = name + "/v1.0.0/v1.0.0/";
  nlohmann::json model = {{"schemaVersion", "models.meshery.io/v1beta1"},
                          {"version", "v1.0.0"},
                          {"name", name},
                          {"displayName", "Demo"},
                          {"description", "a demo model"},
                          {"status", "enabled"},
                          {"registrant", {{"kind", "github"}, {"name", "Github"}}},
                          {"category", {{"name", "Tools"}}},
                          {"model", {{"version", "v1.0.0"}}}};
  nlohmann::json side = {
      {"kind", "Alpha"}, {"model", {{"name", name}}}, {"match", nlohmann::json::object()}};
  nlohmann::json relationship = {{"schemaVersion", "relationships.meshery.io/v1alpha3"},
                                 {"version", "v1.0.0"},
                                 {"kind", "edge"},
                                 {"type", "non-binding"},
                                 {"subType", "reference"},
                                 {"status", "enabled"},
                                 {"model", {{"name", name}}},
                                 {"selectors", {{{"allow", {{"from", {side}}, {"to", {side}}}}}}}};
  return {{base + "model.json", model.dump(2)},
          {base + "components/A.json", demoComponent(name, "Alpha", "demo.io/v1").dump(2)},
          {base + "components/B.json", demoComponent(name, "Beta", "demo.io/v2").dump(2)},
          {base + "relationships/r.json", relationship.dump(2)}};
}

inline void writeDemoModel(const std::filesystem::path& root, const std::string& name = "demo") {
  for (const auto& [path, text] : demoModelFiles(name)) writeFile(root / path, text);
}

}  // namespace meshery::test
