// Meshery's design ("pattern") API: list, save, import, view, clone, delete,
// export in every format, revisions, validation.

#include <chrono>
#include <future>
#include <string>
#include <vector>

#include "design_envelope.hpp"
#include "handler.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/core/disposal.hpp"
#include "meshery/core/json_text.hpp"
#include "meshery/design/export.hpp"
#include "meshery/api/chart_import.hpp"
#include "meshery/design/import.hpp"
#include "meshery/policy/evaluate.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/store/store.hpp"
#include "registry_uploads.hpp"

namespace meshery::api {
namespace {

using store::StoredDesign;

Uuid idOf(std::string_view text) {
  return api::idOf(text, "the design id", "list designs with GET /api/pattern to find the id");
}

/// A saved design and its YAML (the answer's `pattern_file`).
struct SavedDesign {
  StoredDesign stored;
  std::string pattern_file;
};

/// Saves `design` as a new revision of `existing`, or as a new design: under
/// its own id unless a stored design has that id already (an import of an
/// exported design, a save of a downloaded one), then under a fresh one.
/// `design` is left as saved (its id set). Its YAML is written on a second
/// thread while the JSON is serialised and stored: for a design of a
/// thousand components each takes tens of milliseconds.
SavedDesign saveDesign(Services& services, const Principal& principal, design::Design& design,
                       const std::string& source_type, std::string source_name,
                       std::string source_content, const StoredDesign* existing) {
  if (!existing && services.store.designs().find(design.id)) design.id = Uuid::v4();
  auto now = std::chrono::system_clock::now();
  StoredDesign stored;
  stored.meta = {existing ? existing->meta.id : design.id, principal.user_id,
                 principal.organization_id,
                 existing ? existing->meta.visibility : store::Visibility::kPrivate, now, now};
  design.id = stored.meta.id;
  design.document["id"] = design.id.toString();
  design.document["name"] = design.name;
  design.document["version"] = design.version;
  const design::Design& saved = design;
  std::future<std::string> pattern_file =
      std::async(std::launch::async, [&saved] { return saved.toYaml(); });
  stored.name = design.name;
  stored.source_type = source_type;
  stored.document = design.toJsonText();
  stored.source_name = std::move(source_name);
  stored.source_content = std::move(source_content);
  // A failed save still waits for the YAML (the future's destructor joins).
  StoredDesign result = services.store.designs().save(stored);
  return {std::move(result), pattern_file.get()};
}

nlohmann::json warningsJson(const std::vector<design::ImportWarning>& warnings) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& warning : warnings) {
    out.push_back({{"subject", warning.subject}, {"message", warning.message}});
  }
  return out;
}

http::Response listDesigns(Services& services, http::Request& request, const Principal& principal) {
  store::DesignQuery query;
  query.organization_id = principal.organization_id;
  query.search = request.queryParam("search").value_or("");
  query.limit = pageSizeOf(request);
  const std::size_t page = pageOf(request);
  query.offset = page * query.limit;
  // Meshery sends order as "<field> [asc|desc]".
  std::string order = request.queryParam("order").value_or("updated_at desc");
  auto space = order.find(' ');
  query.order = order.substr(0, space);
  query.descending = space == std::string::npos ? query.order != "name"
                                                : order.substr(space + 1) != "asc";
  if (auto visibility = request.queryParam("visibility"); visibility && !visibility->empty()) {
    query.visibility = store::parseVisibility(*visibility);
  }
  store::DesignPage result = services.store.designs().list(query);
  nlohmann::json patterns = nlohmann::json::array();
  for (const auto& stored : result.items) patterns.push_back(patternJson(stored));
  std::size_t size = query.limit == 0 ? result.total : query.limit;
  return http::Response::json({{"page", page},
                               {"page_size", size},
                               {"pageSize", size},
                               {"total_count", result.total},
                               {"totalCount", result.total},
                               {"patterns", std::move(patterns)}});
}

/// The uploaded file of an import or validation request: base64 `file` with
/// `file_name`, or `url` (http/https, bounded), or `pattern_file` text.
Upload uploadOf(const nlohmann::json& body) {
  if (std::string url = stringMember(body, {"url"}); !url.empty()) return download(url);
  std::string name = stringMember(body, {"file_name", "fileName"});
  if (body.contains("file")) return {name, decodeUploadedFile(body["file"], "file")};
  if (std::string text = stringMember(body, {"pattern_file", "patternFile"}); !text.empty()) {
    return {name.empty() ? "design.yaml" : name, text};
  }
  throw Error(ErrorCode::kInvalidArgument, "nothing to import",
              "the body has neither file (base64), url, nor pattern_file",
              R"(send {"file": "<base64>", "file_name": "app.yaml"} or {"url": "https://…"})");
}

/// `overrides`: the body's chart value overrides (valueOverridesOf).
design::ImportSource importSourceOf(const nlohmann::json& body,
                                    const helm::ValueOverrides& overrides) {
  Upload upload = uploadOf(body);
  design::ImportSource source;
  source.file_name = upload.name;
  source.bytes = std::move(upload.bytes);
  source.name = stringMember(body, {"name"});
  std::string release_name = stringMember(body, {"release_name", "releaseName"});
  source.render_chart =
      chartRenderer(overrides, release_name.empty() ? "release-name" : release_name);
  std::string declared = stringMember(body, {"source_type", "sourceType", "type"});
  if (!declared.empty()) {
    source.declared = design::parseSourceType(declared);
    if (!source.declared) {
      throw Error(ErrorCode::kInvalidArgument, "unknown source type '" + declared + "'",
                  "designs are imported from Meshery designs, Kubernetes manifests, Docker "
                  "Compose files or Helm charts",
                  "use source_type design, manifest, compose or helm — or leave it out to detect it");
    }
  }
  return source;
}

/// Evaluates the design's relationships, as import and save do unless the
/// request says "evaluate": false; how many actions of each kind it took
/// (null when not evaluated).
nlohmann::json evaluateBeforeSaving(Services& services, design::Design& design,
                                    const nlohmann::json& request) {
  if (!boolMember(request, "evaluate", true)) return nullptr;
  auto snapshot = services.registry.current();
  policy::EvaluationResult result =
      policy::evaluateWithRegistry(std::move(design.document), *snapshot);
  design.document = std::move(result.design);
  design.version = design.document.value("version", design.version);
  nlohmann::json counts = nlohmann::json::object();
  for (const auto& action : result.actions) {
    counts[action.op] = counts.value(action.op, 0) + 1;
  }
  const auto relationships = design.document.find("relationships");
  const std::size_t relationship_count =
      relationships != design.document.end() && relationships->is_array() ? relationships->size() : 0;
  return {{"actions", counts}, {"relationships", relationship_count}};
}

nlohmann::json jsonObjectBody(const http::Request& request) {
  nlohmann::json body = request.jsonBody();
  if (!body.is_object()) {
    throw Error(ErrorCode::kMalformedInput, "the body must be a JSON object",
                "got a JSON " + std::string(body.type_name()), "send a JSON object");
  }
  return body;
}

http::Response importDesignRoute(Services& services, http::Request& request,
                                 const Principal& principal) {
  nlohmann::json body = jsonObjectBody(request);
  const helm::ValueOverrides overrides = valueOverridesOf(body);
  design::ImportSource source = importSourceOf(body, overrides);
  std::string original = source.bytes;
  auto snapshot = services.registry.current();
  design::ImportResult result = design::importDesign(source, *snapshot);
  const nlohmann::json evaluation = evaluateBeforeSaving(services, result.design, body);
  nlohmann::json answer;
  if (boolMember(body, "save", true)) {
    SavedDesign saved =
        saveDesign(services, principal, result.design, std::string(toString(result.source_type)),
                   source.file_name, std::move(original), nullptr);
    answer = patternJson(saved.stored, std::move(saved.pattern_file));
  } else {
    answer = {{"id", result.design.id.toString()},
              {"name", result.design.name},
              {"pattern_file", result.design.toYaml()},
              {"type", std::string(toString(result.source_type))}};
  }
  answer["source_type"] = std::string(toString(result.source_type));
  answer["components"] = result.design.componentCount();
  if (result.source_type != design::SourceType::kHelmChart && !overrides.empty()) {
    result.warnings.push_back({"request", "values, set, set_string, set_json and set_literal apply to Helm "
                                          "charts only; this import is a " +
                                              std::string(toString(result.source_type)) +
                                              ", so they were ignored"});
  }
  answer["warnings"] = warningsJson(result.warnings);
  answer["validation"] = issuesJson(result.validation);
  if (!evaluation.is_null()) answer["evaluation"] = evaluation;
  disposeLater(std::move(result.design));
  return http::Response::json(nlohmann::json::array({std::move(answer)}));
}

http::Response saveDesignRoute(Services& services, http::Request& request,
                               const Principal& principal) {
  nlohmann::json body = jsonObjectBody(request);
  const nlohmann::json data = body.contains("pattern_data") ? body["pattern_data"] : body;
  std::string text = stringMember(data, {"pattern_file", "patternFile"});
  if (text.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "pattern_data.pattern_file is missing",
                "a save carries the design as YAML or JSON text",
                R"(send {"pattern_data": {"pattern_file": "<design YAML>"}})");
  }
  design::Design design = design::Design::parse(text);
  std::string name = stringMember(data, {"name"});
  if (name.empty()) name = stringMember(body, {"name"});
  if (!name.empty()) design.name = name;
  evaluateBeforeSaving(services, design, body.contains("evaluate") ? body : data);
  std::optional<StoredDesign> existing;
  if (std::string id = stringMember(data, {"id"}); !id.empty()) {
    existing = services.store.designs().find(idOf(id));
    if (existing && existing->meta.organization_id != principal.organization_id) existing.reset();
  }
  SavedDesign saved =
      saveDesign(services, principal, design,
                 existing ? existing->source_type : std::string(toString(design::SourceType::kDesign)),
                 {}, {}, existing ? &*existing : nullptr);
  disposeLater(std::move(design));
  return http::Response::json(
      nlohmann::json::array({patternJson(saved.stored, std::move(saved.pattern_file))}));
}

http::Response cloneDesign(Services& services, http::Request& request, const Principal& principal) {
  StoredDesign original = findDesign(services, principal, idOf(request.pathParam("id")));
  design::Design design = designOf(original);
  design.id = Uuid::v4();
  nlohmann::json body = request.body.empty() ? nlohmann::json::object() : request.jsonBody();
  std::string name = stringMember(body, {"name"});
  design.name = name.empty() ? original.name + " (Copy)" : name;
  SavedDesign saved = saveDesign(services, principal, design, original.source_type,
                                 original.source_name, original.source_content, nullptr);
  return http::Response::json(patternJson(saved.stored, std::move(saved.pattern_file)));
}

http::Response deleteDesigns(Services& services, http::Request& request,
                             const Principal& principal) {
  nlohmann::json body = jsonObjectBody(request);
  std::vector<Uuid> ids;
  if (body.contains("patterns") && body["patterns"].is_array()) {
    for (const auto& item : body["patterns"]) ids.push_back(idOf(stringMember(item, {"id"})));
  }
  return http::Response::json(
      {{"deleted", services.store.designs().remove(principal.organization_id, ids)}});
}

/// The file of one export type, with its content type and file name.
http::Response exportDesign(const StoredDesign& stored, std::string type) {
  design::Design design = designOf(stored);
  std::string base = stored.name.empty() ? "design" : stored.name;
  for (char& c : base) {
    if (c == '"' || c == '/' || c == '\\' || static_cast<unsigned char>(c) < 0x20) c = '-';
  }
  std::string body;
  std::string content_type;
  std::string file_name;
  if (type.empty() || type == "current" || type == "design") {
    body = design.toYaml();
    content_type = "application/yaml";
    file_name = base + ".yaml";
  } else if (type == "original") {
    if (stored.source_content.empty()) {
      throw Error(ErrorCode::kNotFound, "the design has no original source",
                  "it was created or saved as a design, not imported from a file",
                  "export it with type=current");
    }
    body = stored.source_content;
    content_type = "application/octet-stream";
    file_name = stored.source_name.empty() ? base : stored.source_name;
  } else if (type == "manifest" || type == "kubernetes") {
    body = design::toManifests(design);
    content_type = "application/yaml";
    file_name = base + "-manifests.yaml";
  } else if (type == "oci") {
    body = design::toOciArchive(design);
    content_type = "application/x-tar";
    file_name = base + ".tar";
  } else if (type == "helm-chart" || type == "helm") {
    body = design::toHelmChart(design);
    content_type = "application/gzip";
    file_name = base + ".tgz";
  } else {
    throw Error(ErrorCode::kInvalidArgument, "unknown export type '" + type + "'",
                "a design is exported as its current YAML, its original source, Kubernetes "
                "manifests, an OCI image or a Helm chart",
                "use type current, original, manifest, oci or helm-chart");
  }
  http::Response response = http::Response::text(std::move(body), content_type);
  response.headers.set("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return response;
}

nlohmann::json revisionJson(const store::DesignRevision& revision, bool with_design) {
  nlohmann::json out = {{"revision", revision.revision},
                        {"saved_at", formatTimestamp(revision.saved_at)},
                        {"saved_by", revision.saved_by.toString()},
                        {"name", revision.name}};
  if (with_design) {
    out["pattern_file"] =
        design::Design::fromJson(nlohmann::json::parse(revision.document)).toYaml();
  }
  return out;
}

store::DesignRevision findRevision(Services& services, const StoredDesign& stored,
                                   std::string_view text) {
  std::int64_t number = 0;
  try {
    std::size_t used = 0;
    number = std::stoll(std::string(text), &used);
    if (used != text.size()) number = 0;
  } catch (const std::exception&) {
  }
  auto revision = number > 0 ? services.store.designs().revision(stored.meta.id, number) : std::nullopt;
  if (!revision) {
    throw Error(ErrorCode::kNotFound,
                "design " + stored.name + " has no revision '" + std::string(text) + "'",
                "revisions count from 1 at each save",
                "list them with GET /api/pattern/" + stored.meta.id.toString() + "/versions");
  }
  return std::move(*revision);
}

http::Response validateRoute(Services& services, http::Request& request,
                             const Principal& principal) {
  nlohmann::json body = jsonObjectBody(request);
  auto snapshot = services.registry.current();
  nlohmann::json warnings = nlohmann::json::array();
  std::vector<design::ValidationIssue> issues;
  if (std::string id = stringMember(body, {"id"}); !id.empty()) {
    issues = design::validateDesign(designOf(findDesign(services, principal, idOf(id))), *snapshot);
  } else {
    design::ImportResult result =
        design::importDesign(importSourceOf(body, valueOverridesOf(body)), *snapshot);
    issues = std::move(result.validation);
    warnings = warningsJson(result.warnings);
  }
  return http::Response::json(
      {{"isValid", issues.empty()}, {"errors", issuesJson(issues)}, {"warnings", warnings}});
}


}  // namespace

void registerDesignRoutes(http::Router& router, Services& all) {
  using M = http::Method;
  addGuarded(router, all, M::kGet, "/api/pattern", "design.view", "designs, one page", listDesigns);
  addGuarded(router, all, M::kPost, "/api/pattern", "design.save", "save a design",
      saveDesignRoute);
  addGuarded(router, all, M::kPost, "/api/pattern/import", "design.import",
      "import a design, manifest, Compose file or archive", importDesignRoute);
  addGuarded(router, all, M::kPost, "/api/pattern/validate", "design.view",
      "validate a stored or uploaded design", validateRoute);
  addGuarded(router, all, M::kGet, "/api/pattern/types", "design.view", "importable source types",
      [](Services&, http::Request&, const Principal&) {
        nlohmann::json types = nlohmann::json::array();
        for (auto [type, extensions] :
             {std::pair{design::SourceType::kDesign, ".yaml .yml .json .tar (OCI)"},
              std::pair{design::SourceType::kKubernetesManifest, ".yaml .yml .json"},
              std::pair{design::SourceType::kDockerCompose, ".yaml .yml"}}) {
          types.push_back({{"type", std::string(toString(type))},
                           {"key", std::string(keyOf(type))},
                           {"supported_extensions", extensions},
                           {"archives", ".tar .tar.gz .tgz .zip"}});
        }
        return http::Response::json(types);
      });
  addGuarded(router, all, M::kGet, "/api/pattern/{id}", "design.view", "one design",
      [](Services& services, http::Request& request, const Principal& principal) {
        return http::Response::json(
            patternJson(findDesign(services, principal, idOf(request.pathParam("id")))));
      });
  addGuarded(router, all, M::kDelete, "/api/pattern/{id}", "design.delete", "delete a design",
      [](Services& services, http::Request& request, const Principal& principal) {
        Uuid id = idOf(request.pathParam("id"));
        if (services.store.designs().remove(principal.organization_id, {id}) == 0) {
          throw designNotFound(id);
        }
        return http::Response::json({{"id", id.toString()}, {"deleted", true}});
      });
  addGuarded(router, all, M::kPost, "/api/pattern/clone/{id}", "design.save", "copy a design",
      cloneDesign);
  addGuarded(router, all, M::kPost, "/api/patterns/delete", "design.delete", "delete designs",
      deleteDesigns);
  addGuarded(router, all, M::kGet, "/api/pattern/download/{id}", "design.view",
      "export a design (?type=current|original|manifest|oci|helm-chart)",
      [](Services& services, http::Request& request, const Principal& principal) {
        StoredDesign stored = findDesign(services, principal, idOf(request.pathParam("id")));
        std::string type = request.queryParam("type").value_or(
            request.queryParam("export").value_or("current"));
        return exportDesign(stored, type);
      });
  addGuarded(router, all, M::kGet, "/api/pattern/download/{id}/{type}", "design.view",
      "export a design in one format",
      [](Services& services, http::Request& request, const Principal& principal) {
        StoredDesign stored = findDesign(services, principal, idOf(request.pathParam("id")));
        return exportDesign(stored, request.pathParam("type"));
      });
  addGuarded(router, all, M::kGet, "/api/pattern/{id}/versions", "design.view",
      "the saved revisions of a design",
      [](Services& services, http::Request& request, const Principal& principal) {
        StoredDesign stored = findDesign(services, principal, idOf(request.pathParam("id")));
        nlohmann::json versions = nlohmann::json::array();
        for (const auto& revision : services.store.designs().revisions(stored.meta.id)) {
          versions.push_back(revisionJson(revision, false));
        }
        return http::Response::json({{"id", stored.meta.id.toString()},
                                     {"revision", stored.revision},
                                     {"versions", std::move(versions)}});
      });
  addGuarded(router, all, M::kGet, "/api/pattern/{id}/versions/{revision}", "design.view",
      "one saved revision of a design",
      [](Services& services, http::Request& request, const Principal& principal) {
        StoredDesign stored = findDesign(services, principal, idOf(request.pathParam("id")));
        return http::Response::json(
            revisionJson(findRevision(services, stored, request.pathParam("revision")), true));
      });
  addGuarded(router, all, M::kPost, "/api/pattern/{id}/versions/{revision}/restore", "design.save",
      "save an earlier revision as the newest",
      [](Services& services, http::Request& request, const Principal& principal) {
        StoredDesign stored = findDesign(services, principal, idOf(request.pathParam("id")));
        store::DesignRevision revision =
            findRevision(services, stored, request.pathParam("revision"));
        design::Design design = design::Design::fromJson(nlohmann::json::parse(revision.document));
        SavedDesign saved =
            saveDesign(services, principal, design, stored.source_type, {}, {}, &stored);
        return http::Response::json(patternJson(saved.stored, std::move(saved.pattern_file)));
      });
}

}  // namespace meshery::api
