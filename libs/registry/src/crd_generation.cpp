// CustomResourceDefinitions (apiextensions.k8s.io/v1 and v1beta1) → components.

#include "component_document.hpp"
#include "meshery/registry/generation.hpp"

namespace meshery::registry {
namespace {

Error malformed(const std::string& what) {
  return Error(ErrorCode::kInvalidArgument, "malformed CustomResourceDefinition: " + what,
               "the document does not follow the apiextensions.k8s.io schema",
               "check it with 'kubectl apply --dry-run=server -f' or fix the field named");
}

const nlohmann::json& requireObject(const nlohmann::json& parent, const char* key,
                                    const std::string& path) {
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_object()) throw malformed(path + "." + key + " is missing");
  return *it;
}

std::string requireString(const nlohmann::json& parent, const char* key, const std::string& path) {
  auto it = parent.find(key);
  if (it == parent.end() || !it->is_string() || it->get<std::string>().empty()) {
    throw malformed(path + "." + key + " must be a non-empty string");
  }
  return it->get<std::string>();
}

std::string stringField(const nlohmann::json& document, const char* key);

/// A schema for versions that declare none: any object is accepted.
nlohmann::json openSchema() {
  return {{"type", "object"}, {"x-kubernetes-preserve-unknown-fields", true}};
}

struct ServedVersion {
  std::string name;
  nlohmann::json schema;
};

/// Served versions with their schemas; v1beta1 CRDs may give one top-level
/// spec.version and a shared spec.validation schema.
std::vector<ServedVersion> servedVersions(const nlohmann::json& spec, bool v1beta1) {
  nlohmann::json shared_schema = openSchema();
  if (v1beta1 && spec.contains("validation") && spec["validation"].is_object() &&
      spec["validation"].contains("openAPIV3Schema")) {
    shared_schema = spec["validation"]["openAPIV3Schema"];
  }
  std::vector<ServedVersion> versions;
  auto list = spec.find("versions");
  if (list != spec.end() && list->is_array() && !list->empty()) {
    for (std::size_t i = 0; i < list->size(); ++i) {
      const auto& entry = (*list)[i];
      std::string path = "spec.versions[" + std::to_string(i) + "]";
      if (!entry.is_object()) throw malformed(path + " must be an object");
      std::string name = requireString(entry, "name", path);
      bool served = entry.value("served", true);
      if (!served) continue;
      nlohmann::json schema = shared_schema;
      if (entry.contains("schema") && entry["schema"].is_object() &&
          entry["schema"].contains("openAPIV3Schema")) {
        schema = entry["schema"]["openAPIV3Schema"];
      } else if (!v1beta1) {
        schema = openSchema();
      }
      versions.push_back({name, schema});
    }
    return versions;
  }
  if (v1beta1 && spec.contains("version")) {
    versions.push_back({requireString(spec, "version", "spec"), shared_schema});
    return versions;
  }
  throw malformed("spec.versions is missing or empty");
}

std::vector<GeneratedKind> kindsOf(const nlohmann::json& crd) {
  std::string api_version = stringField(crd, "apiVersion");
  bool v1beta1 = api_version == "apiextensions.k8s.io/v1beta1";
  const auto& spec = requireObject(crd, "spec", "");
  std::string group = requireString(spec, "group", "spec");
  std::string kind = requireString(requireObject(spec, "names", "spec"), "kind", "spec.names");
  std::string scope = spec.value("scope", "Namespaced");
  if (scope != "Namespaced" && scope != "Cluster") {
    throw malformed("spec.scope must be Namespaced or Cluster, not '" + scope + "'");
  }
  std::vector<GeneratedKind> kinds;
  for (auto& version : servedVersions(spec, v1beta1)) {
    if (!version.schema.is_object()) throw malformed("the openAPIV3Schema of " + version.name + " is not an object");
    dropServerOwnedFields(version.schema);
    version.schema["x-kubernetes-group-version-kind"] =
        nlohmann::json::array({{{"group", group}, {"kind", kind}, {"version", version.name}}});
    kinds.push_back({apiVersionOf(group, version.name), kind, std::move(version.schema),
                     scope == "Namespaced"});
  }
  return kinds;
}

std::string stringField(const nlohmann::json& document, const char* key) {
  auto it = document.find(key);
  return it != document.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool isCrd(const nlohmann::json& document) {
  if (!document.is_object() || stringField(document, "kind") != "CustomResourceDefinition") {
    return false;
  }
  std::string api_version = stringField(document, "apiVersion");
  return api_version == "apiextensions.k8s.io/v1" || api_version == "apiextensions.k8s.io/v1beta1";
}

}  // namespace

GenerationResult generateFromCrds(const std::vector<SourceDocument>& documents,
                                  const GenerationModel& model) {
  GenerationResult result;
  result.model = modelDocument(model);
  for (const auto& source : documents) {
    if (!isCrd(source.document)) continue;
    try {
      for (const auto& kind : kindsOf(source.document)) {
        result.components.push_back(componentDocument(model, result.model, kind));
      }
    } catch (const Error& error) {
      result.failures.push_back({source.source, error});
    } catch (const nlohmann::json::exception& error) {
      result.failures.push_back({source.source, malformed(error.what())});
    }
  }
  return result;
}

}  // namespace meshery::registry
