#include "cluster_resource_rows.hpp"

#include "meshery/core/error.hpp"
#include "timestamp_text.hpp"

namespace meshery::store {
namespace {

using nlohmann::json;

const Uuid kClusterResourceNamespace = Uuid::v5(Uuid(), "meshery.io/meshsync");

std::string field(const json& object, const char* key) {
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

}  // namespace

Uuid clusterResourceId(const Uuid& cluster_id, std::string_view uid) {
  return Uuid::v5(kClusterResourceNamespace, cluster_id.toString() + "/" + std::string(uid));
}

ClusterResource ClusterResource::fromObject(const Uuid& cluster_id, json object) {
  ClusterResource resource;
  resource.cluster_id = cluster_id;
  json& metadata = object["metadata"];
  if (!metadata.is_object()) metadata = json::object();
  metadata.erase("managedFields");
  resource.api_version = field(object, "apiVersion");
  resource.kind = field(object, "kind");
  resource.namespace_ = field(metadata, "namespace");
  resource.name = field(metadata, "name");
  resource.uid = field(metadata, "uid");
  resource.resource_version = field(metadata, "resourceVersion");
  if (resource.api_version.empty() || resource.kind.empty() || resource.name.empty() ||
      resource.uid.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "a discovered object lacks its identity",
                "it has no apiVersion, kind, metadata.name or metadata.uid",
                "report the API server's answer: every stored object has them");
  }
  resource.id = clusterResourceId(cluster_id, resource.uid);
  resource.object = std::move(object);
  resource.updated_at = std::chrono::system_clock::now();
  return resource;
}

json ClusterResource::labels() const {
  const auto metadata = object.find("metadata");
  if (metadata == object.end() || !metadata->is_object()) return json::object();
  const auto labels = metadata->find("labels");
  return labels != metadata->end() && labels->is_object() ? *labels : json::object();
}

std::string labelIndexOf(const ClusterResource& resource) {
  std::string index = "|";
  const json labels = resource.labels();
  for (const auto& [key, value] : labels.items()) {
    if (value.is_string()) index += key + "=" + value.get<std::string>() + "|";
  }
  return index;
}

ClusterResource clusterResourceFromColumns(std::string_view id, std::string_view cluster_id,
                                           std::string_view api_version, std::string_view kind,
                                           std::string_view namespace_, std::string_view name,
                                           std::string_view uid, std::string_view resource_version,
                                           std::string_view object, std::string_view updated_at) {
  ClusterResource resource;
  resource.id = Uuid::parse(id).value_or(Uuid());
  resource.cluster_id = Uuid::parse(cluster_id).value_or(Uuid());
  resource.api_version = api_version;
  resource.kind = kind;
  resource.namespace_ = namespace_;
  resource.name = name;
  resource.uid = uid;
  resource.resource_version = resource_version;
  resource.object = json::parse(object, nullptr, false);
  if (resource.object.is_discarded()) {
    throw Error(ErrorCode::kStoreFailure, "a stored cluster object is not JSON",
                "the row of " + std::string(kind) + " " + std::string(name) + " is damaged",
                "resync the cluster (POST /api/system/meshsync/resync)");
  }
  resource.updated_at = parseTimestamp(updated_at).value_or(std::chrono::system_clock::time_point());
  return resource;
}

ClusterResourceFilter clusterResourceFilter(const ClusterResourceQuery& query, bool postgres) {
  ClusterResourceFilter filter;
  const auto placeholder = [&](std::string value) {
    filter.params.push_back(std::move(value));
    return (postgres ? "$" : "?") + std::to_string(filter.params.size());
  };
  std::vector<std::string> conditions;
  const auto anyOf = [&](const char* column, const std::vector<std::string>& values) {
    if (values.empty()) return;
    std::string joined;
    for (const std::string& value : values) joined += (joined.empty() ? "" : "|") + value;
    const std::string p = placeholder(joined);
    conditions.push_back(postgres ? std::string(column) + " = ANY(string_to_array(" + p + ", '|'))"
                                  : "instr('|' || " + p + " || '|', '|' || " + column + " || '|') > 0");
  };
  std::vector<std::string> clusters;
  for (const Uuid& id : query.cluster_ids) clusters.push_back(id.toString());
  anyOf(postgres ? "cluster_id::text" : "cluster_id", clusters);
  anyOf("kind", query.kinds);
  anyOf("namespace", query.namespaces);
  if (!query.search.empty()) {
    const std::string p = placeholder(query.search);
    conditions.push_back((postgres ? "strpos(lower(name), lower(" : "instr(lower(name), lower(") + p +
                         ")) > 0");
  }
  for (const auto& [key, value] : query.labels) {
    const std::string p = placeholder("|" + key + "=" + value + "|");
    conditions.push_back((postgres ? "strpos(label_index, " : "instr(label_index, ") + p + ") > 0");
  }
  for (std::size_t i = 0; i < conditions.size(); ++i)
    filter.where += (i == 0 ? " WHERE " : " AND ") + conditions[i];
  return filter;
}

}  // namespace meshery::store
