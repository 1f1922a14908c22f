// POST /api/registry/register (models from a file, an archive or a URL) and
// POST /api/registry/generate (models generated from CRDs or an OpenAPI
// document), under both registry prefixes.

#include <array>
#include <set>
#include <string>
#include <vector>

#include "handler.hpp"
#include "meshery/registry/generation.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/yaml/yaml.hpp"
#include "registry_persistence.hpp"
#include "registry_uploads.hpp"

namespace meshery::api {
namespace {

/// Which kind of definition a failed file most likely held, from its directory.
std::string_view failedKind(std::string_view path) {
  if (path.find("components/") != std::string_view::npos) return "component";
  if (path.find("relationships/") != std::string_view::npos) return "relationship";
  if (path.find("policies/") != std::string_view::npos) return "policy";
  return "model";
}

/// Meshery's RegistryAPIResponse (camelCase, as its current server answers),
/// plus `failures` with our full errors and whether anything was stored.
nlohmann::json registrationJson(const registry::ImportResult& result, bool registered) {
  nlohmann::json models = nlohmann::json::array();
  std::set<std::string> names;
  for (const auto& model : result.models) {
    models.push_back({{"id", model.id.toString()},
                      {"name", model.name},
                      {"displayName", model.display_name},
                      {"version", model.upstream_version}});
    names.insert(model.name);
  }
  nlohmann::json components = nlohmann::json::array();
  for (const auto& component : result.components) {
    components.push_back({{"id", component.id.toString()},
                          {"displayName", component.display_name},
                          {"kind", component.kind},
                          {"apiVersion", component.api_version},
                          {"model", component.model.name}});
    names.insert(component.model.name);
  }
  nlohmann::json relationships = nlohmann::json::array();
  for (const auto& relationship : result.relationships) {
    relationships.push_back({{"id", relationship.id.toString()},
                             {"kind", relationship.kind},
                             {"type", relationship.type},
                             {"subType", relationship.sub_type},
                             {"model", relationship.model.name}});
    names.insert(relationship.model.name);
  }
  nlohmann::json failures = nlohmann::json::array();
  int failed_components = 0;
  int failed_relationships = 0;
  int failed_models = 0;
  std::string message;
  for (const auto& failure : result.failures) {
    std::string_view kind = failedKind(failure.path);
    failed_components += kind == "component" ? 1 : 0;
    failed_relationships += kind == "relationship" ? 1 : 0;
    failed_models += kind == "model" ? 1 : 0;
    failures.push_back({{"path", failure.path}, {"error", http::errorJson(failure.error)}});
    if (!message.empty()) message += "; ";
    message += failure.path + ": " + failure.error.message();
  }
  return {{"entityCount",
           {{"modelCount", result.models.size()},
            {"compCount", result.components.size()},
            {"relCount", result.relationships.size()},
            {"policyCount", result.policies.size()},
            {"errModelCount", failed_models},
            {"errCompCount", failed_components},
            {"errRelCount", failed_relationships},
            {"totalErrCount", result.failures.size()}}},
          {"errMsg", message},
          {"entityTypeSummary",
           {{"successfulModels", std::move(models)},
            {"successfulComponents", std::move(components)},
            {"successfulRelationships", std::move(relationships)},
            {"unsuccessfulComponentNames", failures}}},
          {"modelName", std::vector<std::string>(names.begin(), names.end())},
          {"failures", failures},
          {"registered", registered}};
}

bool importedNothing(const registry::ImportResult& result) {
  return result.models.empty() && result.components.empty() && result.relationships.empty() &&
         result.policies.empty();
}

/// Throws when an import produced nothing, with every failure as the cause.
void requireSomething(const registry::ImportResult& result) {
  if (!importedNothing(result)) return;
  std::string cause = "no model, component, relationship or policy definition was found";
  for (const auto& failure : result.failures) {
    cause += "; " + failure.path + ": " + failure.error.message();
    if (!failure.error.cause().empty()) cause += " (" + failure.error.cause() + ")";
  }
  throw Error(ErrorCode::kInvalidArgument, "nothing to register", cause,
              "send a model in Meshery's layout (<model>/<version>/v1.0.0/model.json with "
              "components/ and relationships/), as a .tar/.tar.gz archive or a JSON/YAML file");
}

/// The upload of a register request: Meshery's JSON ImportRequest
/// ({uploadType, importBody, register}) or, for any other content type, the
/// raw file with its name in ?fileName=.
Upload uploadOf(const http::Request& request, bool& register_it) {
  auto type = request.headers.get("Content-Type");
  bool json = type && type->find("application/json") != std::string_view::npos;
  if (!json) {
    return {request.queryParam("fileName").value_or(""), request.body};
  }
  nlohmann::json body = request.jsonBody();
  if (!body.is_object()) {
    throw Error(ErrorCode::kMalformedInput, "the register request must be a JSON object",
                "got a JSON " + std::string(body.type_name()),
                R"(send {"uploadType": "file"|"urlImport", "importBody": {...}, "register": true})");
  }
  register_it = boolMember(body, "register", register_it);
  std::string upload_type = stringMember(body, {"uploadType", "upload_type"});
  const nlohmann::json& import_body = body.contains("importBody") ? body["importBody"]
                                      : body.contains("import_body") ? body["import_body"]
                                                                     : body;
  if (upload_type.empty()) upload_type = import_body.contains("url") ? "urlImport" : "file";
  if (upload_type == "file") {
    const nlohmann::json* file = nullptr;
    for (const char* name : {"modelFile", "model_file", "file"}) {
      if (import_body.contains(name)) file = &import_body[name];
    }
    if (file == nullptr) {
      throw Error(ErrorCode::kInvalidArgument, "importBody.modelFile is missing",
                  "a file upload carries the file base64-encoded in importBody.modelFile",
                  "add modelFile (and fileName), or use uploadType urlImport with importBody.url");
    }
    return {stringMember(import_body, {"fileName", "file_name"}),
            decodeUploadedFile(*file, "importBody.modelFile")};
  }
  if (upload_type == "urlImport" || upload_type == "url") {
    std::string url = stringMember(import_body, {"url", "URL"});
    if (url.empty()) {
      throw Error(ErrorCode::kInvalidArgument, "importBody.url is missing",
                  "a URL import needs the address of a model archive or file",
                  "add importBody.url (http:// or https://)");
    }
    return download(url);
  }
  throw Error(ErrorCode::kInvalidArgument, "uploadType '" + upload_type + "' is not supported",
              "models are registered from a file or a URL; CSV spreadsheets are not read",
              "use uploadType file (importBody.modelFile) or urlImport (importBody.url)");
}

http::Response registerModels(Services& services, http::Request& request,
                              const Principal& principal) {
  bool register_it = true;
  Upload upload = uploadOf(request, register_it);
  registry::ImportResult result = registry::importModels(filesOf(std::move(upload)));
  requireSomething(result);
  if (register_it) registerDefinitions(services, principal, result);
  return http::Response::json(registrationJson(result, register_it));
}

/// The generation request's model fields (camelCase or snake_case).
registry::GenerationModel generationModelOf(const nlohmann::json& body) {
  const nlohmann::json model = body.contains("model") ? body["model"] : nlohmann::json::object();
  registry::GenerationModel generation;
  generation.name = stringMember(model, {"name"});
  if (generation.name.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "model.name is missing",
                "generated components belong to a model, named by the request",
                "add model.name (lowercase letters, digits and '-', e.g. cert-manager)");
  }
  generation.display_name = stringMember(model, {"displayName", "display_name"});
  std::string upstream = stringMember(model, {"modelVersion", "model_version", "upstreamVersion"});
  generation.upstream_version = upstream.empty() ? "v1.0.0" : upstream;
  std::string version = stringMember(model, {"version"});
  if (!version.empty()) generation.version = version;
  std::string category = stringMember(model, {"category"});
  if (!category.empty()) generation.category = category;
  generation.sub_category = stringMember(model, {"subCategory", "sub_category"});
  std::string registrant = stringMember(model, {"registrant"});
  if (!registrant.empty()) generation.registrant = registrant;
  return generation;
}

/// Each source file as documents: YAML streams may hold several.
std::vector<registry::SourceDocument> sourceDocuments(const std::vector<registry::FileEntry>& files,
                                                      registry::ImportResult& failures) {
  std::vector<registry::SourceDocument> documents;
  for (const auto& file : files) {
    try {
      auto parsed = yaml::parseAll(file.bytes);
      for (std::size_t i = 0; i < parsed.size(); ++i) {
        if (parsed[i].is_null()) continue;
        std::string source = parsed.size() == 1 ? file.path : file.path + "#" + std::to_string(i + 1);
        documents.push_back({std::move(source), std::move(parsed[i])});
      }
    } catch (const Error& error) {
      failures.failures.push_back({file.path, error});
    }
  }
  return documents;
}

http::Response generateModel(Services& services, http::Request& request,
                             const Principal& principal) {
  nlohmann::json body = request.jsonBody();
  if (!body.is_object()) {
    throw Error(ErrorCode::kMalformedInput, "the generate request must be a JSON object",
                "got a JSON " + std::string(body.type_name()),
                R"(send {"model": {"name": …}, "source": {"type": "crd", "files": [...]}})");
  }
  registry::GenerationModel model = generationModelOf(body);
  const nlohmann::json source = body.contains("source") ? body["source"] : nlohmann::json::object();
  std::string type = stringMember(source, {"type"});
  if (type.empty()) type = "crd";
  if (type != "crd" && type != "openapi") {
    throw Error(ErrorCode::kInvalidArgument, "source.type '" + type + "' is not supported",
                "components are generated from CustomResourceDefinitions or an OpenAPI document",
                "use source.type crd or openapi");
  }
  std::vector<registry::FileEntry> files;
  if (std::string url = stringMember(source, {"url"}); !url.empty()) {
    model.source_uri = url;
    for (auto& file : filesOf(download(url))) files.push_back(std::move(file));
  }
  const nlohmann::json files_field = source.is_object() && source.contains("files") && source["files"].is_array()
                                         ? source["files"]
                                         : nlohmann::json::array();
  for (const auto& file : files_field) {
    std::string name = stringMember(file, {"name"});
    files.push_back({name.empty() ? "input.yaml" : name, stringMember(file, {"content"})});
  }
  if (files.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "nothing to generate from",
                "the request has neither source.url nor source.files",
                "send CRD or OpenAPI files in source.files [{name, content}], or source.url");
  }
  registry::ImportResult parse_failures;
  auto documents = sourceDocuments(files, parse_failures);
  registry::GenerationResult generated;
  if (type == "crd") {
    generated = registry::generateFromCrds(documents, model);
  } else {
    if (documents.size() != 1) {
      throw Error(ErrorCode::kInvalidArgument, "an OpenAPI source is one document",
                  "got " + std::to_string(documents.size()) + " documents",
                  "send one OpenAPI v2 (swagger) or v3 document");
    }
    generated = registry::generateFromOpenApi(documents[0].document, documents[0].source, model);
  }
  for (auto& failure : generated.failures) {
    parse_failures.failures.push_back({failure.source, failure.error});
  }
  registry::ImportResult result;
  result.failures = std::move(parse_failures.failures);
  if (!generated.components.empty()) {
    result.models.push_back(registry::Model::fromJson(generated.model));
    for (const auto& component : generated.components) {
      result.components.push_back(registry::ComponentDefinition::fromJson(component));
    }
  }
  requireSomething(result);
  bool register_it = boolMember(body, "register", false);
  if (register_it) registerDefinitions(services, principal, result);
  nlohmann::json response = registrationJson(result, register_it);
  response["model"] = generated.model;
  response["components"] = generated.components;
  return http::Response::json(response);
}

}  // namespace

void registerRegistryImportRoutes(http::Router& router, Services& services) {
  for (std::string_view prefix : kRegistryPrefixes) {
    router.add(http::Method::kPost, std::string(prefix) + "/register",
               guarded(services, "registry.register",
                       [&services](http::Request& request, const Principal& principal) {
                         return registerModels(services, request, principal);
                       }),
               {http::Dispatch::kBlocking, 0, "register models from a file, archive or URL"});
    router.add(http::Method::kPost, std::string(prefix) + "/generate",
               guarded(services, "registry.generate",
                       [&services](http::Request& request, const Principal& principal) {
                         return generateModel(services, request, principal);
                       }),
               {http::Dispatch::kBlocking, 0, "generate a model from CRDs or OpenAPI"});
  }
}

}  // namespace meshery::api
