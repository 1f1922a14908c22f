#pragma once

// A release as `helm template` renders it, end to end: the user's value
// overrides merged in Helm's order, the chart's enabled dependencies, the
// coalesced values checked against each chart's values.schema.json, every
// template rendered, and the manifests sorted in install order.

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "meshery/helm/chart.hpp"
#include "meshery/helm/manifests.hpp"
#include "meshery/helm/render.hpp"
#include "meshery/helm/values.hpp"

namespace meshery::helm {

/// What a user gives to override a chart's values (Helm's values.Options).
struct ValueOverrides {
  std::vector<std::string> value_files;  ///< -f/--values: YAML documents (contents), in order
  std::vector<std::string> set_json;     ///< --set-json a.b={"x":1}
  std::vector<std::string> set;          ///< --set a.b=c,d=e
  std::vector<std::string> set_string;   ///< --set-string a.b=007
  std::vector<std::string> set_file;     ///< --set-file a.b=path
  std::vector<std::string> set_literal;  ///< --set-literal a.b=any,text=at\all
  FileReader read_file;                  ///< reads --set-file's paths (the caller's I/O)

  [[nodiscard]] bool empty() const {
    return value_files.empty() && set_json.empty() && set.empty() && set_string.empty() &&
           set_file.empty() && set_literal.empty();
  }
};

/// Helm's MergeValues: the -f files merged left to right, then every
/// --set-json, --set, --set-string, --set-file and --set-literal parsed into
/// the result in that order (parseSetInto). Throws Error(kInvalidArgument) naming the
/// values file (by its position) or the flag ("failed parsing --set data:
/// …").
nlohmann::json userValues(const ValueOverrides& overrides);

/// A rendered release.
struct Release {
  Chart chart;                                  ///< with its enabled dependencies only
  nlohmann::json values;                        ///< the coalesced values (.Values)
  std::map<std::string, std::string> rendered;  ///< renderChart's output
  std::vector<Manifest> crds;                   ///< crds/ of the chart, then of each dependency
  std::vector<Manifest> manifests;              ///< in Helm's install order
  std::vector<Manifest> hooks;                  ///< helm.sh/hook resources, same order
};

/// Helm's `template` action without a cluster: enabledDependencies,
/// coalesceValues, values.schema.json validation, renderChart, and the
/// manifests split and sorted. Throws Error(kInvalidArgument) for values
/// that break a schema ("values don't meet the specifications of the
/// schema(s) in the following chart(s):" then "CHART:" and "- path: why"
/// lines) and for whatever rendering throws.
Release renderRelease(Chart chart, const nlohmann::json& user, const RenderOptions& options = {});

/// renderRelease in three steps, for `--debug`, which shows what was
/// rendered when a later step fails. First: the chart's enabled
/// dependencies, imported values, coalesced values checked against the
/// schemas.
Release prepareRelease(Chart chart, const nlohmann::json& user);

/// Second: Chart.yaml's kubeVersion checked, every template rendered into
/// `rendered`.
void renderTemplates(Release& release, const RenderOptions& options = {});

/// Third: the CRDs collected, `rendered` split and
/// sorted into manifests and hooks. Throws Error(kInvalidArgument) "YAML
/// parse error on FILE: …" for a document that is not YAML.
void sortRelease(Release& release);

/// What `helm template --debug` prints when rendering or sorting fails:
/// every rendered template under a "# Source:" line, as rendered (a lone
/// newline when nothing was).
std::string renderedText(const Release& release);

/// Something a release's resources leave out, and why.
struct LeftOut {
  std::string subject;  ///< "Job/db-migrate (app/templates/migrate.yaml)"
  std::string message;  ///< "a post-install hook: …"
};

/// A release as Kubernetes resources, the way an install applies them: the
/// CRDs, then the manifests in install order (every YAML document of each,
/// empty ones skipped). Hooks run around an install rather than being part
/// of it, so they are left out and named in `left_out`.
struct ReleaseResources {
  std::vector<nlohmann::json> documents;
  std::vector<LeftOut> left_out;
};

/// Throws Error(kInvalidArgument) "YAML parse error on FILE: …" for a
/// document that is not YAML.
ReleaseResources releaseResources(const Release& release);

/// What `helm template` prints for a release (templateOutput).
std::string templateText(const Release& release, const TemplateOutputOptions& options = {});

}  // namespace meshery::helm
