#pragma once

// The objects Helm puts beside .Values when it renders a template: .Files
// (the chart's other files, with Get, GetBytes, Glob, Lines, AsConfig,
// AsSecrets) and .Capabilities (KubeVersion, APIVersions.Has, HelmVersion).

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/gotmpl/value.hpp"

namespace meshery::helm {

/// Helm's files type: a map of path to content that templates can range
/// over, with its methods.
gotmpl::Value filesValue(std::map<std::string, std::string, std::less<>> files);

/// The cluster a render assumes: helm v3.17.2's `helm template` default
/// (its client-go's, v1.32.0). Helm's own test goldens pass v1.20.0.
struct KubeVersion {
  std::string version = "v1.32.0";
  std::string major = "1";
  std::string minor = "32";
};

/// chartutil.ParseKubeVersion for --kube-version: any version semver
/// accepts ("1.16", "v1.16.0", "1.30.0-rc.1"), written back in full with a
/// "v" ("v1.16.0"). Throws Error(kInvalidArgument) "invalid kube version
/// 'x': …" otherwise.
KubeVersion parseKubeVersion(std::string_view text);

/// *chartutil.Capabilities: KubeVersion (prints as its version; Major,
/// Minor, Version, GitVersion), APIVersions (a list with Has) and
/// HelmVersion (Version, GitCommit, GitTreeState, GoVersion).
gotmpl::Value capabilitiesValue(const KubeVersion& kube_version,
                                std::vector<std::string> api_versions,
                                const std::string& helm_version);

/// The API versions a render assumes when no cluster tells: helm v3.17.2's
/// DefaultVersionSet, the 56 group/versions its client-go knows (no
/// version/Kind entries, so `Has "apps/v1/Deployment"` is false).
std::vector<std::string> defaultApiVersions();

/// gobwas/glob matching with '/' as the separator, as Files.Glob uses it:
/// `*` and `?` stop at '/', `**` does not; `[a-z]`, `[!x]`, `{a,b}`, `\`.
bool globMatch(std::string_view pattern, std::string_view name);

}  // namespace meshery::helm
