#include <algorithm>
#include <functional>

#include "document_fields.hpp"
#include "meshery/registry/query.hpp"
#include "model_membership.hpp"

namespace meshery::registry {
namespace {

template <typename T>
using Comparator = std::function<int(const T&, const T&)>;

template <typename T>
struct SortField {
  std::string_view name;
  Comparator<T> compare;
};

int compareText(std::string_view left, std::string_view right) {
  const int order = left.compare(right);
  return (order > 0) - (order < 0);
}

bool equalsIgnoringCase(std::string_view left, std::string_view right) {
  return left.size() == right.size() && detail::toLower(left) == detail::toLower(right);
}

/// A timestamp of the document in either casing; "" when absent.
std::string timestamp(const nlohmann::json& document, std::string_view snake,
                      std::string_view camel) {
  for (std::string_view key : {snake, camel}) {
    const nlohmann::json* value = detail::member(document, key);
    if (value != nullptr && value->is_string()) return value->get<std::string>();
  }
  return {};
}

template <typename T>
Comparator<T> byText(std::function<std::string(const T&)> key) {
  return [key](const T& left, const T& right) { return compareText(key(left), key(right)); };
}

template <typename T>
Comparator<T> byVersion(std::function<std::string(const T&)> key) {
  return [key](const T& left, const T& right) {
    return detail::compareVersions(key(left), key(right));
  };
}

template <typename T>
std::vector<SortField<T>> commonFields() {
  return {
      {"status", byText<T>([](const T& e) { return std::string(toString(e.status)); })},
      {"created_at",
       byText<T>([](const T& e) { return timestamp(e.document, "created_at", "createdAt"); })},
      {"createdAt",
       byText<T>([](const T& e) { return timestamp(e.document, "created_at", "createdAt"); })},
      {"updated_at",
       byText<T>([](const T& e) { return timestamp(e.document, "updated_at", "updatedAt"); })},
      {"updatedAt",
       byText<T>([](const T& e) { return timestamp(e.document, "updated_at", "updatedAt"); })},
  };
}

/// The comparator named by `order` (the field named "" is the default); an
/// empty function keeps registration order.
template <typename T>
Comparator<T> comparatorFor(std::string_view order, std::vector<SortField<T>> fields,
                            std::string_view entities) {
  std::string names;
  for (const SortField<T>& field : fields) {
    if (field.name == order) return field.compare;
    if (field.name.empty()) continue;
    names += names.empty() ? "" : ", ";
    names += field.name;
  }
  if (order.empty()) return {};
  throw Error(ErrorCode::kInvalidArgument,
              "cannot sort " + std::string(entities) + " on \"" + std::string(order) + "\"",
              "The `order` parameter names a field the registry does not sort on.",
              "Use one of: " + names + ".");
}

template <typename T>
bool annotationMatches(AnnotationFilter filter, const T& entity) {
  bool annotation = false;
  if constexpr (requires { entity.is_annotation; }) annotation = entity.is_annotation;
  switch (filter) {
    case AnnotationFilter::kOnly:
      return annotation;
    case AnnotationFilter::kExclude:
      return !annotation;
    case AnnotationFilter::kInclude:
      break;
  }
  return true;
}

template <typename T>
QueryResult<T> paginate(std::vector<std::shared_ptr<const T>> matched, const PageRequest& page) {
  QueryResult<T> result;
  result.total_count = matched.size();
  result.page = page.page;
  if (!page.page_size) {
    result.items = std::move(matched);
    return result;
  }
  const std::size_t size = *page.page_size == 0 ? kDefaultPageSize : *page.page_size;
  result.page_size = size;
  if (page.page > matched.size() / size) return result;
  const std::size_t offset = page.page * size;
  if (offset >= matched.size()) return result;
  const std::size_t end = std::min(matched.size(), offset + size);
  result.items.assign(
      std::make_move_iterator(matched.begin() + static_cast<std::ptrdiff_t>(offset)),
      std::make_move_iterator(matched.begin() + static_cast<std::ptrdiff_t>(end)));
  return result;
}

template <typename T, typename Match>
QueryResult<T> run(const RegistrySnapshot& snapshot,
                   const std::vector<std::shared_ptr<const T>>& items, const ListOptions& list,
                   const Comparator<T>& order, Match match) {
  const std::string needle = detail::toLower(list.search);
  const std::vector<std::string>* texts = snapshot.alignedSearchTexts(items);
  std::vector<std::shared_ptr<const T>> matched;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& item = items[i];
    if (list.status && item->status != *list.status) continue;
    if (!annotationMatches(list.annotations, *item)) continue;
    if (!needle.empty()) {
      const std::string& text = texts != nullptr ? (*texts)[i] : snapshot.searchText(*item);
      if (text.find(needle) == std::string::npos) continue;
    }
    if (!match(*item)) continue;
    matched.push_back(item);
  }
  if (order) {
    const bool descending = list.direction == SortDirection::kDescending;
    std::stable_sort(matched.begin(), matched.end(), [&](const auto& left, const auto& right) {
      const int compared = order(*left, *right);
      return descending ? compared > 0 : compared < 0;
    });
  }
  return paginate(std::move(matched), list.page);
}

bool filterMatches(std::string_view filter, std::string_view value) {
  return filter.empty() || filter == value;
}

bool modelNameMatches(std::string_view filter, std::string_view value) {
  return filter.empty() || filter == "all" || filter == value;
}

/// The category of the model a component belongs to: its embedded model's,
/// else that of a registered model it belongs to.
std::string categoryOf(const RegistrySnapshot& snapshot, const ComponentDefinition& component) {
  if (!component.model.category.empty()) return component.model.category;
  std::vector<ModelPtr> models = snapshot.modelsFor(component.model);
  return models.empty() ? std::string(kDefaultCategory) : models.front()->category.name;
}

bool registrantMatches(const RegistrySnapshot& snapshot, const ComponentDefinition& component,
                       std::string_view registrant) {
  if (!component.model.registrant_kind.empty()) {
    return equalsIgnoringCase(component.model.registrant_kind, registrant);
  }
  const std::vector<ModelPtr> models = snapshot.modelsFor(component.model);
  return std::any_of(models.begin(), models.end(), [&](const ModelPtr& model) {
    return equalsIgnoringCase(model->registrant.kind, registrant) ||
           equalsIgnoringCase(model->registrant.name, registrant);
  });
}

}  // namespace

QueryResult<Model> queryModels(const RegistrySnapshot& snapshot, const ModelQuery& query) {
  using M = Model;
  auto display_name = byText<M>([](const M& m) { return m.display_name; });
  auto sub_category = byText<M>([](const M& m) { return m.sub_category; });
  std::vector<SortField<M>> fields = {
      {"", display_name},
      {"display_name", display_name},
      {"displayName", display_name},
      {"name", byText<M>([](const M& m) { return m.name; })},
      {"version", byVersion<M>([](const M& m) { return m.upstream_version; })},
      {"category", byText<M>([](const M& m) { return m.category.name; })},
      {"sub_category", sub_category},
      {"subCategory", sub_category},
      {"registrant", byText<M>([](const M& m) { return m.registrant.kind; })},
  };
  for (auto& field : commonFields<M>()) fields.push_back(std::move(field));
  const Comparator<M> order = comparatorFor(query.list.order, std::move(fields), "models");
  return run(snapshot, snapshot.models(), query.list, order, [&](const M& model) {
    return filterMatches(query.name, model.name) &&
           filterMatches(query.version, model.upstream_version) &&
           filterMatches(query.category, model.category.name) &&
           (query.registrant.empty() ||
            equalsIgnoringCase(query.registrant, model.registrant.kind) ||
            equalsIgnoringCase(query.registrant, model.registrant.name));
  });
}

QueryResult<ComponentDefinition> queryComponents(const RegistrySnapshot& snapshot,
                                                 const ComponentQuery& query) {
  using C = ComponentDefinition;
  auto display_name = byText<C>([](const C& c) { return c.display_name; });
  auto kind = byText<C>([](const C& c) { return c.kind; });
  auto api_version = byText<C>([](const C& c) { return c.api_version; });
  auto model = byText<C>([](const C& c) { return c.model.name; });
  std::vector<SortField<C>> fields = {
      {"", display_name},
      {"display_name", display_name},
      {"displayName", display_name},
      {"kind", kind},
      {"name", kind},
      {"api_version", api_version},
      {"apiVersion", api_version},
      {"model", model},
      {"model_name", model},
      {"version", byVersion<C>([](const C& c) { return c.model.upstream_version; })},
      {"category", byText<C>([&snapshot](const C& c) { return categoryOf(snapshot, c); })},
  };
  for (auto& field : commonFields<C>()) fields.push_back(std::move(field));
  const Comparator<C> order = comparatorFor(query.list.order, std::move(fields), "components");
  // Start from the smallest indexed candidate set instead of every component.
  std::vector<std::shared_ptr<const C>> narrowed;
  const std::vector<std::shared_ptr<const C>>* candidates = &snapshot.components();
  if (!query.kind.empty()) {
    narrowed = snapshot.componentsOfKind(query.kind);
    candidates = &narrowed;
  } else if (!query.model_name.empty() && query.model_name != "all") {
    narrowed = snapshot.componentsOfModel(query.model_name, query.version);
    candidates = &narrowed;
  }
  return run(snapshot, *candidates, query.list, order, [&](const C& component) {
    return modelNameMatches(query.model_name, component.model.name) &&
           filterMatches(query.version, component.model.upstream_version) &&
           filterMatches(query.api_version, component.api_version) &&
           filterMatches(query.kind, component.kind) &&
           (query.category.empty() || query.category == categoryOf(snapshot, component)) &&
           (query.registrant.empty() || registrantMatches(snapshot, component, query.registrant));
  });
}

QueryResult<RelationshipDefinition> queryRelationships(const RegistrySnapshot& snapshot,
                                                       const RelationshipQuery& query) {
  using R = RelationshipDefinition;
  auto sub_type = byText<R>([](const R& r) { return r.sub_type; });
  auto model = byText<R>([](const R& r) { return r.model.name; });
  std::vector<SortField<R>> fields = {
      {"kind", byText<R>([](const R& r) { return r.kind; })},
      {"type", byText<R>([](const R& r) { return r.type; })},
      {"sub_type", sub_type},
      {"subType", sub_type},
      {"model", model},
      {"model_name", model},
      {"version", byVersion<R>([](const R& r) { return r.model.upstream_version; })},
  };
  for (auto& field : commonFields<R>()) fields.push_back(std::move(field));
  const Comparator<R> order = comparatorFor(query.list.order, std::move(fields), "relationships");
  auto matches = [](std::string_view filter, std::string_view value) {
    return filter.empty() || equalsIgnoringCase(filter, value);
  };
  return run(snapshot, snapshot.relationships(), query.list, order, [&](const R& relationship) {
    return modelNameMatches(query.model_name, relationship.model.name) &&
           filterMatches(query.version, relationship.model.upstream_version) &&
           matches(query.kind, relationship.kind) && matches(query.type, relationship.type) &&
           matches(query.sub_type, relationship.sub_type);
  });
}

QueryResult<PolicyDefinition> queryPolicies(const RegistrySnapshot& snapshot,
                                            const PolicyQuery& query) {
  using P = PolicyDefinition;
  auto sub_type = byText<P>([](const P& p) { return p.sub_type; });
  auto model = byText<P>([](const P& p) { return p.model.name; });
  std::vector<SortField<P>> fields = {
      {"kind", byText<P>([](const P& p) { return p.kind; })},
      {"sub_type", sub_type},
      {"subType", sub_type},
      {"model", model},
      {"model_name", model},
      {"version", byVersion<P>([](const P& p) { return p.model.upstream_version; })},
  };
  for (auto& field : commonFields<P>()) fields.push_back(std::move(field));
  const Comparator<P> order = comparatorFor(query.list.order, std::move(fields), "policies");
  auto matches = [](std::string_view filter, std::string_view value) {
    return filter.empty() || equalsIgnoringCase(filter, value);
  };
  return run(snapshot, snapshot.policies(), query.list, order, [&](const P& policy) {
    return modelNameMatches(query.model_name, policy.model.name) &&
           filterMatches(query.version, policy.model.upstream_version) &&
           matches(query.kind, policy.kind) && matches(query.sub_type, policy.sub_type);
  });
}

}  // namespace meshery::registry
