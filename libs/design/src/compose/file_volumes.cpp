// Top-level `configs` and `secrets` → ConfigMaps and Secrets, mounted where
// a service references them (one key each, at the reference's target).
#include "compose_project.hpp"
#include "compose_values.hpp"
#include "meshery/core/base64.hpp"

namespace meshery::design::compose {
namespace {

using nlohmann::json;

struct Reference {
  std::string source;
  std::string target;
  std::optional<std::int64_t> mode;
};

std::optional<std::int64_t> modeOf(const json& value) {
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    std::int64_t mode = 0;
    for (const char c : text) {
      if (c < '0' || c > '7') return std::nullopt;
      mode = mode * 8 + (c - '0');
    }
    return text.empty() ? std::nullopt : std::optional<std::int64_t>(mode);
  }
  return integerOf(value);
}

std::vector<Reference> referencesOf(const json& list) {
  std::vector<Reference> references;
  if (!list.is_array()) return references;
  for (const auto& entry : list) {
    Reference reference;
    if (entry.is_string()) {
      reference.source = entry.get<std::string>();
    } else if (entry.is_object()) {
      reference.source = scalarText(entry.value("source", json())).value_or("");
      reference.target = scalarText(entry.value("target", json())).value_or("");
      if (entry.contains("mode")) reference.mode = modeOf(entry["mode"]);
    }
    if (!reference.source.empty()) references.push_back(std::move(reference));
  }
  return references;
}

// The content of a config or secret: from `file`, `content` or `environment`.
std::optional<std::pair<std::string, std::string>> contentOf(const Project& project,
                                                             const std::string& key,
                                                             const json& declared,
                                                             const std::string& subject) {
  if (declared.contains("file")) {
    const std::string path = scalarText(declared["file"]).value_or("");
    if (const std::string* text = project.file(cleanRelativePath(path))) {
      return std::make_pair(baseName(path), *text);
    }
    project.diagnostics.warn(
        subject, "file " + path + " was not provided with the Compose file; not mounted");
    return std::nullopt;
  }
  if (declared.contains("content")) {
    return std::make_pair(key, scalarText(declared["content"]).value_or(""));
  }
  if (declared.contains("environment")) {
    const std::string variable = scalarText(declared["environment"]).value_or("");
    if (const auto found = project.variables.find(variable); found != project.variables.end()) {
      return std::make_pair(key, found->second);
    }
    project.diagnostics.warn(subject, "variable " + variable + " is not set; not mounted");
    return std::nullopt;
  }
  project.diagnostics.warn(subject, "has no file, content or environment; not mounted");
  return std::nullopt;
}

void mountReferences(const Project& project, const Service& service, PodParts& pod, bool secrets) {
  const std::string section = secrets ? "secrets" : "configs";
  const std::string what = secrets ? "secret " : "config ";
  for (const auto& reference : referencesOf(service.field(section))) {
    const json& declared = project.section(section).value(reference.source, json());
    const std::string subject = what + reference.source;
    if (!declared.is_object()) {
      project.diagnostics.warn(
          service.subject,
          what + reference.source + " is not declared at the top level; not mounted");
      continue;
    }
    if (booleanOf(declared.value("external", json(false))).value_or(false)) {
      project.diagnostics.warn(subject, "is external and not converted: create the " +
                                            std::string(secrets ? "Secret" : "ConfigMap") +
                                            " yourself and mount it");
      continue;
    }
    const auto content = contentOf(project, reference.source, declared, subject);
    if (!content) continue;
    const std::string name = kubernetesName(reference.source);
    std::string target = reference.target;
    if (target.empty()) target = (secrets ? "/run/secrets/" : "/") + reference.source;
    if (target[0] != '/') target = (secrets ? "/run/secrets/" : "/") + target;
    json items = {{{"key", content->first}, {"path", baseName(target)}}};
    json volume = {{"name", name}};
    if (secrets) {
      json object = objectOf("v1", "Secret", name);
      object["type"] = "Opaque";
      object["data"] = {{content->first, encodeBase64(content->second)}};
      pod.objects.push_back(std::move(object));
      volume["secret"] = {{"secretName", name}, {"items", items}};
      if (reference.mode) volume["secret"]["defaultMode"] = *reference.mode;
    } else {
      json object = objectOf("v1", "ConfigMap", name);
      object[isText(content->second) ? "data" : "binaryData"][content->first] =
          isText(content->second) ? content->second : encodeBase64(content->second);
      pod.objects.push_back(std::move(object));
      volume["configMap"] = {{"name", name}, {"items", items}};
      if (reference.mode) volume["configMap"]["defaultMode"] = *reference.mode;
    }
    pod.container["volumeMounts"].push_back(
        {{"mountPath", target}, {"name", name}, {"readOnly", true}, {"subPath", baseName(target)}});
    bool known = false;
    for (const auto& existing : pod.volumes) known = known || existing["name"] == name;
    if (!known) pod.volumes.push_back(std::move(volume));
  }
}

}  // namespace

void addFileVolumes(const Project& project, const Service& service, PodParts& pod) {
  mountReferences(project, service, pod, false);
  mountReferences(project, service, pod, true);
}

}  // namespace meshery::design::compose
