#pragma once

// A Helm chart as loaded from its files (Helm's chart.Chart and
// loader.LoadFiles): metadata, default values, templates, other files and
// the charts it depends on.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/archive/archive.hpp"

namespace meshery::helm {

/// One file of a chart, its name relative to the chart's root
/// ("templates/service.yaml").
struct ChartFile {
  std::string name;
  std::string data;
};

struct Chart {
  nlohmann::json metadata =
      nlohmann::json::object();  ///< Chart.yaml (with requirements.yaml's dependencies for v1)
  nlohmann::json values = nlohmann::json::object();  ///< values.yaml
  std::optional<nlohmann::json> schema;              ///< values.schema.json
  std::vector<ChartFile> templates;                  ///< templates/...
  std::vector<ChartFile> files;                      ///< every other file (crds/ included): .Files
  std::vector<Chart> dependencies;                   ///< charts/<name>/ and charts/*.tgz

  [[nodiscard]] std::string name() const;
  [[nodiscard]] std::string version() const;
  /// "application" when Chart.yaml says nothing.
  [[nodiscard]] std::string type() const;
  /// The files under crds/.
  [[nodiscard]] std::vector<ChartFile> crds() const;
};

/// Helm's loader.LoadFiles over files named relative to the chart's root.
/// Throws Error(kInvalidArgument) with Helm's message: "Chart.yaml file is
/// missing", "validation: chart.metadata.name is required", "validation:
/// chart.metadata.type must be application or library", "cannot load
/// values.yaml: ...", "error unpacking subchart NAME in CHART: ...".
Chart loadChart(std::vector<archive::Entry> files);

/// A chart archive (.tgz): one top-level directory holding the chart.
/// Hostile archives are refused as libs/archive refuses them.
Chart loadChartArchive(std::string_view bytes);

}  // namespace meshery::helm
