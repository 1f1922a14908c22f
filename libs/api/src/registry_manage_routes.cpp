// The registry's other write and file routes, under both prefixes:
// GET export, POST validate, DELETE models/{id}, POST {entityType}/status.

#include <array>
#include <optional>
#include <string>

#include "handler.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/registry/model_export.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/registry/schema_validation.hpp"
#include "meshery/yaml/yaml.hpp"
#include "registry_persistence.hpp"

namespace meshery::api {
namespace {

std::optional<std::string> param(const http::Request& request,
                                 std::initializer_list<const char*> names) {
  for (const char* name : names) {
    if (auto value = request.queryParam(name); value && !value->empty()) return value;
  }
  return std::nullopt;
}

bool flag(const http::Request& request, const char* name, bool fallback) {
  auto value = request.queryParam(name);
  if (!value || value->empty()) return fallback;
  if (*value == "true") return true;
  if (*value == "false") return false;
  throw Error(ErrorCode::kMalformedInput, std::string("query parameter ") + name + " must be true or false",
              "got '" + *value + "'", std::string("use ") + name + "=true or " + name + "=false");
}

Uuid uuidOf(std::string_view text, std::string_view what) {
  return idOf(text, what, "use the id a list gives, e.g. 123e4567-e89b-12d3-a456-426614174000");
}

/// The model an export names: by id, or by name (and upstream version; the
/// newest registered first when several match).
registry::ModelPtr exportedModel(const registry::RegistrySnapshot& snapshot,
                                 const http::Request& request) {
  if (auto id = param(request, {"id"})) {
    auto model = snapshot.findModel(uuidOf(*id, "id"));
    if (model) return model;
    throw Error(ErrorCode::kNotFound, "no model has the id " + *id, "it was deleted or never registered",
                "list models with GET /api/registry/models");
  }
  auto name = param(request, {"name"});
  if (!name) {
    throw Error(ErrorCode::kInvalidArgument, "the export names no model",
                "GET export needs ?id= or ?name=", "add id=<model id> or name=<model name>");
  }
  auto version = param(request, {"version"});
  registry::ModelPtr chosen;
  for (const auto& model : snapshot.modelsNamed(*name)) {
    if (version && model->upstream_version != *version) continue;
    chosen = model;  // the last registered wins
  }
  if (!chosen) {
    throw Error(ErrorCode::kNotFound,
                "no model named '" + *name + "'" + (version ? " with version " + *version : ""),
                "it was deleted or never registered",
                "list models with GET /api/registry/models?search=" + *name);
  }
  return chosen;
}

http::Response exportModel(Services& services, http::Request& request) {
  auto snapshot = services.registry.current();
  auto model = exportedModel(*snapshot, request);
  registry::ExportOptions options;
  std::string output = param(request, {"output_format", "outputFormat"}).value_or("json");
  if (output == "yaml" || output == "yml") {
    options.format = registry::DocumentFormat::kYaml;
  } else if (output != "json") {
    throw Error(ErrorCode::kInvalidArgument, "output_format '" + output + "' is not supported",
                "definitions are written as JSON or YAML", "use output_format=json or yaml");
  }
  std::string file_type = param(request, {"file_type", "fileType"}).value_or("tar.gz");
  archive::Format format = archive::Format::kTarGzip;
  std::string extension = ".tar.gz";
  std::string content_type = "application/gzip";
  if (file_type == "tar") {
    format = archive::Format::kTar;
    extension = ".tar";
    content_type = "application/x-tar";
  } else if (file_type != "tar.gz" && file_type != "tgz") {
    throw Error(ErrorCode::kInvalidArgument, "file_type '" + file_type + "' is not supported",
                file_type == "oci" ? "OCI image export is not available in this server"
                                   : "models are exported as tar archives",
                "use file_type=tar.gz (the default) or tar");
  }
  options.components = flag(request, "components", true);
  options.relationships = flag(request, "relationships", true);
  std::vector<archive::Entry> entries;
  for (auto& file : registry::exportModel(*snapshot, *model, options)) {
    entries.push_back({std::move(file.path), std::move(file.bytes)});
  }
  http::Response response =
      http::Response::text(archive::writeArchive(entries, format), content_type);
  response.headers.set("Content-Disposition",
                       "attachment; filename=\"" + model->name + extension + "\"");
  return response;
}

/// A validation item's value: JSON as is, or text in the item's valueType.
nlohmann::json itemValue(const nlohmann::json& item, const std::string& key) {
  nlohmann::json value = item.contains("value") ? item["value"] : nlohmann::json();
  std::string type = stringMember(item, {"valueType"});
  if (type.empty()) type = "JSON";
  if (type == "CUE") {
    throw Error(ErrorCode::kInvalidArgument, "validation item '" + key + "' is CUE",
                "values are validated against JSON Schema only", "send valueType JSON or YAML");
  }
  if (!value.is_string()) return value;
  const auto& text = value.get_ref<const std::string&>();
  if (type == "YAML") return yaml::parse(text);
  if (type == "JSON" || type == "JSONSCHEMA") {
    try {
      return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception&) {
      return value;  // a plain string value
    }
  }
  throw Error(ErrorCode::kInvalidArgument,
              "validation item '" + key + "' has valueType '" + type + "'",
              "valueType says how `value` is written", "use JSON or YAML");
}

/// The schema of an item: given inline, or the schema of a registered component
/// (by componentId, or by kind and apiVersion with an optional model).
nlohmann::json itemSchema(const registry::RegistrySnapshot& snapshot, const nlohmann::json& item,
                          const std::string& key) {
  if (auto it = item.find("schema"); it != item.end() && !it->is_null()) {
    if (!it->is_string()) return *it;
    try {
      return nlohmann::json::parse(it->get<std::string>());
    } catch (const nlohmann::json::exception& error) {
      throw Error(ErrorCode::kMalformedInput, "the schema of item '" + key + "' is not JSON",
                  error.what(), "send the schema as a JSON object or JSON text");
    }
  }
  registry::ComponentPtr component;
  if (auto id = item.find("componentId"); id != item.end() && id->is_string()) {
    component = snapshot.findComponent(uuidOf(id->get<std::string>(), "componentId"));
  } else if (item.contains("kind")) {
    component = snapshot.preferredComponent(stringMember(item, {"kind"}),
                                            stringMember(item, {"apiVersion"}),
                                            stringMember(item, {"model"}));
  } else {
    throw Error(ErrorCode::kInvalidArgument, "validation item '" + key + "' has no schema",
                "an item names its schema inline or through a registered component",
                "add schema, componentId, or kind and apiVersion");
  }
  if (!component) {
    throw Error(ErrorCode::kNotFound, "validation item '" + key + "' names no registered component",
                "no component matches its componentId or kind/apiVersion",
                "list components with GET /api/registry/components?search=<kind>");
  }
  return component->schemaJson();
}

http::Response validate(Services& services, http::Request& request) {
  nlohmann::json body = request.jsonBody();
  const nlohmann::json items = body.is_object() && body.contains("validationItems")
                                  ? body["validationItems"]
                                  : nlohmann::json();
  if (!items.is_object() || items.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "nothing to validate",
                "the body has no validationItems object, or it is empty",
                R"(send {"validationItems": {"<name>": {"schema": {...}, "value": {...}}}})");
  }
  auto snapshot = services.registry.current();
  bool all_valid = true;
  nlohmann::json errors = nlohmann::json::array();
  nlohmann::json results = nlohmann::json::object();
  for (const auto& [key, item] : items.items()) {
    if (!item.is_object()) {
      throw Error(ErrorCode::kMalformedInput, "validation item '" + key + "' is not an object",
                  "each item is {schema | componentId | kind+apiVersion, value, valueType}",
                  "wrap the value in an object");
    }
    auto violations = registry::validateAgainstSchema(itemSchema(*snapshot, item, key),
                                                      itemValue(item, key));
    nlohmann::json item_errors = nlohmann::json::array();
    for (const auto& violation : violations) {
      item_errors.push_back({{"path", violation.path}, {"message", violation.message}});
      errors.push_back({{"item", key}, {"path", violation.path}, {"message", violation.message}});
    }
    all_valid = all_valid && violations.empty();
    results[key] = {{"isValid", violations.empty()}, {"errors", std::move(item_errors)}};
  }
  return http::Response::json(
      {{"isValid", all_valid}, {"errors", std::move(errors)}, {"results", std::move(results)}});
}

http::Response deleteModelRoute(Services& services, http::Request& request) {
  Uuid id = uuidOf(request.pathParam("model"), "the model id");
  ModelRemoval removal = deleteModel(services, id);
  return http::Response::json({{"id", id.toString()},
                               {"deleted", true},
                               {"components", removal.components},
                               {"relationships", removal.relationships},
                               {"policies", removal.policies}});
}

http::Response setStatusRoute(Services& services, http::Request& request, RegistryEntity type) {
  nlohmann::json body = request.jsonBody();
  if (!body.is_object() || !body.contains("id") || !body["id"].is_string() ||
      !body.contains("status") || !body["status"].is_string()) {
    throw Error(ErrorCode::kInvalidArgument, "the status change needs id and status",
                "the body must be {\"id\": \"<uuid>\", \"status\": \"enabled|ignored\"}",
                "send the entity's id and the new status");
  }
  Uuid id = uuidOf(body["id"].get<std::string>(), "id");
  std::string text = body["status"].get<std::string>();
  auto status = registry::parseEntityStatus(text);
  if (!status || (*status != registry::EntityStatus::kEnabled &&
                  *status != registry::EntityStatus::kIgnored)) {
    throw Error(ErrorCode::kInvalidArgument, "status '" + text + "' cannot be set",
                "users enable or ignore registry entities; duplicate is set by the registry",
                "use enabled or ignored");
  }
  setEntityStatus(services, type, id, *status);
  return http::Response::noContent();
}

}  // namespace

void registerRegistryManageRoutes(http::Router& router, Services& services) {
  for (std::string_view prefix_view : kRegistryPrefixes) {
    std::string prefix(prefix_view);
    router.add(http::Method::kGet, prefix + "/export",
               guarded(services, "registry.export",
                       [&services](http::Request& request, const Principal&) {
                         return exportModel(services, request);
                       }),
               {http::Dispatch::kBlocking, 0, "a model as a tar or tar.gz archive"});
    router.add(http::Method::kPost, prefix + "/validate",
               guarded(services, "registry.validate",
                       [&services](http::Request& request, const Principal&) {
                         return validate(services, request);
                       }),
               {http::Dispatch::kBlocking, 0, "values checked against JSON schemas"});
    router.add(http::Method::kDelete, prefix + "/models/{model}",
               guarded(services, "registry.delete",
                       [&services](http::Request& request, const Principal&) {
                         return deleteModelRoute(services, request);
                       }),
               {http::Dispatch::kBlocking, 0, "delete a model and its definitions"});
    for (auto [segment, type] :
         {std::pair{"models", RegistryEntity::kModel},
          std::pair{"components", RegistryEntity::kComponent},
          std::pair{"relationships", RegistryEntity::kRelationship},
          std::pair{"policies", RegistryEntity::kPolicy}}) {
      router.add(http::Method::kPost, prefix + "/" + segment + "/status",
                 guarded(services, "registry.status",
                         [&services, type = type](http::Request& request, const Principal&) {
                           return setStatusRoute(services, request, type);
                         }),
                 {http::Dispatch::kBlocking, 0, std::string("set the status of ") + segment});
    }
  }
}

}  // namespace meshery::api
