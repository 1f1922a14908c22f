#include "meshery/registry/model_import.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "document_fields.hpp"
#include "fast_json.hpp"
#include "import_documents.hpp"

namespace meshery::registry {
namespace {

using detail::DefinitionKind;

static_assert(kParsePadding >= detail::kJsonPadding);

/// A component, relationship or policy document waiting for its model.
struct PendingEntity {
  std::string source;
  std::string model_directory;
  std::string file;                         ///< path of the file it came from
  std::optional<std::size_t> parent_model;  ///< the model it was embedded in
  DefinitionKind kind = DefinitionKind::kUnknown;
  nlohmann::json document;
};

struct PendingModel {
  std::string source;
  std::string model_directory;
  std::string file;
  nlohmann::json document;
};

/// Everything read from the files before models and entities are assembled.
struct Collected {
  std::vector<PendingModel> models;
  std::vector<PendingEntity> entities;
};

Error notADefinition(const std::string& source) {
  return Error(ErrorCode::kInvalidArgument,
               source + " is not a Meshery model, component, relationship or policy definition",
               "Its schemaVersion, directory and fields match none of Meshery's definition kinds.",
               "Give the document a schemaVersion such as components.meshery.io/v1beta1, or "
               "move it out of the model directory.");
}

Error noModel(const std::string& source) {
  return Error(ErrorCode::kInvalidArgument, source + " does not name the model it belongs to",
               "Its `model` field has no name and no model.json lies beside its directory.",
               "Set `model.name` (and `model.model.version`) in the definition, or import it "
               "together with its model.");
}

bool namesModel(const nlohmann::json& document) {
  const nlohmann::json* model = detail::member(document, "model");
  if (model == nullptr) return false;
  if (model->is_string()) return !model->get_ref<const std::string&>().empty();
  const nlohmann::json* name = model->is_object() ? detail::member(*model, "name") : nullptr;
  return name != nullptr && name->is_string() && !name->get_ref<const std::string&>().empty();
}

/// Meshery's ModelReference of a model, as relationships and policies embed it.
nlohmann::json modelReference(const Model& model) {
  return {{"id", model.id.toString()},
          {"name", model.name},
          {"version", model.version},
          {"displayName", model.display_name},
          {"model", {{"version", model.upstream_version}}},
          {"registrant", {{"kind", model.registrant.kind}}}};
}

/// Splits embedded `components`, `relationships` and `policies` out of a model
/// document; the model keeps null arrays, as Meshery stores it.
void splitEmbedded(PendingModel& model, std::size_t model_index, Collected& collected) {
  const std::pair<std::string_view, DefinitionKind> kEmbedded[] = {
      {"components", DefinitionKind::kComponent},
      {"relationships", DefinitionKind::kRelationship},
      {"policies", DefinitionKind::kPolicy},
  };
  for (const auto& [key, kind] : kEmbedded) {
    auto found = model.document.find(key);
    if (found == model.document.end() || !found->is_array()) continue;
    std::size_t position = 0;
    for (auto& entity : *found) {
      collected.entities.push_back(
          {model.source + ":" + std::string(key) + "[" + std::to_string(position++) + "]",
           model.model_directory, model.file, model_index, kind, std::move(entity)});
    }
    *found = nullptr;
  }
}

void collectFile(ParsedFile& file, Collected& collected, ImportResult& result) {
  const detail::FileLocation location = detail::locate(file.path);
  if (location.format == detail::FileFormat::kOther) return;
  if (location.entity_directory == "connections") return;
  if (file.error) {
    result.failures.push_back({location.path, std::move(*file.error)});
    return;
  }
  std::vector<nlohmann::json>& documents = file.documents;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    std::string source =
        documents.size() > 1 ? location.path + "#" + std::to_string(i + 1) : location.path;
    const DefinitionKind kind = detail::classify(documents[i], location);
    if (kind == DefinitionKind::kUnknown) {
      result.failures.push_back({source, notADefinition(source)});
    } else if (kind == DefinitionKind::kModel) {
      collected.models.push_back(
          {std::move(source), location.model_directory, location.path, std::move(documents[i])});
    } else {
      collected.entities.push_back({std::move(source), location.model_directory, location.path,
                                    std::nullopt, kind, std::move(documents[i])});
    }
  }
}

/// Runs `read` and records an Error (or a JSON type error) as a failure of `source`.
template <typename Read>
void recordFailures(const std::string& source, ImportResult& result, Read read) {
  try {
    read();
  } catch (const Error& error) {
    result.failures.push_back({source, error});
  } catch (const nlohmann::json::exception& error) {
    result.failures.push_back(
        {source, Error(ErrorCode::kInvalidArgument, source + ": " + error.what(),
                       "A field of the definition has an unexpected type.",
                       "Compare the definition with Meshery's schema and correct it.")});
  }
}

/// One import: the files' documents, the models read so far and where they
/// came from, and the result being assembled.
class ImportSession {
 public:
  explicit ImportSession(std::vector<ParsedFile> files) {
    std::stable_sort(
        files.begin(), files.end(),
        [](const ParsedFile& left, const ParsedFile& right) { return left.path < right.path; });
    for (ParsedFile& file : files) collectFile(file, collected_, result_);
  }

  /// Models first: entities without a model of their own take their
  /// directory's or their file's.
  void readModels() {
    imported_.resize(collected_.models.size());
    for (std::size_t i = 0; i < collected_.models.size(); ++i) {
      PendingModel& pending = collected_.models[i];
      splitEmbedded(pending, i, collected_);
      recordFailures(pending.source, result_, [&] {
        result_.models.push_back(Model::fromJson(pending.document));
        imported_[i] = result_.models.size() - 1;
        by_directory_.emplace(pending.model_directory, *imported_[i]);
        by_file_.emplace(pending.file, *imported_[i]);
      });
    }
  }

  void readEntities() {
    for (PendingEntity& entity : collected_.entities) {
      recordFailures(entity.source, result_, [&] { readEntity(entity); });
    }
  }

  ImportResult take() { return std::move(result_); }

 private:
  void readEntity(PendingEntity& entity) {
    if (!namesModel(entity.document)) {
      const Model* model = modelFor(entity);
      if (model == nullptr) throw noModel(entity.source);
      entity.document["model"] =
          entity.kind == DefinitionKind::kComponent ? model->toJson() : modelReference(*model);
    }
    switch (entity.kind) {
      case DefinitionKind::kComponent:
        result_.components.push_back(ComponentDefinition::fromJson(std::move(entity.document)));
        break;
      case DefinitionKind::kRelationship:
        result_.relationships.push_back(RelationshipDefinition::fromJson(entity.document));
        break;
      case DefinitionKind::kPolicy:
        result_.policies.push_back(PolicyDefinition::fromJson(entity.document));
        break;
      case DefinitionKind::kModel:
      case DefinitionKind::kUnknown:
        break;
    }
  }

  /// The model an entity that names none belongs to: the model it was
  /// embedded in, else one from its file, else one from its model directory.
  const Model* modelFor(const PendingEntity& entity) const {
    if (entity.parent_model) {
      const auto& index = imported_[*entity.parent_model];
      return index ? &result_.models[*index] : nullptr;
    }
    if (auto found = by_file_.find(entity.file); found != by_file_.end()) {
      return &result_.models[found->second];
    }
    if (auto found = by_directory_.find(entity.model_directory); found != by_directory_.end()) {
      return &result_.models[found->second];
    }
    return nullptr;
  }

  ImportResult result_;
  Collected collected_;
  std::vector<std::optional<std::size_t>> imported_;  ///< pending model → result_.models index
  std::map<std::string, std::size_t> by_directory_;
  std::map<std::string, std::size_t> by_file_;
};

}  // namespace

ParsedFile parseFile(const FileEntry& file) {
  ParsedFile parsed{file.path, {}, std::nullopt};
  const detail::FileLocation location = detail::locate(file.path);
  if (location.format == detail::FileFormat::kOther) return parsed;
  if (location.entity_directory == "connections") return parsed;
  const bool padded = file.bytes.capacity() - file.bytes.size() >= kParsePadding;
  try {
    parsed.documents = detail::parseDocuments(location, file.bytes, padded);
  } catch (const Error& error) {
    parsed.error = error;
  }
  return parsed;
}

ImportResult importParsed(std::vector<ParsedFile> files) {
  ImportSession session(std::move(files));
  session.readModels();
  session.readEntities();
  return session.take();
}

RegistryChanges additionsOf(ImportResult&& result) {
  RegistryChanges changes;
  changes.models = std::move(result.models);
  changes.components = std::move(result.components);
  changes.relationships = std::move(result.relationships);
  changes.policies = std::move(result.policies);
  return changes;
}

ImportResult importModels(const std::vector<FileEntry>& files) {
  std::vector<ParsedFile> parsed;
  parsed.reserve(files.size());
  for (const FileEntry& file : files) parsed.push_back(parseFile(file));
  ImportSession session(std::move(parsed));
  session.readModels();
  session.readEntities();
  return session.take();
}

}  // namespace meshery::registry
