#pragma once

#include <cstdint>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "meshery/archive/archive.hpp"
#include "meshery/design/design.hpp"
#include "meshery/registry/registry_snapshot.hpp"

namespace meshery::design {

/// Something the import did not carry over as it was (never silently):
/// an unresolved kind, a Compose key kompose does not map, a bind mount…
struct ImportWarning {
  std::string subject;  ///< "Deployment/web", "service web", "file a.yaml"
  std::string message;
};

/// A Helm chart rendered into Kubernetes resources.
struct RenderedChart {
  std::string name;                      ///< the chart's name: the design's unless one is given
  std::vector<nlohmann::json> resources;  ///< CRDs first, then in install order
  std::vector<ImportWarning> warnings;   ///< what the rendering left out (hooks)
};

/// Renders a chart from its files (named relative to the chart's root). The
/// design engine does not render charts itself: callers bind libs/helm and
/// the user's value overrides into one (docs/designs.md, "Helm charts").
using ChartRenderer = std::function<RenderedChart(std::vector<archive::Entry> files)>;

/// What a user imports: a file's name and bytes (a design, a manifest, a
/// Compose file, a Helm chart archive, or a .tar/.tgz/.zip archive of them).
struct ImportSource {
  std::string file_name;
  std::string bytes;
  std::optional<SourceType> declared;  ///< what the user says it is; detected otherwise
  std::string name;                    ///< the design's name; the file name without extension otherwise
  /// Renders a chart when the input is one (Chart.yaml at its root); unset,
  /// a chart is refused with an error saying so.
  ChartRenderer render_chart;
};

/// Bounds on archives: more entries or more unpacked bytes are refused.
struct ImportLimits {
  std::size_t max_entries = 1000;
  std::uint64_t max_unpacked_bytes = 50ULL << 20;
};

/// A component whose configuration breaks its schema.
struct ValidationIssue {
  std::string component;  ///< "Deployment/web"
  std::string path;       ///< "spec.replicas"
  std::string message;    ///< what the schema wanted
  /// "Deployment/web: spec.replicas: expected integer, got string".
  [[nodiscard]] std::string text() const;
};

struct ImportResult {
  Design design;
  SourceType source_type = SourceType::kDesign;
  std::vector<ImportWarning> warnings;
  std::vector<ValidationIssue> validation;
};

/// The import pipeline: sanitize (archives unpacked within `limits`, hostile
/// paths refused) → identify (a Helm chart by the Chart.yaml at its root,
/// else Meshery design, Kubernetes manifest, Docker Compose; `declared`
/// first when given) → to manifests (a chart through `render_chart`) → to design (each
/// resource matched in `registry` by kind and apiVersion; a resource with no
/// match is kept as an unresolved component and warned about; namespaced kinds
/// without a namespace get `default`) → validate. Throws Error with cause and
/// remedy when nothing can be imported (naming what each identification
/// attempt said).
ImportResult importDesign(const ImportSource& source, const registry::RegistrySnapshot& registry,
                          const ImportLimits& limits = {});

/// Each component's configuration against its component schema in `registry`.
std::vector<ValidationIssue> validateDesign(const Design& design,
                                            const registry::RegistrySnapshot& registry);

}  // namespace meshery::design
