#include "meshery/cli/config.hpp"

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <sstream>

#include "atomic_file.hpp"
#include "meshery/core/error.hpp"
#include "yaml_json.hpp"

namespace meshery::cli {
namespace {

constexpr std::string_view kRemedy =
    "Fix the file by hand, or move it aside and run mesheryctl again to get a fresh default "
    "configuration.";

Error shapeError(std::string_view source, const YAML::Node& node, const std::string& cause) {
  const auto mark = node.Mark();
  SourcePosition position{static_cast<std::uint32_t>(mark.line + 1),
                          static_cast<std::uint32_t>(mark.column + 1)};
  return Error(ErrorCode::kInvalidConfiguration,
               "invalid mesheryctl configuration " + std::string(source),
               cause + " (line " + std::to_string(position.line) + ", column " +
                   std::to_string(position.column) + ")",
               std::string(kRemedy), position);
}

void requireScalarFields(std::string_view source, const YAML::Node& context, const std::string& name) {
  for (const auto& field : context) {
    const auto key = field.first.as<std::string>();
    const bool list_field = key == "components" || key == "adapters";
    if (list_field && !field.second.IsSequence() && !field.second.IsNull()) {
      throw shapeError(source, field.second, "'contexts." + name + "." + key + "' must be a list");
    }
    if (!list_field && (key == "endpoint" || key == "token" || key == "platform" || key == "channel" ||
                        key == "version" || key == "provider") &&
        !field.second.IsScalar() && !field.second.IsNull()) {
      throw shapeError(source, field.second, "'contexts." + name + "." + key + "' must be a single value");
    }
  }
}

void validateShape(std::string_view source, const YAML::Node& root) {
  if (!root.IsDefined() || root.IsNull()) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "invalid mesheryctl configuration " + std::string(source), "The file is empty.",
                std::string(kRemedy));
  }
  if (!root.IsMap()) throw shapeError(source, root, "the document is not a mapping of keys to values");
  if (const auto contexts = root["contexts"]; contexts && !contexts.IsNull()) {
    if (!contexts.IsMap()) throw shapeError(source, contexts, "'contexts' must map names to contexts");
    for (const auto& entry : contexts) {
      const auto name = entry.first.as<std::string>();
      if (entry.second.IsNull()) continue;
      if (!entry.second.IsMap()) throw shapeError(source, entry.second, "context '" + name + "' is not a mapping");
      requireScalarFields(source, entry.second, name);
    }
  }
  if (const auto current = root["current-context"]; current && !current.IsScalar() && !current.IsNull()) {
    throw shapeError(source, current, "'current-context' must be a context name");
  }
  if (const auto tokens = root["tokens"]; tokens && !tokens.IsSequence() && !tokens.IsNull()) {
    throw shapeError(source, tokens, "'tokens' must be a list of {name, location}");
  }
}

std::string readFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::kInvalidConfiguration, "cannot read " + path.string(),
                "The file exists but cannot be opened (permissions?).",
                "Check the file's permissions, or pass another file with --config.");
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

Context defaultContext() {
  Context context;
  context.endpoint = "http://localhost:9081";
  context.token = "default";
  context.platform = "docker";
  context.channel = "stable";
  context.version = "latest";
  context.provider = "Local";
  return context;
}

Config Config::defaults() {
  auto document = nlohmann::json::object();
  document["contexts"] = nlohmann::json::object();
  document["current-context"] = std::string(kDefaultContextName);
  document["tokens"] = nlohmann::json::array({{{"name", "default"}, {"location", "auth.json"}}});
  Config config(std::move(document));
  config.setContext(std::string(kDefaultContextName), defaultContext());
  return config;
}

namespace {

/// Meshery's own fields are strings: take their text as written ("007",
/// "1.10"), while unknown keys keep their resolved types.
void keepStringFieldsAsWritten(nlohmann::json& document, const nlohmann::json& text) {
  static constexpr std::string_view kContextFields[] = {"endpoint", "token",   "platform",
                                                        "channel",  "version", "provider"};
  auto copyIfText = [](nlohmann::json& to, const nlohmann::json& from, std::string_view key) {
    auto it = from.find(key);
    if (it != from.end() && it->is_string() && to.contains(key) && !to[std::string(key)].is_object() &&
        !to[std::string(key)].is_array()) {
      to[std::string(key)] = *it;
    }
  };
  copyIfText(document, text, "current-context");
  if (text.contains("contexts") && text["contexts"].is_object()) {
    for (auto& [name, context] : document["contexts"].items()) {
      const auto& written = text["contexts"].value(name, nlohmann::json::object());
      if (!context.is_object() || !written.is_object()) continue;
      for (auto field : kContextFields) copyIfText(context, written, field);
    }
  }
  if (document.contains("tokens") && document["tokens"].is_array() && text.contains("tokens") &&
      text["tokens"].is_array() && text["tokens"].size() == document["tokens"].size()) {
    for (std::size_t i = 0; i < document["tokens"].size(); ++i) {
      if (!document["tokens"][i].is_object() || !text["tokens"][i].is_object()) continue;
      copyIfText(document["tokens"][i], text["tokens"][i], "name");
      copyIfText(document["tokens"][i], text["tokens"][i], "location");
    }
  }
}

}  // namespace

Config Config::parse(std::string_view yaml_text, std::string_view source) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml_text));
  } catch (const YAML::Exception& error) {
    SourcePosition position{static_cast<std::uint32_t>(error.mark.line + 1),
                            static_cast<std::uint32_t>(error.mark.column + 1)};
    throw Error(ErrorCode::kInvalidConfiguration,
                "cannot parse the mesheryctl configuration " + std::string(source),
                "YAML syntax error at line " + std::to_string(position.line) + ", column " +
                    std::to_string(position.column) + ": " + error.msg,
                std::string(kRemedy), position);
  }
  validateShape(source, root);
  auto document = yamlToJson(root);
  if (!document.contains("contexts") || document["contexts"].is_null()) {
    document["contexts"] = nlohmann::json::object();
  }
  for (auto& [name, context] : document["contexts"].items()) {
    if (context.is_null()) context = nlohmann::json::object();
  }
  keepStringFieldsAsWritten(document, yamlToJsonText(root));
  return Config(std::move(document));
}

Config Config::load(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    throw Error(ErrorCode::kNotFound, "configuration file " + path.string() + " does not exist",
                "--config names a file that is not there.",
                "Check the path, or omit --config to use (and create) the default "
                "$MESHERY_HOME/config.yaml.");
  }
  return parse(readFile(path), path.string());
}

Config Config::loadOrCreate(const std::filesystem::path& path, bool* created) {
  std::error_code error;
  const bool missing = !std::filesystem::exists(path, error) && !std::filesystem::is_symlink(path, error);
  if (missing) defaults().save(path);
  if (created != nullptr) *created = missing;
  return load(path);
}

std::string Config::serialize() const { return jsonToYaml(document_); }

void Config::save(const std::filesystem::path& path) const { writeFileAtomically(path, serialize()); }

}  // namespace meshery::cli
