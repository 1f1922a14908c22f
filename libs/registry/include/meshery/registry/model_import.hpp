#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/registry/component.hpp"
#include "meshery/registry/model.hpp"
#include "meshery/registry/policy.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/registry/relationship.hpp"

namespace meshery::registry {

/// One regular file of a model directory or archive: its path relative to the
/// root that was read ("kubernetes/v1.35.0/v1.0.0/model.json") and its bytes.
struct FileEntry {
  std::string path;
  std::string bytes;
};

/// A file, or one document of a file ("models.yaml#2"), that was not imported.
struct ImportFailure {
  std::string path;
  Error error;
};

/// What an import produced. Files are read in path order (entities embedded
/// in a model file follow the lone ones); a failure in one file never stops
/// the others.
struct ImportResult {
  std::vector<Model> models;
  std::vector<ComponentDefinition> components;
  std::vector<RelationshipDefinition> relationships;
  std::vector<PolicyDefinition> policies;
  std::vector<ImportFailure> failures;
};

/// Reads model definitions from files, JSON or YAML (".json", ".yaml", ".yml";
/// other files and `connections/` directories are skipped). Recognises:
///  - Meshery's published layout `<model>/<version>/v1.0.0/{model.json,
///    components/*.json, relationships/*.json, policies/*.json}`, also without
///    the `<model>/<version>/` prefix and under any further prefix;
///  - a single file holding a model with embedded `components` and
///    `relationships` (they are split out; the model keeps null arrays);
///  - lone component, relationship or policy files whose `model` names their model.
/// A document's kind comes from its schemaVersion, else its directory, else
/// its shape. An entity without a `model` gets the model of its directory
/// (model.json/.yaml beside `components/`) or of its file; without either it is
/// a failure. Multi-document YAML is accepted. Failures carry the path and an
/// Error (code, message, cause, remedy).
ImportResult importModels(const std::vector<FileEntry>& files);

/// The definitions of an import as one registry change that adds them all
/// (the failures are left behind in `result`).
RegistryChanges additionsOf(ImportResult&& result);

/// A file parsed into its documents but not yet imported: importModels split
/// in two, so that callers can parse files on several threads and drop each
/// file's bytes as soon as it is parsed.
struct ParsedFile {
  std::string path;                       ///< as in FileEntry
  std::vector<nlohmann::json> documents;  ///< none for files import skips
  std::optional<Error> error;             ///< why the file could not be parsed
};

/// Parses one file as importModels does. Pure and thread-safe. JSON is read
/// without copying the bytes when `file.bytes` has kParsePadding bytes of
/// spare capacity.
ParsedFile parseFile(const FileEntry& file);

/// Spare capacity of FileEntry::bytes that lets parseFile skip a copy.
inline constexpr std::size_t kParsePadding = 64;

/// Imports parsed files: importModels(files) is importParsed of parseFile of
/// each file. The order of `files` does not matter (they are taken in path order).
ImportResult importParsed(std::vector<ParsedFile> files);

}  // namespace meshery::registry
