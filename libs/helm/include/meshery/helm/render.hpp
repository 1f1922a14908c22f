#pragma once

// Helm's template engine (pkg/engine): every template of a chart and its
// dependencies parsed into one set, each rendered with its chart's scope.

#include <map>
#include <string>
#include <vector>

#include "meshery/gotmpl/templates.hpp"
#include "meshery/helm/chart.hpp"
#include "meshery/helm/render_objects.hpp"

namespace meshery::helm {

/// What `helm template` assumes about the release and the cluster.
struct RenderOptions {
  std::string release_name = "release-name";
  std::string release_namespace = "default";
  int revision = 1;
  bool is_upgrade = false;
  KubeVersion kube_version;
  std::vector<std::string> api_versions = defaultApiVersions();
  std::string helm_version = "v3.17.2";
  /// missingkey=error instead of Helm's missingkey=zero (helm --strict).
  bool strict = false;
  gotmpl::Limits limits;
};

/// engine.Render: the output of every template that is not a partial
/// ("_helpers.tpl"), keyed by its path ("app/templates/service.yaml",
/// "app/charts/db/templates/db.yaml"), "<no value>" removed. `values` are
/// the coalesced values (coalesceValues). Templates see .Values (their
/// chart's part), .Release, .Chart, .Capabilities, .Files, .Template and
/// .Subcharts; `include`, `tpl` and `required` work as in Helm.
/// Throws Error(kInvalidArgument) with Helm's messages: "parse error at
/// (app/templates/x.yaml:3): ...", "execution error at
/// (app/templates/x.yaml:5:10): image is required", or the template error.
std::map<std::string, std::string> renderChart(const Chart& chart, const nlohmann::json& values,
                                               const RenderOptions& options = {});

}  // namespace meshery::helm
