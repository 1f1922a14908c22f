#include "meshery/kube/cluster_models.hpp"

#include <map>

namespace meshery::kube {

ClusterModels generateClusterModels(KubeClient& client, const std::string& source,
                                    bool with_kubernetes) {
  ClusterModels models;
  models.server_version = client.version().git_version;
  registry::GenerationModel kubernetes;
  kubernetes.name = "kubernetes";
  kubernetes.display_name = "Kubernetes";
  kubernetes.upstream_version = models.server_version;
  kubernetes.category = "Orchestration & Management";
  kubernetes.sub_category = "Scheduling & Orchestration";
  kubernetes.registrant = "kubernetes";
  kubernetes.source_uri = source + "/openapi/v2";
  kubernetes.id_scope = "kubernetes " + models.server_version;  // beside the bundled model
  if (with_kubernetes) {
    models.kubernetes =
        registry::generateFromOpenApi(client.openApiV2(), kubernetes.source_uri, kubernetes);
  }

  std::map<std::string, std::vector<registry::SourceDocument>> by_group;
  const ListPage crds = client.listAll("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
  for (const nlohmann::json& crd : crds.items) {
    const std::string group = crd.value("spec", nlohmann::json::object()).value("group", "");
    const std::string name = crd.value("metadata", nlohmann::json::object()).value("name", "");
    by_group[group].push_back({source + "/CustomResourceDefinition/" + name, crd});
  }
  for (const auto& [group, documents] : by_group) {
    registry::GenerationModel model;
    model.name = registry::modelNameOfGroup(group);
    model.upstream_version = "v1.0.0";
    model.registrant = "kubernetes";
    model.source_uri = source;
    models.custom.push_back(registry::generateFromCrds(documents, model));
  }
  return models;
}

}  // namespace meshery::kube
