#pragma once

// What MeshSync discovered in connected clusters: one row per Kubernetes
// object (its apiVersion, kind, namespace, name, uid, labels and the whole
// object), kept up to date from lists and watches.

#include <chrono>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/uuid.hpp"

namespace meshery::store {

struct ClusterResource {
  Uuid id;          ///< clusterResourceId(cluster_id, uid)
  Uuid cluster_id;  ///< the Kubernetes connection's id
  std::string api_version;
  std::string kind;
  std::string namespace_;  ///< "" for cluster-scoped kinds
  std::string name;
  std::string uid;
  std::string resource_version;
  nlohmann::json object;  ///< the object as the API server serves it (managedFields left out)
  std::chrono::system_clock::time_point updated_at;

  /// Built from a served object; Error(kInvalidArgument) without kind,
  /// apiVersion, metadata.name or metadata.uid.
  static ClusterResource fromObject(const Uuid& cluster_id, nlohmann::json object);
  [[nodiscard]] nlohmann::json labels() const;
};

/// The stable id of an object of a cluster: UUIDv5 of the cluster's id and
/// the object's uid.
Uuid clusterResourceId(const Uuid& cluster_id, std::string_view uid);

struct ClusterResourceChange {
  bool deleted = false;
  ClusterResource resource;
};

struct ClusterResourceQuery {
  std::vector<Uuid> cluster_ids;      ///< any of them; empty: all
  std::vector<std::string> kinds;     ///< any of them; empty: all
  std::vector<std::string> namespaces;  ///< any of them; empty: all
  /// key=value labels the object must all carry.
  std::vector<std::pair<std::string, std::string>> labels;
  std::string search;          ///< a case-insensitive part of the name
  std::int64_t page = 0;       ///< from 0
  std::int64_t page_size = 25;  ///< 0: every match
};

struct ClusterResourcePage {
  std::vector<ClusterResource> resources;  ///< by kind, namespace, name
  std::int64_t total_count = 0;
};

struct KindCount {
  std::string kind;
  std::int64_t count = 0;
};

struct ClusterResourceSummary {
  std::vector<KindCount> kinds;         ///< by kind
  std::vector<std::string> namespaces;  ///< every namespace that holds a match
  std::int64_t total_count = 0;
};

class ClusterResourceRepository {
 public:
  virtual ~ClusterResourceRepository() = default;
  /// Upserts and deletes (by id) in one transaction, in order.
  virtual void apply(const std::vector<ClusterResourceChange>& changes) = 0;
  /// A fresh list of one kind of a cluster: `items` stored, every other
  /// stored object of that apiVersion and kind in the cluster deleted; the
  /// ids deleted.
  virtual std::vector<Uuid> replaceKind(const Uuid& cluster_id, std::string_view api_version,
                                        std::string_view kind,
                                        const std::vector<ClusterResource>& items) = 0;
  virtual ClusterResourcePage list(const ClusterResourceQuery& query) = 0;
  /// Counts by kind over the query's filters (its page ignored).
  virtual ClusterResourceSummary summary(const ClusterResourceQuery& query) = 0;
  virtual std::optional<ClusterResource> find(const Uuid& id) = 0;
  virtual bool remove(const Uuid& id) = 0;
  /// Every object of a cluster; how many.
  virtual std::int64_t removeCluster(const Uuid& cluster_id) = 0;
};

}  // namespace meshery::store
