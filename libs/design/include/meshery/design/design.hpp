#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "meshery/core/uuid.hpp"

namespace meshery::design {

/// What a design was made from (Meshery's `designType` and pattern source types).
enum class SourceType { kDesign, kKubernetesManifest, kDockerCompose, kHelmChart };

/// Meshery's display names: "Design", "Kubernetes Manifest", "Docker Compose", "Helm Chart".
std::string_view toString(SourceType type);
/// The short keys of `mesheryctl design import -s` and the API: design,
/// manifest, compose, helm.
std::string_view keyOf(SourceType type);
/// Either form, ignoring case (also "kubernetes", "k8s", "docker-compose",
/// "helm-chart", "meshery"); nullopt for anything else.
std::optional<SourceType> parseSourceType(std::string_view text);

/// A Meshery design (`designs.meshery.io/v1beta1`): components as declarations
/// with `configuration`, relationship declarations, preferences, metadata.
/// The document is the source of truth; the typed fields mirror it.
struct Design {
  Uuid id;
  std::string name;
  std::string version = "v0.0.1";
  /// The whole design in v1beta1 shape (`id`, `name`, `schemaVersion`,
  /// `version`, `components`, `relationships`, `preferences`, `metadata`).
  nlohmann::json document;

  /// Reads a design as JSON or YAML: v1beta1 and v1beta3 keep their keys;
  /// legacy v1alpha1/v1alpha2 pattern files (a `services:` map) are converted.
  /// Throws Error(kMalformedInput) with line and column for unreadable text and
  /// Error(kInvalidArgument) naming the field for a document that is not a design.
  static Design parse(std::string_view text);
  /// The same from an already parsed document.
  static Design fromJson(const nlohmann::json& document);
  /// The same, taking the document over (no copy of a large design).
  static Design fromJson(nlohmann::json&& document);

  /// The document, typed fields written into it.
  [[nodiscard]] nlohmann::json toJson() const;
  /// go-yaml style YAML of toJson().
  [[nodiscard]] std::string toYaml() const;
  [[nodiscard]] std::size_t componentCount() const;
};

}  // namespace meshery::design
