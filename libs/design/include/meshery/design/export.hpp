#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "meshery/design/design.hpp"

namespace meshery::design {

/// A component of a design as the Kubernetes object it stands for.
struct DesignResource {
  std::string component_id;
  std::string component_name;  ///< its displayName
  nlohmann::json object;       ///< apiVersion, kind, metadata.name, the rest of `configuration`
};

/// The Kubernetes objects of a design, in its order: one per component
/// (annotation components, which are drawings rather than resources, are
/// left out): apiVersion and kind from the declaration's `component`,
/// metadata.name = displayName, the rest from `configuration`.
std::vector<DesignResource> resourcesOf(const Design& design);

/// Kubernetes manifests of a design: a multi-document YAML stream of its
/// resourcesOf(), resolved or unresolved. Importing the result under the design's name
/// gives back the same components with the same ids.
std::string toManifests(const Design& design);

/// The design as an OCI image layout tarball (oci-layout, index.json,
/// blobs/sha256/…): one manifest, one config and one layer, a tar.gz holding
/// `design.yml`. Deterministic: the same design gives the same bytes.
/// importDesign() reads it back.
std::string toOciArchive(const Design& design);

/// A Helm chart (.tgz) of the design's manifests, as Meshery's helm-chart
/// export: the chart is named after the sanitised design name (lowercase
/// letters, digits and '-'; "design" when nothing is left) with version = the
/// design's version; Chart.yaml (apiVersion v2), an empty values.yaml and
/// templates/<kind>-<name>.yaml per component, with "{{" escaped so that Helm
/// renders the manifests unchanged.
std::string toHelmChart(const Design& design);

/// The chart name toHelmChart() uses for `design_name`.
std::string helmChartName(std::string_view design_name);

}  // namespace meshery::design
