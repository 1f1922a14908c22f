#pragma once

// What `helm template` prints: the rendered manifests split into
// documents, sorted in Helm's install order, hooks last, each under a
// "# Source:" line.

#include <map>
#include <string>
#include <vector>

#include "meshery/helm/chart.hpp"

namespace meshery::helm {

/// One document of a rendered template.
struct Manifest {
  std::string source;   ///< the template's path ("app/templates/service.yaml")
  std::string content;  ///< the document, trimmed
  std::string kind;     ///< its kind ("" when it has none)
  std::string name;     ///< its metadata.name ("" when it has none)
  bool hook = false;    ///< annotated helm.sh/hook
  bool test = false;    ///< a test hook (helm.sh/hook: test...)
};

struct TemplateOutputOptions {
  bool include_crds = false;  ///< --include-crds: the charts' crds/ files first
  bool skip_tests = false;    ///< --skip-tests
  /// --show-only: only the manifests whose path after the chart's name
  /// ("templates/service.yaml") matches one of these globs, in this order.
  std::vector<std::string> show_only;
};

/// releaseutil.SplitManifests and SortManifests over rendered templates
/// (NOTES.txt and partials left out): generic manifests in Helm's install
/// order (kinds it knows by rank, others after by name, ties in file then
/// document order), and hooks apart, sorted the same way. Throws
/// Error(kInvalidArgument) "YAML parse error on FILE: ..." for a document
/// that is not YAML.
std::pair<std::vector<Manifest>, std::vector<Manifest>> sortManifests(
    const std::map<std::string, std::string>& rendered);

/// The text `helm template` prints for `chart` rendered as `rendered`.
/// Throws Error(kNotFound) "could not find template PATTERN in chart" when
/// a --show-only pattern matches nothing.
std::string templateOutput(const Chart& chart, const std::map<std::string, std::string>& rendered,
                           const TemplateOutputOptions& options = {});

/// The same from manifests sortManifests already split and sorted.
std::string templateOutput(const Chart& chart, const std::vector<Manifest>& generic,
                           const std::vector<Manifest>& hooks,
                           const TemplateOutputOptions& options = {});

}  // namespace meshery::helm
