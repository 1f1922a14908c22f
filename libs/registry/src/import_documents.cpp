#include "import_documents.hpp"

#include <algorithm>

#include "document_fields.hpp"
#include "fast_json.hpp"
#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::registry::detail {
namespace {

constexpr std::string_view kEntityDirectories[] = {"components", "relationships", "policies",
                                                   "connections"};

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool startsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

std::string normalisePath(std::string_view path) {
  std::string normal(path);
  std::replace(normal.begin(), normal.end(), '\\', '/');
  while (startsWith(normal, "./")) normal.erase(0, 2);
  while (startsWith(normal, "/")) normal.erase(0, 1);
  return normal;
}

SourcePosition positionAt(std::string_view text, std::size_t offset) {
  SourcePosition position{1, 1};
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    if (text[i] == '\n') {
      ++position.line;
      position.column = 1;
    } else {
      ++position.column;
    }
  }
  return position;
}

nlohmann::json parseJson(const FileLocation& location, std::string_view text, bool padded) {
  if (auto document = parseJsonFast(text, padded)) return std::move(*document);
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& error) {
    const std::size_t offset = error.byte > 0 ? error.byte - 1 : 0;
    throw Error(ErrorCode::kMalformedInput, location.path + ": not valid JSON: " + error.what(),
                "The file is truncated or is not JSON despite its extension.",
                "Fix the JSON syntax at the reported position, or export the model again.",
                positionAt(text, offset));
  } catch (const nlohmann::json::exception& error) {
    // E.g. out_of_range for a number such as 1e400 that no double holds.
    throw Error(ErrorCode::kMalformedInput, location.path + ": not valid JSON: " + error.what(),
                "The file holds a value JSON cannot represent here (e.g. a number out of range).",
                "Fix the value named, or export the model again.");
  }
}

std::string lowerKind(const nlohmann::json& document) {
  const nlohmann::json* kind = member(document, "kind");
  return kind != nullptr && kind->is_string() ? toLower(kind->get<std::string>()) : std::string();
}

bool has(const nlohmann::json& document, std::string_view key) {
  return member(document, key) != nullptr;
}

}  // namespace

FileLocation locate(std::string_view path) {
  FileLocation location;
  location.path = normalisePath(path);
  const std::string& normal = location.path;
  const std::size_t slash = normal.rfind('/');
  const std::string directory =
      slash == std::string::npos ? std::string() : normal.substr(0, slash);
  const std::string name = slash == std::string::npos ? normal : normal.substr(slash + 1);
  const std::string lower_name = toLower(name);
  if (endsWith(lower_name, ".json")) {
    location.format = FileFormat::kJson;
  } else if (endsWith(lower_name, ".yaml") || endsWith(lower_name, ".yml")) {
    location.format = FileFormat::kYaml;
  }
  location.stem = name.substr(0, name.rfind('.'));
  if (startsWith(name, ".")) location.format = FileFormat::kOther;

  const std::size_t parent_slash = directory.rfind('/');
  const std::string parent =
      parent_slash == std::string::npos ? directory : directory.substr(parent_slash + 1);
  const bool in_entity_directory =
      std::find(std::begin(kEntityDirectories), std::end(kEntityDirectories), parent) !=
      std::end(kEntityDirectories);
  if (in_entity_directory) {
    location.entity_directory = parent;
    location.model_directory =
        parent_slash == std::string::npos ? std::string() : directory.substr(0, parent_slash);
  } else {
    location.model_directory = directory;
  }
  return location;
}

std::vector<nlohmann::json> parseDocuments(const FileLocation& location, std::string_view bytes,
                                           bool padded) {
  if (startsWith(bytes, "\xEF\xBB\xBF")) bytes.remove_prefix(3);
  std::vector<nlohmann::json> documents;
  if (location.format == FileFormat::kJson) {
    nlohmann::json value = parseJson(location, bytes, padded);
    if (value.is_array()) {
      for (auto& element : value) documents.push_back(std::move(element));
    } else {
      documents.push_back(std::move(value));
    }
    return documents;
  }
  try {
    documents = yaml::parseAll(bytes);
  } catch (const Error& error) {
    throw Error(error.code(), location.path + ": " + error.message(), error.cause(), error.remedy(),
                error.position());
  }
  std::erase_if(documents, [](const nlohmann::json& document) { return document.is_null(); });
  return documents;
}

DefinitionKind classify(const nlohmann::json& document, const FileLocation& location) {
  if (!document.is_object()) return DefinitionKind::kUnknown;
  const nlohmann::json* schema_version = member(document, "schemaVersion");
  const std::string version = schema_version != nullptr && schema_version->is_string()
                                  ? schema_version->get<std::string>()
                                  : std::string();
  if (startsWith(version, "models.")) return DefinitionKind::kModel;
  if (startsWith(version, "components.")) return DefinitionKind::kComponent;
  if (startsWith(version, "relationships.")) return DefinitionKind::kRelationship;
  if (startsWith(version, "policies.")) return DefinitionKind::kPolicy;
  if (location.entity_directory == "components") return DefinitionKind::kComponent;
  if (location.entity_directory == "relationships") return DefinitionKind::kRelationship;
  if (location.entity_directory == "policies") return DefinitionKind::kPolicy;
  if (toLower(location.stem) == "model") return DefinitionKind::kModel;
  const std::string kind = lowerKind(document);
  if (has(document, "component")) return DefinitionKind::kComponent;
  if (has(document, "selectors") || kind == "edge" || kind == "hierarchical" || kind == "sibling") {
    return DefinitionKind::kRelationship;
  }
  if (has(document, "expression")) return DefinitionKind::kPolicy;
  if (has(document, "name") && (has(document, "registrant") || has(document, "category") ||
                                has(document, "components") || has(document, "displayName"))) {
    return DefinitionKind::kModel;
  }
  return DefinitionKind::kUnknown;
}

}  // namespace meshery::registry::detail
