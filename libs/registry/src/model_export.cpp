#include "meshery/registry/model_export.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <string>

#include "meshery/registry/model_entities.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::registry {
namespace {

/// A path segment made of [A-Za-z0-9._-]; anything else becomes '-'.
std::string safeSegment(std::string_view text, std::string_view fallback) {
  std::string out;
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    out += std::isalnum(byte) != 0 || c == '.' || c == '_' || c == '-' ? c : '-';
  }
  if (out.empty() || out == "." || out == "..") return std::string(fallback);
  return out;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

class ModelWriter {
 public:
  ModelWriter(const Model& model, DocumentFormat format)
      : format_(format),
        root_(safeSegment(model.name, "model") + "/" +
              safeSegment(model.upstream_version, "unversioned") + "/" +
              safeSegment(model.version, "v1.0.0") + "/") {}

  void add(const std::string& relative, const nlohmann::json& document) {
    std::string extension = format_ == DocumentFormat::kJson ? ".json" : ".yaml";
    std::string bytes =
        format_ == DocumentFormat::kJson ? document.dump(2) + "\n" : yaml::emit(document);
    files_.push_back({root_ + relative + extension, std::move(bytes)});
  }

  std::vector<FileEntry> take() { return std::move(files_); }

 private:
  DocumentFormat format_;
  std::string root_;
  std::vector<FileEntry> files_;
};

}  // namespace

std::vector<FileEntry> exportModel(const RegistrySnapshot& snapshot, const Model& model,
                                   const ExportOptions& options) {
  ModelWriter writer(model, options.format);
  nlohmann::json model_document = model.toJson();
  model_document.erase("components");
  model_document.erase("relationships");
  writer.add("model", model_document);

  ModelEntities entities = entitiesOfModel(snapshot, model);
  if (options.components) {
    const auto& components = entities.components;
    std::map<std::string, int> kinds;
    for (const auto& component : components) ++kinds[component->kind];
    for (const auto& component : components) {
      std::string name = safeSegment(component->kind, "component");
      if (kinds[component->kind] > 1) {
        // As the bundled model names them: Deployment.apps_v1
        std::string api_version = component->api_version;
        std::replace(api_version.begin(), api_version.end(), '/', '_');
        name += "." + safeSegment(api_version, "v");
      }
      writer.add("components/" + name, component->toJson());
    }
  }
  if (options.relationships) {
    for (const auto& relationship : entities.relationships) {
      std::string name = lower(safeSegment(relationship->kind, "relationship") + "-" +
                               safeSegment(relationship->type, "type") + "-" +
                               safeSegment(relationship->sub_type, "subtype")) +
                         "-" + relationship->id.toString();
      writer.add("relationships/" + name, relationship->toJson());
    }
  }
  if (options.policies) {
    for (const auto& policy : entities.policies) {
      writer.add("policies/" + lower(safeSegment(policy->kind, "policy")) + "-" +
                     policy->id.toString(),
                 policy->toJson());
    }
  }
  return writer.take();
}

}  // namespace meshery::registry
