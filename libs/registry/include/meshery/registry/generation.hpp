#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/error.hpp"

namespace meshery::registry {

/// The model that generated components belong to.
struct GenerationModel {
  std::string name;                  ///< e.g. "kubernetes"; ^[a-z0-9-]+$
  std::string display_name;          ///< e.g. "Kubernetes" (derived from name when empty)
  std::string version = "v1.0.0";    ///< the definition's own version
  std::string upstream_version;      ///< model.version: the software's version, e.g. "v1.13.0"
  std::string category = "Uncategorized";
  std::string sub_category;
  std::string registrant = "meshery";  ///< registrant kind: github, artifacthub, meshery…
  std::string source_uri;              ///< where the definitions came from
  /// Told apart from other generations of the same name and version: with
  /// it, ids are UUID v5 of it as well (a cluster's kubernetes model at its
  /// server's version beside the bundled one). Empty: ids as documented.
  std::string id_scope;
};

/// One parsed input document and where it came from ("crds.yaml#2").
struct SourceDocument {
  std::string source;
  nlohmann::json document;
};

/// An input that could not be turned into components, and why.
struct GenerationFailure {
  std::string source;
  Error error;
};

/// Components in Meshery's v1beta1 wire format (components.meshery.io/v1beta1,
/// `component.schema` a string), the model they belong to (models.meshery.io/
/// v1beta1), and the inputs that failed. Ids are UUID v5 of model, version,
/// apiVersion and kind, so generating twice gives the same ids.
struct GenerationResult {
  nlohmann::json model;
  std::vector<nlohmann::json> components;
  std::vector<GenerationFailure> failures;
};

/// One component per kind and served version of every CustomResourceDefinition
/// (apiextensions.k8s.io/v1 and v1beta1) among `documents`; other documents
/// are ignored. The schema is the version's openAPIV3Schema without the
/// fields Kubernetes sets itself (apiVersion, kind, metadata, status);
/// isNamespaced follows spec.scope. A malformed CRD is a failure naming its
/// source; the others are still generated.
GenerationResult generateFromCrds(const std::vector<SourceDocument>& documents,
                                  const GenerationModel& model);

/// One component per resource kind of a Kubernetes OpenAPI document (v2
/// "swagger" or v3): each definition with x-kubernetes-group-version-kind
/// that an API path serves (sub-resources such as /status or /scale and
/// /watch paths excluded). `$ref`s are resolved into a self-contained
/// schema (recursive references are cut with a note); isNamespaced is true
/// when a path under /namespaces/{namespace}/ serves the kind. Throws
/// Error(kInvalidArgument) when the document is not OpenAPI.
GenerationResult generateFromOpenApi(const nlohmann::json& document, std::string_view source,
                                     const GenerationModel& model);

/// "ConfigMap" → "Config Map", "APIService" → "API Service".
std::string displayNameOf(std::string_view kind);

/// The model CRDs of an API group go to: the group in lower case, each
/// character that is not a letter or digit a "-" ("cert-manager.io" →
/// "cert-manager-io"); "custom-resources" for none.
std::string modelNameOfGroup(std::string_view group);

}  // namespace meshery::registry
