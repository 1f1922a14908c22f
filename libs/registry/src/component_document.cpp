#include "component_document.hpp"

#include <algorithm>
#include <cctype>

#include "meshery/core/uuid.hpp"

namespace meshery::registry {
namespace {

const Uuid& registryNamespace() {
  static const Uuid kNamespace = Uuid::v5(kUuidNamespaceUrl, "https://meshery.io/registry");
  return kNamespace;
}

/// The capabilities Meshery gives every component by default (kind/type/subType).
nlohmann::json defaultCapabilities() {
  struct Capability {
    const char* kind;
    const char* type;
    const char* sub_type;
    const char* display_name;
    const char* description;
    std::vector<std::string> states;
  };
  const Capability kDefaults[] = {
      {"action", "operator", "perf-test", "Performance Test",
       "Run a performance test against this component", {"instance"}},
      {"mutate", "configuration", "config", "Workload Configuration",
       "Edit the component's configuration", {"declaration"}},
      {"mutate", "configuration", "labels-and-annotations", "Labels and Annotations Configuration",
       "Edit the component's labels and annotations", {"declaration"}},
      {"view", "configuration", "relationship", "Relationships",
       "Show the component's relationships", {"declaration", "instance"}},
      {"view", "configuration", "definition", "Json Schema",
       "Show the component's definition", {"declaration", "instance"}},
      {"mutate", "style", "", "Styling", "Change the component's style", {"declaration"}},
      {"mutate", "style", "shape", "Change Shape", "Change the component's shape", {"declaration"}},
      {"interaction", "graph", "compoundDnd", "Compound Drag And Drop",
       "Drag and drop the component into a parent", {"declaration"}},
  };
  nlohmann::json capabilities = nlohmann::json::array();
  for (const auto& capability : kDefaults) {
    capabilities.push_back({{"schemaVersion", "capability.meshery.io/v1alpha1"},
                            {"version", "0.7.0"},
                            {"displayName", capability.display_name},
                            {"description", capability.description},
                            {"kind", capability.kind},
                            {"type", capability.type},
                            {"subType", capability.sub_type},
                            {"key", ""},
                            {"entityState", capability.states},
                            {"status", "enabled"},
                            {"metadata", nullptr}});
  }
  return capabilities;
}

}  // namespace

std::string modelNameOfGroup(std::string_view group) {
  std::string name;
  for (char c : group) {
    const auto u = static_cast<unsigned char>(c);
    name += std::isalnum(u) != 0 ? static_cast<char>(std::tolower(u)) : '-';
  }
  return name.empty() ? std::string("custom-resources") : name;
}

std::string displayNameOf(std::string_view kind) {
  std::string out;
  for (std::size_t i = 0; i < kind.size(); ++i) {
    char c = kind[i];
    bool upper = std::isupper(static_cast<unsigned char>(c)) != 0;
    if (i > 0 && upper) {
      bool previous_lower = std::islower(static_cast<unsigned char>(kind[i - 1])) != 0 ||
                            std::isdigit(static_cast<unsigned char>(kind[i - 1])) != 0;
      bool acronym_end = std::isupper(static_cast<unsigned char>(kind[i - 1])) != 0 &&
                         i + 1 < kind.size() &&
                         std::islower(static_cast<unsigned char>(kind[i + 1])) != 0;
      if (previous_lower || acronym_end) out.push_back(' ');
    }
    out.push_back(c);
  }
  return out;
}

std::string apiVersionOf(const std::string& group, const std::string& version) {
  return group.empty() ? version : group + "/" + version;
}

void dropServerOwnedFields(nlohmann::json& schema) {
  if (!schema.is_object() || !schema.contains("properties") || !schema["properties"].is_object()) {
    return;
  }
  for (const char* field : {"apiVersion", "kind", "metadata", "status"}) {
    schema["properties"].erase(field);
  }
  if (schema.contains("required") && schema["required"].is_array()) {
    auto& required = schema["required"];
    required.erase(std::remove_if(required.begin(), required.end(),
                                  [](const nlohmann::json& name) {
                                    return name == "apiVersion" || name == "kind" ||
                                           name == "metadata" || name == "status";
                                  }),
                   required.end());
    if (required.empty()) schema.erase("required");
  }
}

nlohmann::json modelDocument(const GenerationModel& model) {
  const std::string scope = model.id_scope.empty() ? "" : "/" + model.id_scope;
  Uuid id = Uuid::v5(registryNamespace(), "model/" + model.name + "/" + model.version + scope);
  std::string display_name = model.display_name;
  if (display_name.empty()) {
    display_name = model.name;
    for (char& c : display_name) c = c == '-' ? ' ' : c;
    if (!display_name.empty()) display_name[0] = static_cast<char>(std::toupper(display_name[0]));
  }
  Uuid registrant_id = Uuid::v5(registryNamespace(), "registrant/" + model.registrant);
  return {{"id", id.toString()},
          {"schemaVersion", "models.meshery.io/v1beta1"},
          {"version", model.version},
          {"name", model.name},
          {"displayName", display_name},
          {"description", ""},
          {"status", "enabled"},
          {"registrant",
           {{"id", registrant_id.toString()},
            {"name", model.registrant},
            {"type", "registry"},
            {"sub_type", ""},
            {"kind", model.registrant},
            {"status", "discovered"}}},
          {"connection_id", registrant_id.toString()},
          {"category",
           {{"id", Uuid::v5(registryNamespace(), "category/" + model.category).toString()},
            {"name", model.category}}},
          {"subCategory", model.sub_category},
          {"metadata",
           {{"isAnnotation", false},
            {"primaryColor", "#00B39F"},
            {"secondaryColor", "#00D3A9"},
            {"shape", "circle"},
            {"source_uri", model.source_uri}}},
          {"model", {{"version", model.upstream_version}}},
          {"components_count", 0},
          {"relationships_count", 0},
          {"components", nullptr},
          {"relationships", nullptr}};
}

nlohmann::json componentDocument(const GenerationModel& model, const nlohmann::json& model_document,
                                 const GeneratedKind& generated) {
  const std::string scope = model.id_scope.empty() ? "" : "/" + model.id_scope;
  Uuid id = Uuid::v5(registryNamespace(), "component/" + model.name + "/" + model.version + "/" +
                                             generated.api_version + "/" + generated.kind + scope);
  std::string description =
      generated.schema.is_object() ? generated.schema.value("description", "") : "";
  return {{"id", id.toString()},
          {"schemaVersion", "components.meshery.io/v1beta1"},
          {"version", "v1.0.0"},
          {"displayName", displayNameOf(generated.kind)},
          {"description", description},
          {"format", "JSON"},
          {"model", model_document},
          {"modelReference",
           {{"id", model_document["id"]},
            {"name", model.name},
            {"version", model.version},
            {"displayName", model_document["displayName"]},
            {"registrant", {{"kind", model.registrant}}},
            {"model", {{"version", model.upstream_version}}}}},
          {"styles",
           {{"primaryColor", "#00B39F"}, {"secondaryColor", "#00D3A9"}, {"shape", "circle"}}},
          {"capabilities", defaultCapabilities()},
          {"status", "enabled"},
          {"metadata",
           {{"configurationUISchema", ""},
            {"genealogy", ""},
            {"instanceDetails", nullptr},
            {"isAnnotation", false},
            {"isNamespaced", generated.namespaced},
            {"published", false},
            {"source_uri", model.source_uri}}},
          {"configuration", nullptr},
          {"component",
           {{"version", generated.api_version},
            {"kind", generated.kind},
            {"schema", generated.schema.dump()}}}};
}

}  // namespace meshery::registry
