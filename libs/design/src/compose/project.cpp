#include "compose_project.hpp"
#include "compose_values.hpp"

namespace meshery::design::compose {

using nlohmann::json;

void Diagnostics::warn(const std::string& subject, const std::string& message) {
  if (seen_.emplace(subject, message).second) warnings_.push_back({subject, message});
}

const json& Project::section(const std::string& key) const {
  static const json kEmpty = json::object();
  const auto found = document.find(key);
  return found != document.end() && found->is_object() ? *found : kEmpty;
}

const std::string* Project::file(const std::string& path) const {
  if (path.empty()) return nullptr;
  for (const auto& [name, content] : options.files) {
    if (cleanRelativePath(name) == path) return &content;
  }
  return nullptr;
}

std::optional<std::map<std::string, const std::string*>> Project::directory(const std::string& path,
                                                                            bool& nested) const {
  std::map<std::string, const std::string*> files;
  nested = false;
  const std::string prefix = path.empty() ? "" : path + "/";
  bool any = false;
  for (const auto& [name, content] : options.files) {
    const std::string clean = cleanRelativePath(name);
    if (clean.rfind(prefix, 0) != 0 || clean.size() == prefix.size()) continue;
    any = true;
    const std::string rest = clean.substr(prefix.size());
    if (rest.find('/') != std::string::npos) {
      nested = true;
    } else {
      files[rest] = &content;
    }
  }
  if (!any) return std::nullopt;
  return files;
}

std::optional<std::string> Service::label(const std::string& key) const {
  const auto found = labels.find(key);
  if (found == labels.end()) return std::nullopt;
  return found->second;
}

const json& Service::field(const std::string& key) const {
  static const json kNull;
  const auto found = spec.find(key);
  return found == spec.end() ? kNull : *found;
}

const json& Service::deploy(const std::string& key) const {
  static const json kNull;
  const json& section = field("deploy");
  if (!section.is_object()) return kNull;
  const auto found = section.find(key);
  return found == section.end() ? kNull : *found;
}

json selectorOf(const std::string& name) {
  return {{"io.kompose.service", name}};
}

json objectOf(const std::string& api_version, const std::string& kind, const std::string& name,
              const std::string& label_value) {
  return {{"apiVersion", api_version},
          {"kind", kind},
          {"metadata",
           {{"name", name}, {"labels", selectorOf(label_value.empty() ? name : label_value)}}}};
}

}  // namespace meshery::design::compose
