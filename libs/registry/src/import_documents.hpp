#pragma once

// Private: the file-level steps of model import — where a file sits in a
// model directory, parsing its bytes into documents, and telling what kind of
// definition a document is.

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/registry/model_import.hpp"

namespace meshery::registry::detail {

enum class DefinitionKind { kModel, kComponent, kRelationship, kPolicy, kUnknown };

enum class FileFormat { kJson, kYaml, kOther };

/// Where a file sits: `entity_directory` is "components", "relationships",
/// "policies" or "connections" when the file is directly inside one (else "");
/// `model_directory` is the directory whose model.json the file's entities
/// belong to (the parent of the entity directory, else the file's directory).
struct FileLocation {
  std::string path;  ///< normalised: '/' separators, no leading "./" or "/"
  std::string model_directory;
  std::string entity_directory;
  std::string stem;  ///< file name without extension
  FileFormat format = FileFormat::kOther;
};

FileLocation locate(std::string_view path);

/// The documents of a file: one JSON value (an array at top level is a list
/// of documents) or every document of a YAML stream. Throws
/// Error(kMalformedInput) naming the path, with line and column when known.
/// `padded`: kJsonPadding readable bytes follow `bytes` (spares a copy).
std::vector<nlohmann::json> parseDocuments(const FileLocation& location, std::string_view bytes,
                                           bool padded = false);

/// The kind of definition a document is: by schemaVersion, else by the
/// entity directory or the file stem "model", else by its shape.
DefinitionKind classify(const nlohmann::json& document, const FileLocation& location);

}  // namespace meshery::registry::detail
