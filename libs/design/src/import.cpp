// The import pipeline: sanitize → identify → to manifests → to design →
// validate. Identification follows Meshery's order (design, Kubernetes
// manifest, Docker Compose); when the user declares a type only that type is
// tried, and the error then also says what the input looks like.
#include <algorithm>
#include <functional>
#include <optional>
#include <string>

#include "document_fields.hpp"
#include "meshery/design/compose.hpp"
#include "meshery/design/import.hpp"
#include "meshery/yaml/yaml.hpp"
#include "pipeline.hpp"

namespace meshery::design {
namespace {

using detail::InputFile;
using nlohmann::json;

struct ParsedFile {
  const InputFile* file;
  std::vector<json> documents;
};

/// JSON is read as JSON first (it may be indented with tabs, which YAML
/// refuses); YAML's parser reports the position of any error.
std::vector<json> parseDocuments(const InputFile& file) {
  const auto first = file.bytes.find_first_not_of(" \t\r\n");
  if (first != std::string::npos && (file.bytes[first] == '{' || file.bytes[first] == '[')) {
    json document = json::parse(file.bytes, nullptr, false);
    if (!document.is_discarded()) return {std::move(document)};
  }
  try {
    return yaml::parseAll(file.bytes);
  } catch (const Error& error) {
    throw Error(error.code(), file.path + ": " + error.message(), error.cause(),
                error.remedy().empty() ? "fix the YAML at the position given and import again"
                                       : error.remedy(),
                error.position());
  }
}

/// Each detector says why the documents are not of its type ("" when they are).
std::string notADesign(const std::vector<json>& documents) {
  if (documents.size() != 1) {
    return "holds " + std::to_string(documents.size()) + " documents; a design is one";
  }
  const json& document = documents.front();
  if (!document.is_object()) return "not a map";
  if (detail::stringAt(document, "schemaVersion").starts_with(detail::kDesignSchemaPrefix) ||
      detail::isLegacyPattern(document)) {
    return {};
  }
  return "no schemaVersion designs.meshery.io/… and no pattern 'services' with a 'type'";
}

std::string notAManifest(const std::vector<json>& documents) {
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::string which = "document " + std::to_string(i + 1);
    if (!documents[i].is_object()) return which + " is not a map";
    if (detail::stringAt(documents[i], "apiVersion").empty()) return which + " has no apiVersion";
    if (detail::stringAt(documents[i], "kind").empty()) return which + " has no kind";
    auto metadata = documents[i].find("metadata");
    if (metadata != documents[i].end() && !metadata->is_object() && !metadata->is_null()) {
      return which + " has a metadata that is not a map";
    }
  }
  return {};
}

std::string notCompose(const std::vector<json>& documents) {
  if (documents.size() != 1) return "holds " + std::to_string(documents.size()) + " documents";
  if (!looksLikeCompose(documents.front())) {
    return "no top-level 'services' whose entries have an image or a build";
  }
  return {};
}

using Detector = std::function<std::string(const std::vector<json>&)>;

struct Detection {
  SourceType type;
  Detector not_of_type;
};

const std::vector<Detection>& detectionOrder() {
  static const std::vector<Detection> kOrder = {
      {SourceType::kDesign, notADesign},
      {SourceType::kKubernetesManifest, notAManifest},
      {SourceType::kDockerCompose, notCompose},
  };
  return kOrder;
}

std::optional<SourceType> typeOf(const std::vector<json>& documents) {
  for (const auto& detection : detectionOrder()) {
    if (detection.not_of_type(documents).empty()) return detection.type;
  }
  return std::nullopt;
}

/// The type of one file, or an error with what each attempt said.
SourceType identify(const ParsedFile& parsed, std::optional<SourceType> declared) {
  if (parsed.documents.empty()) {
    throw Error(ErrorCode::kInvalidArgument, parsed.file->path + ": nothing to import",
                "the file holds no YAML or JSON document (only comments or '---')",
                "provide a design, Kubernetes manifests or a Docker Compose file");
  }
  std::string trace;
  for (const auto& detection : detectionOrder()) {
    if (declared && *declared != detection.type) continue;
    std::string reason = detection.not_of_type(parsed.documents);
    if (reason.empty()) return detection.type;
    if (!trace.empty()) trace += "; ";
    trace += std::string(toString(detection.type)) + ": " + reason;
  }
  std::string message = parsed.file->path + ": not ";
  if (declared) {
    message += "a " + std::string(toString(*declared));
    if (auto actual = typeOf(parsed.documents)) {
      message += " (it looks like a " + std::string(toString(*actual)) + ")";
    }
  } else {
    message += "a Meshery design, Kubernetes manifest or Docker Compose file";
  }
  throw Error(ErrorCode::kInvalidArgument, message, trace,
              declared ? "import it with the type it has, or without a declared type"
                       : "check that the file is a design (schemaVersion designs.meshery.io/v1beta1), "
                         "Kubernetes resources (apiVersion and kind) or a Compose file (services)");
}

/// The file (or files) to import and their type.
struct Selection {
  SourceType type = SourceType::kDesign;
  std::vector<const ParsedFile*> files;
};

Selection selectAmong(const std::vector<ParsedFile>& parsed, std::optional<SourceType> declared,
                      std::vector<ImportWarning>& warnings) {
  if (parsed.size() == 1) return {identify(parsed.front(), declared), {&parsed.front()}};
  std::vector<const ParsedFile*> by_type[3];
  for (const auto& file : parsed) {
    if (auto type = typeOf(file.documents); type && (!declared || *declared == *type)) {
      by_type[static_cast<int>(*type)].push_back(&file);
    }
  }
  for (SourceType type : {SourceType::kDesign, SourceType::kDockerCompose}) {
    const auto& files = by_type[static_cast<int>(type)];
    if (files.size() > 1) {
      throw Error(ErrorCode::kInvalidArgument,
                  "the archive holds " + std::to_string(files.size()) + " " +
                      std::string(toString(type)) + " files: '" + files[0]->file->path + "' and '" +
                      files[1]->file->path + "'",
                  "one import makes one design", "archive one of them per import");
    }
    if (files.size() == 1) return {type, files};
  }
  Selection selection{SourceType::kKubernetesManifest, by_type[1]};
  for (const auto& file : parsed) {
    if (std::find(selection.files.begin(), selection.files.end(), &file) == selection.files.end()) {
      warnings.push_back({"file " + file.file->path,
                          file.documents.empty() ? "empty; ignored"
                                                 : "not a Kubernetes manifest (" +
                                                       notAManifest(file.documents) + "); ignored"});
    }
  }
  if (selection.files.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "the archive holds no Meshery design, Kubernetes manifest or Docker Compose file",
                "none of its " + std::to_string(parsed.size()) + " YAML/JSON files is one",
                "check the archive's content");
  }
  return selection;
}

std::string designNameOf(const ImportSource& source) {
  if (!source.name.empty()) return source.name;
  std::string stem = detail::stemOf(source.file_name);
  return stem.empty() ? std::string("Untitled Design") : stem;
}

Design importCompose(const ParsedFile& compose, const detail::SanitizedInput& input,
                     const std::string& name, const registry::RegistrySnapshot& registry,
                     std::vector<ImportWarning>& warnings) {
  ComposeOptions options;
  for (const auto* files : {&input.files, &input.others}) {
    for (const auto& file : *files) {
      if (&file != compose.file) options.files[file.path] = file.bytes;
    }
  }
  auto conversion = convertCompose(compose.file->bytes, options);
  for (auto& warning : conversion.warnings) {
    warnings.push_back({std::move(warning.subject), std::move(warning.message)});
  }
  auto manifests = detail::flattenLists(std::move(conversion.manifests), warnings);
  return detail::designFromManifests(manifests, name, registry, warnings);
}

/// A chart is an input with Chart.yaml at its root, unless the user says
/// the input is something else; one declared a chart must have it.
bool isChart(const detail::SanitizedInput& input, const ImportSource& source) {
  if (source.declared && source.declared != SourceType::kHelmChart) return false;
  const bool chart = std::any_of(input.files.begin(), input.files.end(),
                                 [](const InputFile& file) { return file.path == "Chart.yaml"; });
  if (!chart && source.declared == SourceType::kHelmChart) {
    throw Error(ErrorCode::kInvalidArgument, source.file_name + ": not a Helm chart",
                input.archive ? "the archive has no Chart.yaml at its root"
                              : "a chart is a directory of files, and this is one file",
                "import the chart's .tgz (helm package, or tar czf chart.tgz chart/), or the "
                "chart's directory with mesheryctl");
  }
  return chart;
}

/// The chart rendered by the caller's renderer, its resources made a design
/// named after the chart unless the user named it.
Design importChart(const ImportSource& source, detail::SanitizedInput input,
                   const registry::RegistrySnapshot& registry,
                   std::vector<ImportWarning>& warnings) {
  if (!source.render_chart) {
    throw Error(ErrorCode::kInvalidArgument, source.file_name + ": Helm charts cannot be imported here",
                "the input is a Helm chart (it has Chart.yaml) and this caller renders no charts",
                "import it through the server or mesheryctl, which render charts");
  }
  std::vector<archive::Entry> files;
  for (auto* group : {&input.files, &input.others}) {
    for (auto& file : *group) files.push_back({std::move(file.path), std::move(file.bytes)});
  }
  RenderedChart chart;
  try {
    chart = source.render_chart(std::move(files));
  } catch (const Error& error) {
    throw Error(error.code(), source.file_name + ": " + error.message(), error.cause(),
                error.remedy(), error.position());
  }
  warnings.insert(warnings.end(), std::make_move_iterator(chart.warnings.begin()),
                  std::make_move_iterator(chart.warnings.end()));
  auto manifests = detail::flattenLists(std::move(chart.resources), warnings);
  std::string name = source.name;
  if (name.empty()) name = chart.name.empty() ? designNameOf(source) : chart.name;
  return detail::designFromManifests(manifests, name, registry, warnings);
}

ImportResult runPipeline(const ImportSource& source, const registry::RegistrySnapshot& registry,
                         const ImportLimits& limits) {
  ImportResult result;
  detail::SanitizedInput input = detail::sanitize(source, limits);
  result.warnings = std::move(input.warnings);
  if (isChart(input, source)) {
    result.source_type = SourceType::kHelmChart;
    result.design = importChart(source, std::move(input), registry, result.warnings);
    result.validation = validateDesign(result.design, registry);
    return result;
  }
  std::vector<ParsedFile> parsed;
  for (const auto& file : input.files) parsed.push_back({&file, parseDocuments(file)});
  Selection selection = selectAmong(parsed, source.declared, result.warnings);
  result.source_type = selection.type;
  if (!input.archive || selection.type != SourceType::kDockerCompose) {
    for (const auto& file : input.others) {
      result.warnings.push_back({"file " + file.path, "not YAML or JSON; ignored"});
    }
  }
  if (selection.type != SourceType::kKubernetesManifest) {
    for (const auto& file : parsed) {
      if (&file != selection.files.front()) {
        result.warnings.push_back({"file " + file.file->path, "ignored: the archive's " +
                                                                  std::string(toString(selection.type)) +
                                                                  " is '" +
                                                                  selection.files.front()->file->path + "'"});
      }
    }
  }
  switch (selection.type) {
    case SourceType::kDesign: {
      result.design = Design::fromJson(selection.files.front()->documents.front());
      if (!source.name.empty()) result.design.name = source.name;
      if (result.design.name.empty()) result.design.name = designNameOf(source);
      result.design.document["name"] = result.design.name;
      detail::completeDesign(result.design, registry, result.warnings);
      break;
    }
    case SourceType::kDockerCompose:
      result.design = importCompose(*selection.files.front(), input, designNameOf(source), registry,
                                    result.warnings);
      break;
    default: {
      std::vector<json> documents;
      for (const auto* file : selection.files) {
        documents.insert(documents.end(), file->documents.begin(), file->documents.end());
      }
      auto manifests = detail::flattenLists(std::move(documents), result.warnings);
      result.design = detail::designFromManifests(manifests, designNameOf(source), registry,
                                                  result.warnings);
      break;
    }
  }
  result.validation = validateDesign(result.design, registry);
  return result;
}

}  // namespace

ImportResult importDesign(const ImportSource& source, const registry::RegistrySnapshot& registry,
                          const ImportLimits& limits) {
  try {
    return runPipeline(source, registry, limits);
  } catch (const nlohmann::json::exception& error) {
    // A document shape no stage expected: the user's input, reported as such.
    throw Error(ErrorCode::kInvalidArgument, source.file_name + ": cannot import this document",
                std::string("a value has an unexpected type (") + error.what() + ")",
                "check the file against the format it claims to be");
  }
}

}  // namespace meshery::design
