// Designs back to Kubernetes manifests and Helm charts.
#include <cctype>
#include <map>
#include <string>
#include <vector>

#include "document_fields.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/design/export.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

bool isAnnotation(const json& component) {
  auto metadata = component.find("metadata");
  return metadata != component.end() && metadata->is_object() &&
         metadata->value("isAnnotation", false) == true;
}

/// The Kubernetes resource a declaration stands for.
json resourceOf(const json& component) {
  json resource = json::object();
  auto configuration = component.find("configuration");
  if (configuration != component.end() && configuration->is_object()) resource = *configuration;
  resource["apiVersion"] = detail::stringAt(component, "component", "version");
  resource["kind"] = detail::stringAt(component, "component", "kind");
  json& metadata = resource["metadata"];
  if (!metadata.is_object()) metadata = json::object();
  const std::string name = detail::stringAt(component, "displayName");
  if (!name.empty()) metadata["name"] = name;
  return resource;
}

std::string lowercaseName(std::string_view text) {
  std::string out;
  bool dash = false;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      if (dash && !out.empty()) out += '-';
      out += static_cast<char>(std::tolower(u));
      dash = false;
    } else {
      dash = true;
    }
  }
  return out;
}

/// Helm reads templates as Go templates: "{{" in a value must stay literal.
std::string escapeTemplate(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "{{") == 0) {
      out += "{{ \"{{\" }}";
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

}  // namespace

std::vector<DesignResource> resourcesOf(const Design& design) {
  std::vector<DesignResource> resources;
  const json document = design.toJson();
  for (const auto& component : document["components"]) {
    if (!component.is_object() || isAnnotation(component)) continue;
    resources.push_back({detail::stringAt(component, "id"),
                         detail::stringAt(component, "displayName"), resourceOf(component)});
  }
  return resources;
}

std::string toManifests(const Design& design) {
  std::string out;
  for (const auto& resource : resourcesOf(design)) {
    if (!out.empty()) out += "---\n";
    out += yaml::emit(resource.object);
  }
  return out;
}

std::string helmChartName(std::string_view design_name) {
  std::string name = lowercaseName(design_name);
  return name.empty() ? std::string("design") : name;
}

std::string toHelmChart(const Design& design) {
  const std::string chart = helmChartName(design.name);
  json chart_yaml = {{"apiVersion", "v2"},
                     {"name", chart},
                     {"version", design.version},
                     {"description", "Meshery design " + design.name},
                     {"type", "application"}};
  std::vector<archive::Entry> entries;
  entries.push_back({chart + "/Chart.yaml", yaml::emit(chart_yaml)});
  entries.push_back({chart + "/values.yaml", "{}\n"});
  std::map<std::string, int> used;
  for (const auto& resource : resourcesOf(design)) {
    const json& object = resource.object;
    std::string stem = lowercaseName(object["kind"].get<std::string>()) + "-" +
                       lowercaseName(detail::stringAt(object, "metadata", "name"));
    if (int n = ++used[stem]; n > 1) stem += "-" + std::to_string(n);
    entries.push_back({chart + "/templates/" + stem + ".yaml", escapeTemplate(yaml::emit(object))});
  }
  return archive::writeArchive(entries, archive::Format::kTarGzip);
}

}  // namespace meshery::design
