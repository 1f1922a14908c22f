#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/registry/registry_snapshot.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry {

/// Meshery's `annotations` query parameter.
enum class AnnotationFilter {
  kInclude,  ///< annotation and ordinary entities (any value but true/false)
  kOnly,     ///< "true": only entities with isAnnotation
  kExclude,  ///< "false": only entities without isAnnotation
};

/// "true" → kOnly, "false" → kExclude, anything else → kInclude (as Meshery).
AnnotationFilter parseAnnotationFilter(std::string_view text);

/// Meshery's `sort` query parameter.
enum class SortDirection { kAscending, kDescending };

/// "desc" → kDescending, anything else → kAscending (as Meshery).
SortDirection parseSortDirection(std::string_view text);

/// Page size when none (or 0, or garbage) is asked for, as Meshery.
inline constexpr std::size_t kDefaultPageSize = 25;

/// Which page to return. Pages are 0-based, as in Meshery's current registry
/// handlers (offset = page × page_size); no page_size means every item.
struct PageRequest {
  std::size_t page = 0;
  std::optional<std::size_t> page_size = kDefaultPageSize;  ///< nullopt: "all"; 0: default
};

/// Meshery's `page` and `pagesize`/`pageSize` parameters: a missing, negative
/// or unparsable page is 0; "all" is every item; a missing, 0 or unparsable
/// size is kDefaultPageSize.
PageRequest parsePageRequest(std::string_view page, std::string_view page_size);

/// Options every registry list shares.
struct ListOptions {
  /// Case-insensitive substring of name, display name or kind; "" = no filter.
  std::string search;
  AnnotationFilter annotations = AnnotationFilter::kInclude;
  /// Only entities with this status; nullopt = every status. The default is
  /// Meshery's: a list without `status` shows enabled entities only.
  std::optional<EntityStatus> status = EntityStatus::kEnabled;
  /// Meshery's `order` parameter: the field to sort on ("" = display name for
  /// models and components, registration order otherwise). Unknown fields are
  /// Error(kInvalidArgument). Ties keep registration order.
  std::string order;
  SortDirection direction = SortDirection::kAscending;
  PageRequest page;
};

/// Filters of GET /api/registry/models. Empty strings do not filter.
/// order: name, display_name|displayName, version, category, sub_category|
/// subCategory, registrant, status, created_at, updated_at.
struct ModelQuery {
  std::string name;        ///< exact model name
  std::string version;     ///< model upstream version (`model.version`), as Meshery
  std::string category;    ///< exact category name
  std::string registrant;  ///< registrant kind or name, ignoring case
  ListOptions list;
};

/// Filters of GET /api/registry/components and the per-model/category routes.
/// order: kind|name, display_name|displayName, api_version|apiVersion,
/// model|model_name, version, category, status, created_at, updated_at.
struct ComponentQuery {
  std::string model_name;   ///< exact; "all" does not filter (as Meshery)
  std::string version;      ///< model upstream version
  std::string api_version;  ///< exact `component.version`
  std::string kind;         ///< exact `component.kind`
  std::string category;     ///< category of the component's model
  std::string registrant;   ///< registrant kind of the component's model, ignoring case
  ListOptions list;
};

/// Filters of GET /api/registry/relationships and models/{m}/relationships.
/// order: kind, type, sub_type|subType, model|model_name, version, status.
struct RelationshipQuery {
  std::string model_name;
  std::string version;   ///< model upstream version
  std::string kind;      ///< case-insensitive (legacy definitions say "Edge")
  std::string type;      ///< case-insensitive
  std::string sub_type;  ///< case-insensitive
  ListOptions list;
};

/// Filters of models/{m}/policies. order: kind, sub_type|subType, model|model_name, version.
struct PolicyQuery {
  std::string model_name;
  std::string version;  ///< model upstream version
  std::string kind;
  std::string sub_type;
  ListOptions list;
};

/// One page of a list and the number of items all pages hold.
template <typename T>
struct QueryResult {
  std::vector<std::shared_ptr<const T>> items;
  std::size_t total_count = 0;  ///< matches before pagination
  std::size_t page = 0;
  std::optional<std::size_t> page_size;  ///< nullopt when every item was asked for
};

/// Pure functions over a snapshot: filter, sort, paginate. A page beyond the
/// end is empty and still reports total_count. Throw Error(kInvalidArgument)
/// for an unknown `order` field.
QueryResult<Model> queryModels(const RegistrySnapshot& snapshot, const ModelQuery& query);
QueryResult<ComponentDefinition> queryComponents(const RegistrySnapshot& snapshot,
                                                 const ComponentQuery& query);
QueryResult<RelationshipDefinition> queryRelationships(const RegistrySnapshot& snapshot,
                                                       const RelationshipQuery& query);
QueryResult<PolicyDefinition> queryPolicies(const RegistrySnapshot& snapshot,
                                            const PolicyQuery& query);

}  // namespace meshery::registry
