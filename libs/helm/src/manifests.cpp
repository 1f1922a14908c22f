#include "meshery/helm/manifests.hpp"

#include <algorithm>
#include <future>

#include "helm_yaml.hpp"
#include "meshery/core/error.hpp"
#include "meshery/helm/render_objects.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::helm {
namespace {

// releaseutil.InstallOrder.
const std::vector<std::string>& installOrder() {
  static const std::vector<std::string> order = {"PriorityClass",
                                                 "Namespace",
                                                 "NetworkPolicy",
                                                 "ResourceQuota",
                                                 "LimitRange",
                                                 "PodSecurityPolicy",
                                                 "PodDisruptionBudget",
                                                 "ServiceAccount",
                                                 "Secret",
                                                 "SecretList",
                                                 "ConfigMap",
                                                 "StorageClass",
                                                 "PersistentVolume",
                                                 "PersistentVolumeClaim",
                                                 "CustomResourceDefinition",
                                                 "ClusterRole",
                                                 "ClusterRoleList",
                                                 "ClusterRoleBinding",
                                                 "ClusterRoleBindingList",
                                                 "Role",
                                                 "RoleList",
                                                 "RoleBinding",
                                                 "RoleBindingList",
                                                 "Service",
                                                 "DaemonSet",
                                                 "Pod",
                                                 "ReplicationController",
                                                 "ReplicaSet",
                                                 "Deployment",
                                                 "HorizontalPodAutoscaler",
                                                 "StatefulSet",
                                                 "Job",
                                                 "CronJob",
                                                 "IngressClass",
                                                 "Ingress",
                                                 "APIService",
                                                 "MutatingWebhookConfiguration",
                                                 "ValidatingWebhookConfiguration"};
  return order;
}

std::string trim(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n\v\f");
  if (start == std::string_view::npos) return "";
  const std::size_t end = text.find_last_not_of(" \t\r\n\v\f");
  return std::string(text.substr(start, end - start + 1));
}

bool isSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// SplitManifests: documents separated by "---" at the start of a line.
std::vector<std::string> splitManifests(const std::string& text) {
  const std::string big = "\n" + text + "\n";
  std::vector<std::string> documents;
  std::size_t start = 0;
  std::size_t at = 0;
  while ((at = big.find("---", at)) != std::string::npos) {
    if (at != 0 && big[at - 1] != '\n') {
      at += 3;
      continue;
    }
    std::string document = trim(std::string_view(big).substr(start, at - start));
    if (!document.empty()) documents.push_back(std::move(document));
    at += 3;
    while (at < big.size() && isSpace(big[at])) ++at;
    start = at;
  }
  std::string document = trim(std::string_view(big).substr(start));
  if (!document.empty()) documents.push_back(std::move(document));
  return documents;
}

int rank(const std::string& kind) {
  const auto& order = installOrder();
  const auto found = std::find(order.begin(), order.end(), kind);
  return found == order.end() ? -1 : static_cast<int>(found - order.begin());
}

void sortByKind(std::vector<Manifest>& manifests) {
  std::stable_sort(manifests.begin(), manifests.end(), [](const Manifest& a, const Manifest& b) {
    const int first = rank(a.kind);
    const int second = rank(b.kind);
    if (first < 0 && second < 0) return a.kind < b.kind;
    if (first < 0) return false;
    if (second < 0) return true;
    return first < second;
  });
}

bool isPartial(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return path.compare(slash == std::string::npos ? 0 : slash + 1, 1, "_") == 0;
}

// The kind and hook annotations of one document (Helm's SimpleHead).
void readHead(Manifest& manifest) {
  nlohmann::json head;
  try {
    head = yaml::parse(manifest.content, detail::kHelmYaml);
  } catch (const Error& error) {
    throw Error(ErrorCode::kInvalidArgument,
                "YAML parse error on " + manifest.source +
                    ": error converting YAML to JSON: " + error.message(),
                "A template rendered text that is not YAML.",
                "Fix the template so it renders YAML.");
  }
  if (!head.is_object()) return;
  if (head.contains("kind") && head["kind"].is_string())
    manifest.kind = head["kind"].get<std::string>();
  const auto metadata = head.find("metadata");
  if (metadata != head.end() && metadata->is_object() && metadata->contains("name") &&
      (*metadata)["name"].is_string()) {
    manifest.name = (*metadata)["name"].get<std::string>();
  }
  if (metadata != head.end() && metadata->is_object() && metadata->contains("annotations") &&
      (*metadata)["annotations"].is_object() &&
      (*metadata)["annotations"].contains("helm.sh/hook")) {
    manifest.hook = true;
    const auto& hook = (*metadata)["annotations"]["helm.sh/hook"];
    manifest.test = hook.is_string() && hook.get<std::string>().find("test") != std::string::npos;
  }
}

}  // namespace

std::pair<std::vector<Manifest>, std::vector<Manifest>> sortManifests(
    const std::map<std::string, std::string>& rendered) {
  std::vector<Manifest> all;
  for (const auto& [path, content] : rendered) {
    if (isPartial(path) || path.ends_with("NOTES.txt") || trim(content).empty()) continue;
    for (auto& document : splitManifests(content))
      all.push_back(Manifest{path, std::move(document), "", "", false, false});
  }
  // Reading the heads is YAML parsing, the costliest step: half on another thread.
  const std::size_t half = all.size() / 2;
  auto second = std::async(std::launch::async, [&all, half] {
    for (std::size_t i = half; i < all.size(); ++i) readHead(all[i]);
  });
  try {
    for (std::size_t i = 0; i < half; ++i) readHead(all[i]);
  } catch (...) {
    second.wait();
    throw;
  }
  second.get();
  std::vector<Manifest> generic;
  std::vector<Manifest> hooks;
  for (auto& manifest : all) (manifest.hook ? hooks : generic).push_back(std::move(manifest));
  sortByKind(generic);
  sortByKind(hooks);
  return {std::move(generic), std::move(hooks)};
}

std::string templateOutput(const Chart& chart, const std::map<std::string, std::string>& rendered,
                           const TemplateOutputOptions& options) {
  const auto [generic, hooks] = sortManifests(rendered);
  return templateOutput(chart, generic, hooks, options);
}

std::string templateOutput(const Chart& chart, const std::vector<Manifest>& generic,
                           const std::vector<Manifest>& hooks,
                           const TemplateOutputOptions& options) {
  std::string out;
  if (options.include_crds) {
    const auto add_crds = [&](const auto& self, const Chart& current,
                              const std::string& path) -> void {
      for (const auto& file : current.crds())
        out += "---\n# Source: " + path + "/" + file.name + "\n" + file.data + "\n";
      for (const auto& dependency : current.dependencies)
        self(self, dependency, path + "/charts/" + dependency.name());
    };
    add_crds(add_crds, chart, chart.name());
  }
  std::vector<const Manifest*> printed;
  for (const auto& manifest : generic) printed.push_back(&manifest);
  for (const auto& manifest : hooks) {
    if (!(options.skip_tests && manifest.test)) printed.push_back(&manifest);
  }
  if (options.show_only.empty()) {
    for (const Manifest* manifest : printed) {
      out += "---\n# Source: " + manifest->source + "\n" + manifest->content + "\n";
    }
    return out;
  }
  // --show-only filters what would be printed (CRDs never), pattern by pattern.
  out.clear();
  for (const auto& pattern : options.show_only) {
    bool found = false;
    for (const Manifest* manifest : printed) {
      const std::size_t slash = manifest->source.find('/');
      if (!globMatch(pattern, manifest->source.substr(slash + 1))) continue;
      out += "---\n# Source: " + manifest->source + "\n" + manifest->content + "\n";
      found = true;
    }
    if (!found) {
      throw Error(ErrorCode::kNotFound, "could not find template " + pattern + " in chart",
                  "No rendered manifest has that path.",
                  "Give a path as listed under \"# Source:\", after the chart's name.");
    }
  }
  return out;
}

}  // namespace meshery::helm
