// meshery-model-generator: writes a model in Meshery's published layout
// (<out>/<name>/<version>/v1.0.0/{model.json, components/*.json}) from a
// Kubernetes OpenAPI document or CRD files. The build uses it to bundle the
// Kubernetes model; it is also handy for vendoring a model by hand.
//
//   meshery-model-generator --openapi swagger.json --name kubernetes --out models
//   meshery-model-generator --crds crds.yaml --name cert-manager --version v1.14.0 --out models

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "meshery/registry/generation.hpp"
#include "meshery/yaml/yaml.hpp"

namespace fs = std::filesystem;
using meshery::registry::GenerationModel;
using meshery::registry::GenerationResult;

namespace {

std::string readFile(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + file.string());
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

void writeJson(const fs::path& file, const nlohmann::json& value) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << value.dump(2) << "\n";
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

/// File name of a component: its kind, plus the API version when the model
/// has the kind in several versions ("Deployment.apps_v1beta2.json").
std::string componentFileName(const nlohmann::json& component, bool several_versions) {
  std::string name = component["component"]["kind"].get<std::string>();
  if (several_versions) {
    std::string version = component["component"]["version"].get<std::string>();
    for (char& c : version) c = c == '/' ? '_' : c;
    name += "." + version;
  }
  return name + ".json";
}

void writeModel(const GenerationResult& result, const GenerationModel& model, const fs::path& out) {
  fs::path root = out / model.name / model.upstream_version / model.version;
  fs::remove_all(root);
  nlohmann::json model_document = result.model;
  model_document["components_count"] = result.components.size();
  writeJson(root / "model.json", model_document);
  std::map<std::string, int> versions_of_kind;
  for (const auto& component : result.components) ++versions_of_kind[component["component"]["kind"]];
  for (const auto& component : result.components) {
    bool several = versions_of_kind[component["component"]["kind"]] > 1;
    writeJson(root / "components" / componentFileName(component, several), component);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Generates a Meshery model from a Kubernetes OpenAPI document or CRDs"};
  std::string openapi;
  std::vector<std::string> crds;
  GenerationModel model;
  std::string out;
  auto* source = app.add_option("--openapi", openapi, "OpenAPI v2/v3 document (JSON or YAML)");
  app.add_option("--crds", crds, "files of CustomResourceDefinitions (YAML, multi-document)")->excludes(source);
  app.add_option("--name", model.name, "model name, ^[a-z0-9-]+$")->required();
  app.add_option("--display-name", model.display_name, "model display name");
  app.add_option("--version", model.upstream_version,
                 "the software's version (default: the OpenAPI document's info.version)");
  app.add_option("--category", model.category, "Meshery category");
  app.add_option("--sub-category", model.sub_category, "Meshery sub-category");
  app.add_option("--registrant", model.registrant, "registrant kind (github, artifacthub, meshery)");
  app.add_option("--source-uri", model.source_uri, "where the definitions came from");
  app.add_option("--out", out, "output folder")->required();
  CLI11_PARSE(app, argc, argv);
  try {
    GenerationResult result;
    if (!openapi.empty()) {
      nlohmann::json document = meshery::yaml::parse(readFile(openapi));
      if (model.upstream_version.empty() && document.contains("info")) {
        model.upstream_version = document["info"].value("version", "");
      }
      result = meshery::registry::generateFromOpenApi(document, openapi, model);
    } else {
      if (model.upstream_version.empty()) model.upstream_version = "v0.0.0";
      std::vector<meshery::registry::SourceDocument> documents;
      for (const auto& file : crds) {
        auto parsed = meshery::yaml::parseAll(readFile(file));
        for (std::size_t i = 0; i < parsed.size(); ++i) {
          documents.push_back({file + "#" + std::to_string(i + 1), std::move(parsed[i])});
        }
      }
      result = meshery::registry::generateFromCrds(documents, model);
    }
    for (const auto& failure : result.failures) {
      std::fprintf(stderr, "warning: %s: %s (%s)\n", failure.source.c_str(),
                   failure.error.message().c_str(), failure.error.cause().c_str());
    }
    if (result.components.empty()) {
      std::fprintf(stderr, "Error: no components were generated\n");
      return 1;
    }
    writeModel(result, model, out);
    std::printf("%s %s: %zu components\n", model.name.c_str(), model.upstream_version.c_str(),
                result.components.size());
    return 0;
  } catch (const meshery::Error& error) {
    std::fprintf(stderr, "Error: %s\nCause: %s\nRemedy: %s\n", error.message().c_str(),
                 error.cause().c_str(), error.remedy().c_str());
    return 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "Error: %s\n", error.what());
    return 1;
  }
}
