#pragma once

#include <functional>
#include <map>
#include <memory>
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

/// The fields every declaration of a component definition copies from it in
/// Meshery's format (its `capabilities` and `model`: about 3 KB), kept once
/// per definition. An import builds its declarations without them; a
/// declaration that lacks them is written with its definition's (found by
/// `modelReference` and `component.kind`/`component.version`), so a design of
/// a thousand Deployments holds one copy instead of a thousand.
class SharedDefinitionFields {
 public:
  /// The fields a declaration of `definition` (a declaration as the registry
  /// writes it) shares: moved out of it. False, leaving it whole, when it
  /// has no modelReference to be found by.
  bool moveFrom(nlohmann::json& declaration);
  /// The shared fields of `declaration`, or nullptr when it has none here.
  [[nodiscard]] const nlohmann::json* find(const nlohmann::json& declaration) const;
  /// Writes the shared fields `declaration` lacks into it.
  void expand(nlohmann::json& declaration) const;
  [[nodiscard]] bool empty() const { return fields_.empty(); }

 private:
  std::map<std::string, nlohmann::json, std::less<>> fields_;
};

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
  /// Set by an import: the fields the document's declarations share with
  /// their definitions, which toJson(), toJsonText() and toYaml() write into
  /// each. Readers of `document` see declarations without `capabilities` and
  /// `model` (the model's name is in `modelReference`); expandDeclarations()
  /// writes them in.
  std::shared_ptr<const SharedDefinitionFields> shared_fields;

  /// Reads a design as JSON or YAML: v1beta1 and v1beta3 keep their keys;
  /// legacy v1alpha1/v1alpha2 pattern files (a `services:` map) are converted.
  /// Throws Error(kMalformedInput) with line and column for unreadable text and
  /// Error(kInvalidArgument) naming the field for a document that is not a design.
  static Design parse(std::string_view text);
  /// The same from an already parsed document.
  static Design fromJson(const nlohmann::json& document);
  /// The same, taking the document over (no copy of a large design).
  static Design fromJson(nlohmann::json&& document);

  /// The document, typed fields and shared fields written into it.
  [[nodiscard]] nlohmann::json toJson() const;
  /// The compact JSON text of toJson(), each definition's shared fields
  /// serialised once.
  [[nodiscard]] std::string toJsonText() const;
  /// go-yaml style YAML of toJson(), each definition's shared fields emitted once.
  [[nodiscard]] std::string toYaml() const;
  /// Writes the shared fields into the declarations of `document` and drops them.
  void expandDeclarations();
  [[nodiscard]] std::size_t componentCount() const;

 private:
  /// True when `document` holds the typed fields and every top-level field.
  [[nodiscard]] bool inStep() const;
};

}  // namespace meshery::design
