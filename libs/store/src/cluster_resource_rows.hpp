#pragma once

// Private to libs/store: discovered cluster objects to and from table rows,
// and the list filters, shared by the SQLite and PostgreSQL repositories.

#include <string>
#include <string_view>
#include <vector>

#include "meshery/store/cluster_resource_repository.hpp"

namespace meshery::store {

/// The columns, in the order both backends select them.
inline constexpr std::string_view kClusterResourceColumns =
    "id, cluster_id, api_version, kind, namespace, name, uid, resource_version, object, "
    "updated_at";

/// "|app=web|tier=front|": what a label filter looks for "|key=value|" in.
std::string labelIndexOf(const ClusterResource& resource);

/// A row's columns; Error(kStoreFailure) for an object that is not JSON.
ClusterResource clusterResourceFromColumns(std::string_view id, std::string_view cluster_id,
                                           std::string_view api_version, std::string_view kind,
                                           std::string_view namespace_, std::string_view name,
                                           std::string_view uid, std::string_view resource_version,
                                           std::string_view object, std::string_view updated_at);

/// A query's filters as SQL conditions over numbered parameters: `placeholder(n)`
/// spells parameter n (1-based) as the backend does; the conditions start
/// with " WHERE" (or are empty), `params` are their values in order.
struct ClusterResourceFilter {
  std::string where;
  std::vector<std::string> params;
};
ClusterResourceFilter clusterResourceFilter(const ClusterResourceQuery& query, bool postgres);

}  // namespace meshery::store
