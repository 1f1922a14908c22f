#include "meshery/kube/deploy.hpp"

#include <algorithm>
#include <thread>

namespace meshery::kube {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

bool isCrd(const json& object) {
  return object.value("kind", "") == "CustomResourceDefinition" &&
         object.value("apiVersion", "").starts_with("apiextensions.k8s.io/");
}

DeployResult resultOf(const DeployObject& item) {
  DeployResult result;
  result.component_id = item.component_id;
  result.api_version = item.object.value("apiVersion", "");
  result.kind = item.object.value("kind", "");
  const json metadata = item.object.value("metadata", json::object());
  if (metadata.is_object()) {
    result.name = metadata.value("name", "");
    result.namespace_ = metadata.value("namespace", "");
  }
  return result;
}

void failed(DeployResult& result, const Error& error) {
  result.ok = false;
  result.error = error.message();
  if (const auto* api = dynamic_cast<const ApiError*>(&error)) {
    result.status = api->status().code;
    result.causes = api->status().causes;
  }
}

/// In rank order, stable; the ranks read once.
std::vector<DeployObject> ordered(KubeClient& client, std::vector<DeployObject> objects) {
  std::vector<std::pair<int, std::size_t>> ranks;
  for (std::size_t i = 0; i < objects.size(); ++i)
    ranks.emplace_back(deployRank(client, objects[i].object), i);
  std::stable_sort(ranks.begin(), ranks.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<DeployObject> out;
  for (const auto& [rank, i] : ranks) out.push_back(std::move(objects[i]));
  return out;
}

bool established(const json& crd) {
  const json status = crd.value("status", json::object());
  for (const json& condition : status.value("conditions", json::array())) {
    if (condition.value("type", "") == "Established") return condition.value("status", "") == "True";
  }
  return false;
}

/// Waits for the CRD of `result` to be Established; false past the wait.
bool waitEstablished(KubeClient& client, const DeployResult& result, std::chrono::milliseconds wait) {
  const std::string path =
      "/apis/" + result.api_version + "/customresourcedefinitions/" + result.name;
  const auto deadline = Clock::now() + wait;
  while (true) {
    if (established(client.get(path))) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
}

/// What a dry run creates that later objects depend on: Namespaces and the
/// kinds of CRDs, which the API server does not store on a dry run.
class DryRunCreations {
 public:
  void add(const DeployObject& item, const DeployResult& result) {
    if (!result.ok || result.action != "created") return;
    if (result.kind == "Namespace" && result.api_version == "v1") namespaces_.push_back(result.name);
    if (isCrd(item.object)) {
      const json spec = item.object.value("spec", json::object());
      const std::string group = spec.value("group", "");
      const std::string kind = spec.value("names", json::object()).value("kind", "");
      for (const json& version : spec.value("versions", json::array()))
        kinds_.push_back(group + "/" + version.value("name", "") + " " + kind);
    }
  }

  /// Why `result` failed only because of what the dry run did not store, or "".
  [[nodiscard]] std::string dependency(const DeployResult& result, const Error& error) const {
    if (std::find(kinds_.begin(), kinds_.end(), result.api_version + " " + result.kind) !=
        kinds_.end()) {
      return "its kind comes from a CustomResourceDefinition this deploy creates, which a dry "
             "run does not store";
    }
    const auto* api = dynamic_cast<const ApiError*>(&error);
    if (api != nullptr && api->status().code == 404 && !result.namespace_.empty() &&
        std::find(namespaces_.begin(), namespaces_.end(), result.namespace_) !=
            namespaces_.end()) {
      return "its Namespace " + result.namespace_ +
             " is created by this deploy, which a dry run does not store";
    }
    return {};
  }

 private:
  std::vector<std::string> namespaces_;
  std::vector<std::string> kinds_;  ///< "group/version Kind"
};

}  // namespace

int deployRank(KubeClient& client, const json& object) {
  if (isCrd(object)) return 0;
  if (object.value("kind", "") == "Namespace" && object.value("apiVersion", "") == "v1") return 1;
  try {
    const auto resource = client.resourceFor(object.value("apiVersion", ""), object.value("kind", ""));
    if (resource && !resource->namespaced) return 2;
  } catch (const Error&) {
    // discovery failed: the apply will say why
  }
  return 3;
}

std::vector<DeployResult> deploy(KubeClient& client, std::vector<DeployObject> objects,
                                 const DeployOptions& options) {
  if (options.skip_crds) {
    std::erase_if(objects, [](const DeployObject& item) { return isCrd(item.object); });
  }
  std::vector<DeployResult> results;
  DryRunCreations dry_run_creations;
  bool crds_pending = false;
  for (DeployObject& item : ordered(client, std::move(objects))) {
    DeployResult result = resultOf(item);
    if (crds_pending && !isCrd(item.object)) {
      // The CRDs just applied must be served before their resources come.
      for (DeployResult& crd : results) {
        if (!crd.ok || crd.kind != "CustomResourceDefinition" || options.dry_run) continue;
        try {
          if (!waitEstablished(client, crd, options.crd_wait)) {
            crd.ok = false;
            crd.error = "the CRD was not Established within " +
                        std::to_string(options.crd_wait.count()) + " ms";
          }
        } catch (const Error& error) {
          failed(crd, error);
        }
      }
      crds_pending = false;
    }
    try {
      ApplyOptions apply;
      apply.force = options.force;
      apply.dry_run = options.dry_run;
      const std::string before = [&]() -> std::string {
        try {
          return client.get(client.pathOf(item.object))
              .value("metadata", json::object())
              .value("resourceVersion", "");
        } catch (const Error&) {
          return {};
        }
      }();
      result.object = client.apply(item.object, apply);
      const std::string after =
          result.object.value("metadata", json::object()).value("resourceVersion", "");
      result.ok = true;
      // A dry run keeps the resource version: it cannot tell unchanged.
      result.action = before.empty()                       ? "created"
                      : !options.dry_run && before == after ? "unchanged"
                                                            : "configured";
      if (isCrd(item.object)) crds_pending = true;
    } catch (const Error& error) {
      failed(result, error);
      if (options.dry_run) {
        if (std::string why = dry_run_creations.dependency(result, error); !why.empty()) {
          result = resultOf(item);
          result.ok = true;
          result.action = "created";
          result.object = item.object;
          result.unchecked = "the API server could not check it: " + why;
        }
      }
    }
    if (options.dry_run) dry_run_creations.add(item, result);
    results.push_back(std::move(result));
  }
  return results;
}

std::vector<DeployResult> undeploy(KubeClient& client, std::vector<DeployObject> objects,
                                   bool dry_run) {
  std::vector<DeployObject> order = ordered(client, std::move(objects));
  std::reverse(order.begin(), order.end());
  std::vector<DeployResult> results;
  for (const DeployObject& item : order) {
    DeployResult result = resultOf(item);
    try {
      result.object = client.remove(item.object, Propagation::kBackground, dry_run);
      result.ok = true;
      result.action = "deleted";
    } catch (const ApiError& error) {
      if (error.status().code == 404) {
        result.ok = true;
        result.action = "absent";
      } else {
        failed(result, error);
      }
    } catch (const Error& error) {
      if (error.code() == ErrorCode::kNotFound) {  // a kind the cluster no longer serves
        result.ok = true;
        result.action = "absent";
      } else {
        failed(result, error);
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

}  // namespace meshery::kube
