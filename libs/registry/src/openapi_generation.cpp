// Kubernetes OpenAPI v2 (swagger) and v3 documents → components.

#include <map>
#include <set>
#include <tuple>

#include "component_document.hpp"
#include "meshery/registry/generation.hpp"
#include "schema_refs.hpp"

namespace meshery::registry {
namespace {

struct Gvk {
  std::string group;
  std::string version;
  std::string kind;
  friend auto operator<=>(const Gvk&, const Gvk&) = default;
};

std::optional<Gvk> gvkOf(const nlohmann::json& value) {
  if (!value.is_object()) return std::nullopt;
  auto text = [&](const char* key) {
    auto it = value.find(key);
    return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  Gvk gvk{text("group"), text("version"), text("kind")};
  if (gvk.kind.empty() || gvk.version.empty()) return std::nullopt;
  return gvk;
}

std::vector<Gvk> gvksOf(const nlohmann::json& schema) {
  std::vector<Gvk> gvks;
  auto it = schema.find("x-kubernetes-group-version-kind");
  if (it == schema.end()) return gvks;
  if (it->is_array()) {
    for (const auto& entry : *it) {
      if (auto gvk = gvkOf(entry)) gvks.push_back(*gvk);
    }
  } else if (auto gvk = gvkOf(*it)) {
    gvks.push_back(*gvk);
  }
  return gvks;
}

/// A path that serves a resource itself: not /watch/, and nothing after
/// the resource's {name} (that would be a sub-resource such as /status).
bool isResourcePath(std::string_view path) {
  if (path.find("/watch/") != std::string_view::npos) return false;
  auto name = path.find("{name}");
  return name == std::string_view::npos || name + 6 == path.size();
}

/// Every kind a resource path serves, and whether one is namespaced.
std::map<Gvk, bool> servedKinds(const nlohmann::json& paths) {
  std::map<Gvk, bool> served;
  if (!paths.is_object()) return served;
  for (const auto& [path, operations] : paths.items()) {
    if (!isResourcePath(path) || !operations.is_object()) continue;
    bool namespaced = path.find("/namespaces/{namespace}/") != std::string::npos;
    for (const auto& [method, operation] : operations.items()) {
      if (!operation.is_object()) continue;
      for (const auto& gvk : gvksOf(operation)) served[gvk] = served[gvk] || namespaced;
    }
  }
  return served;
}

const nlohmann::json& definitionsOf(const nlohmann::json& document) {
  static const nlohmann::json kNone = nlohmann::json::object();
  if (document.contains("definitions") && document["definitions"].is_object()) {
    return document["definitions"];
  }
  if (document.contains("components") && document["components"].is_object() &&
      document["components"].contains("schemas") && document["components"]["schemas"].is_object()) {
    return document["components"]["schemas"];
  }
  return kNone;
}

bool isOpenApi(const nlohmann::json& document) {
  if (!document.is_object()) return false;
  auto version = [&](const char* key) {
    auto it = document.find(key);
    return it != document.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  return version("swagger").starts_with("2.") || version("openapi").starts_with("3.");
}

}  // namespace

GenerationResult generateFromOpenApi(const nlohmann::json& document, std::string_view source,
                                     const GenerationModel& model) {
  if (!isOpenApi(document)) {
    throw Error(ErrorCode::kInvalidArgument, std::string(source) + " is not an OpenAPI document",
                "it has neither 'swagger: \"2.0\"' nor 'openapi: 3.x' at the top level",
                "pass a Kubernetes OpenAPI document, e.g. 'kubectl get --raw /openapi/v2'");
  }
  GenerationResult result;
  result.model = modelDocument(model);
  const nlohmann::json& definitions = definitionsOf(document);
  std::map<Gvk, bool> served = servedKinds(document.value("paths", nlohmann::json::object()));
  bool has_paths = !served.empty();
  SchemaResolver resolver(definitions);
  std::set<Gvk> generated;
  for (const auto& [name, schema] : definitions.items()) {
    if (!schema.is_object()) continue;
    for (const auto& gvk : gvksOf(schema)) {
      auto it = served.find(gvk);
      // Without paths (a definitions-only document), take single-kind
      // definitions that are not lists.
      bool wanted = has_paths ? it != served.end()
                              : gvksOf(schema).size() == 1 && !gvk.kind.ends_with("List");
      if (!wanted || !generated.insert(gvk).second) continue;
      try {
        nlohmann::json resolved = resolver.resolveDefinition(name);
        dropServerOwnedFields(resolved);
        GeneratedKind kind{apiVersionOf(gvk.group, gvk.version), gvk.kind, std::move(resolved),
                           has_paths ? it->second : true};
        result.components.push_back(componentDocument(model, result.model, kind));
      } catch (const nlohmann::json::exception& error) {
        result.failures.push_back(
            {std::string(source) + "#/definitions/" + name,
             Error(ErrorCode::kInvalidArgument, "cannot generate a component for " + gvk.kind,
                   error.what(), "check the definition in the OpenAPI document")});
      }
    }
  }
  return result;
}

}  // namespace meshery::registry
