#include <algorithm>

#include "meshery/cli/config.hpp"
#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

std::string fieldText(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return {};
  if (found->is_string()) return found->get<std::string>();
  return found->dump();
}

std::vector<std::string> listField(const nlohmann::json& object, const char* key) {
  std::vector<std::string> out;
  const auto found = object.find(key);
  if (found == object.end() || !found->is_array()) return out;
  for (const auto& item : *found) out.push_back(item.is_string() ? item.get<std::string>() : item.dump());
  return out;
}

void setOrErase(nlohmann::json& object, const char* key, const std::string& value) {
  if (value.empty()) {
    object.erase(key);
  } else {
    object[key] = value;
  }
}

std::string joinNames(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& name : names) out += (out.empty() ? "" : ", ") + name;
  return out.empty() ? "(none)" : out;
}

}  // namespace

std::vector<std::string> Config::contextNames() const {
  std::vector<std::string> names;
  for (const auto& [name, context] : document_.at("contexts").items()) names.push_back(name);
  std::sort(names.begin(), names.end());
  return names;
}

bool Config::hasContext(std::string_view name) const {
  return document_.at("contexts").contains(std::string(name));
}

void Config::requireContext(std::string_view name) const {
  if (!hasContext(name)) {
    throw Error(ErrorCode::kNotFound, "context '" + std::string(name) + "' does not exist",
                "The configuration has these contexts: " + joinNames(contextNames()) + ".",
                "Run 'mesheryctl system context list' to see the contexts, or create one with "
                "'mesheryctl system context create NAME --url URL'.");
  }
}

nlohmann::json Config::contextDocument(std::string_view name) const {
  requireContext(name);
  return document_.at("contexts").at(std::string(name));
}

Context Config::context(std::string_view name) const {
  const auto document = contextDocument(name);
  Context context;
  context.endpoint = fieldText(document, "endpoint");
  context.token = fieldText(document, "token");
  context.platform = fieldText(document, "platform");
  context.components = listField(document, document.contains("components") ? "components" : "adapters");
  context.channel = fieldText(document, "channel");
  context.version = fieldText(document, "version");
  context.provider = fieldText(document, "provider");
  return context;
}

void Config::setContext(const std::string& name, const Context& context) {
  auto& entry = document_["contexts"][name];
  if (!entry.is_object()) entry = nlohmann::json::object();
  setOrErase(entry, "endpoint", context.endpoint);
  setOrErase(entry, "token", context.token);
  entry["platform"] = context.platform;
  if (context.components.empty()) {
    entry.erase("components");
  } else {
    entry["components"] = context.components;
  }
  setOrErase(entry, "channel", context.channel);
  setOrErase(entry, "version", context.version);
  setOrErase(entry, "provider", context.provider);
}

void Config::removeContext(std::string_view name) {
  requireContext(name);
  document_["contexts"].erase(std::string(name));
}

std::string Config::currentContextName() const {
  const auto found = document_.find("current-context");
  if (found == document_.end() || found->is_null()) return {};
  return found->is_string() ? found->get<std::string>() : found->dump();
}

void Config::setCurrentContext(const std::string& name) {
  requireContext(name);
  document_["current-context"] = name;
}

std::vector<Token> Config::tokens() const {
  std::vector<Token> out;
  const auto found = document_.find("tokens");
  if (found == document_.end() || !found->is_array()) return out;
  for (const auto& item : *found) {
    if (!item.is_object()) continue;
    out.push_back(Token{fieldText(item, "name"), fieldText(item, "location")});
  }
  return out;
}

}  // namespace meshery::cli
