#include <algorithm>
#include <functional>

#include "document_fields.hpp"
#include "meshery/registry/query.hpp"
#include "model_membership.hpp"

namespace meshery::registry {
namespace {

/// How a sort field compares its keys.
enum class KeyOrder { kText, kVersion };

/// A sort key of an entity: a view into the entity, or into `storage` for
/// computed keys. Entities outlive the query, so views stay valid.
template <typename T>
using KeyOf = std::function<std::string_view(const T&, std::string& storage)>;

template <typename T>
struct SortField {
  std::string_view name;
  KeyOf<T> key;
  KeyOrder order = KeyOrder::kText;
  /// The key is the display name: sort on the snapshot's ranks of it.
  bool display_name = false;
};

/// The comparison a query sorts with; empty `key` keeps registration order.
template <typename T>
struct Ordering {
  KeyOf<T> key;
  KeyOrder order = KeyOrder::kText;
  bool descending = false;
  bool display_name = false;
};

bool equalsIgnoringCase(std::string_view left, std::string_view right) {
  return left.size() == right.size() && detail::toLower(left) == detail::toLower(right);
}

/// A timestamp of the document in either casing; "" when absent.
std::string_view timestamp(const nlohmann::json& document, std::string_view snake,
                           std::string_view camel) {
  for (std::string_view key : {snake, camel}) {
    const nlohmann::json* value = detail::member(document, key);
    if (value != nullptr && value->is_string()) return value->get_ref<const std::string&>();
  }
  return {};
}

/// A key that is a field of the entity (no storage needed).
template <typename T, typename Field>
KeyOf<T> field(Field get) {
  return [get](const T& entity, std::string&) -> std::string_view { return get(entity); };
}

template <typename T>
std::vector<SortField<T>> commonFields() {
  auto created =
      field<T>([](const T& e) { return timestamp(e.document, "created_at", "createdAt"); });
  auto updated =
      field<T>([](const T& e) { return timestamp(e.document, "updated_at", "updatedAt"); });
  return {
      {"status", field<T>([](const T& e) { return toString(e.status); })},
      {"created_at", created},
      {"createdAt", created},
      {"updated_at", updated},
      {"updatedAt", updated},
  };
}

/// The ordering named by `order` (the field named "" is the default); an
/// empty key keeps registration order.
template <typename T>
Ordering<T> orderingFor(const ListOptions& list, const std::vector<SortField<T>>& fields,
                        std::string_view entities) {
  const bool descending = list.direction == SortDirection::kDescending;
  std::string names;
  for (const SortField<T>& field : fields) {
    if (field.name == list.order) return {field.key, field.order, descending, field.display_name};
    if (field.name.empty()) continue;
    names += names.empty() ? "" : ", ";
    names += field.name;
  }
  if (list.order.empty()) return {};
  throw Error(ErrorCode::kInvalidArgument,
              "cannot sort " + std::string(entities) + " on \"" + list.order + "\"",
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

using Facts = RegistrySnapshot::PositionFacts;

/// The items of the requested page among `matched` (positions in `items`),
/// in `ordering`. Only the items up to the page's end are sorted (ties keep
/// registration order, as a stable sort would), so a first page costs little
/// more than the scan. With `facts`, a display-name order compares the
/// snapshot's ranks and reads no item off the page.
template <typename T>
QueryResult<T> paginate(const std::vector<std::shared_ptr<const T>>& items,
                        const std::vector<std::uint32_t>& matched, const Ordering<T>& ordering,
                        const PageRequest& page, const Facts* facts) {
  QueryResult<T> result;
  result.total_count = matched.size();
  result.page = page.page;
  std::size_t offset = 0;
  std::size_t end = matched.size();
  if (page.page_size) {
    const std::size_t size = *page.page_size == 0 ? kDefaultPageSize : *page.page_size;
    result.page_size = size;
    if (page.page > matched.size() / size) return result;
    offset = page.page * size;
    if (offset >= matched.size()) return result;
    end = std::min(matched.size(), offset + size);
  }
  result.items.reserve(end - offset);
  if (!ordering.key) {
    for (std::size_t i = offset; i < end; ++i) result.items.push_back(items[matched[i]]);
    return result;
  }
  const bool by_rank = ordering.display_name && facts != nullptr &&
                       facts->display_name_rank.size() == items.size();
  if (by_rank) {
    struct Ranked {
      std::uint32_t rank;
      std::uint32_t position;
    };
    // Reused per thread: a search's first page allocates nothing here.
    static thread_local std::vector<Ranked> entries;
    entries.resize(matched.size());
    for (std::size_t i = 0; i < matched.size(); ++i) {
      entries[i] = {facts->display_name_rank[matched[i]], static_cast<std::uint32_t>(i)};
    }
    auto before = [&](const Ranked& left, const Ranked& right) {
      if (left.rank != right.rank) {
        return ordering.descending ? left.rank > right.rank : left.rank < right.rank;
      }
      return left.position < right.position;
    };
    const auto last = entries.begin() + static_cast<std::ptrdiff_t>(end);
    std::partial_sort(entries.begin(), last, entries.end(), before);
    for (std::size_t i = offset; i < end; ++i) {
      result.items.push_back(items[matched[entries[i].position]]);
    }
    return result;
  }
  struct Entry {
    std::string_view key;
    std::size_t position;
  };
  // Computed keys live here, apart from the entries the sort moves.
  std::vector<std::string> storage(matched.size());
  std::vector<Entry> entries(matched.size());
  for (std::size_t i = 0; i < matched.size(); ++i) {
    entries[i] = {ordering.key(*items[matched[i]], storage[i]), i};
  }
  auto before = [&](const Entry& left, const Entry& right) {
    const int compared = ordering.order == KeyOrder::kVersion
                             ? detail::compareVersions(left.key, right.key)
                             : left.key.compare(right.key);
    if (compared != 0) return ordering.descending ? compared > 0 : compared < 0;
    return left.position < right.position;
  };
  const auto last = entries.begin() + static_cast<std::ptrdiff_t>(end);
  std::partial_sort(entries.begin(), last, entries.end(), before);
  for (std::size_t i = offset; i < end; ++i) {
    result.items.push_back(items[matched[entries[i].position]]);
  }
  return result;
}

/// `text.find(needle) != npos` for the short texts and needles searches
/// check, without library calls per text.
bool contains(std::string_view text, std::string_view needle) {
  if (needle.size() > text.size()) return false;
  const std::size_t last = text.size() - needle.size();
  for (std::size_t i = 0; i <= last; ++i) {
    std::size_t j = 0;
    while (j < needle.size() && text[i + j] == needle[j]) ++j;
    if (j == needle.size()) return true;
  }
  return false;
}

bool annotationMatches(AnnotationFilter filter, bool annotation) {
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

/// The query over `items`: search text, status, annotations, then `match`
/// (skipped when `filtered` is false: the query has no other filter), then
/// the page. On the snapshot's own lists, status and annotation come from
/// its per-position facts, so an entity is read only when `match` needs it
/// or when it is on the page.
template <typename T, typename Match>
QueryResult<T> run(const RegistrySnapshot& snapshot,
                   const std::vector<std::shared_ptr<const T>>& items, const ListOptions& list,
                   const Ordering<T>& ordering, bool filtered, Match match) {
  const std::string needle = detail::toLower(list.search);
  const Facts* facts = snapshot.positionFacts(items);
  // Reused per thread (run() does not nest): no allocation per query.
  static thread_local std::vector<std::uint32_t> matched;
  matched.clear();
  auto consider = [&](std::size_t i) {
    if (!needle.empty()) {
      const std::string_view text =
          facts != nullptr ? facts->searchText(i) : snapshot.searchText(*items[i]);
      if (!contains(text, needle)) return;
    }
    if (facts != nullptr) {
      if (list.status && facts->status[i] != *list.status) return;
      if (!annotationMatches(list.annotations, facts->annotation[i] != 0)) return;
    } else {
      if (list.status && items[i]->status != *list.status) return;
      if (!annotationMatches(list.annotations, *items[i])) return;
    }
    if (filtered && !match(*items[i])) return;
    matched.push_back(static_cast<std::uint32_t>(i));
  };
  if (auto candidates = snapshot.searchCandidates(items, needle)) {
    matched.reserve(candidates->size());
    for (std::uint32_t i : *candidates) consider(i);
  } else {
    for (std::size_t i = 0; i < items.size(); ++i) consider(i);
  }
  return paginate(items, matched, ordering, list.page, facts);
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
  static const std::vector<SortField<M>> kFields = [] {
    auto display_name = field<M>([](const M& m) -> std::string_view { return m.display_name; });
    auto sub_category = field<M>([](const M& m) -> std::string_view { return m.sub_category; });
    std::vector<SortField<M>> fields = {
        {"", display_name, KeyOrder::kText, true},
        {"display_name", display_name, KeyOrder::kText, true},
        {"displayName", display_name, KeyOrder::kText, true},
        {"name", field<M>([](const M& m) -> std::string_view { return m.name; })},
        {"version", field<M>([](const M& m) -> std::string_view { return m.upstream_version; }),
         KeyOrder::kVersion},
        {"category", field<M>([](const M& m) -> std::string_view { return m.category.name; })},
        {"sub_category", sub_category},
        {"subCategory", sub_category},
        {"registrant", field<M>([](const M& m) -> std::string_view { return m.registrant.kind; })},
    };
    for (auto& common : commonFields<M>()) fields.push_back(std::move(common));
    return fields;
  }();
  const Ordering<M> order = orderingFor(query.list, kFields, "models");
  const bool filtered = !query.name.empty() || !query.version.empty() ||
                        !query.category.empty() || !query.registrant.empty();
  return run(snapshot, snapshot.models(), query.list, order, filtered, [&](const M& model) {
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
  static const std::vector<SortField<C>> kFields = [] {
    auto display_name = field<C>([](const C& c) -> std::string_view { return c.display_name; });
    auto kind = field<C>([](const C& c) -> std::string_view { return c.kind; });
    auto api_version = field<C>([](const C& c) -> std::string_view { return c.api_version; });
    auto model = field<C>([](const C& c) -> std::string_view { return c.model.name; });
    std::vector<SortField<C>> fields = {
        {"", display_name, KeyOrder::kText, true},
        {"display_name", display_name, KeyOrder::kText, true},
        {"displayName", display_name, KeyOrder::kText, true},
        {"kind", kind},
        {"name", kind},
        {"api_version", api_version},
        {"apiVersion", api_version},
        {"model", model},
        {"model_name", model},
        {"version",
         field<C>([](const C& c) -> std::string_view { return c.model.upstream_version; }),
         KeyOrder::kVersion},
        {"category", {}},  // needs the snapshot: set per query below
    };
    for (auto& common : commonFields<C>()) fields.push_back(std::move(common));
    return fields;
  }();
  Ordering<C> order = orderingFor(query.list, kFields, "components");
  if (query.list.order == "category") {
    order.key = [&snapshot](const C& c, std::string& storage) -> std::string_view {
      storage = categoryOf(snapshot, c);
      return storage;
    };
  }
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
  const bool filtered = (!query.model_name.empty() && query.model_name != "all") ||
                        !query.version.empty() || !query.api_version.empty() ||
                        !query.kind.empty() || !query.category.empty() ||
                        !query.registrant.empty();
  return run(snapshot, *candidates, query.list, order, filtered, [&](const C& component) {
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
  static const std::vector<SortField<R>> kFields = [] {
    auto sub_type = field<R>([](const R& r) -> std::string_view { return r.sub_type; });
    auto model = field<R>([](const R& r) -> std::string_view { return r.model.name; });
    std::vector<SortField<R>> fields = {
        {"kind", field<R>([](const R& r) -> std::string_view { return r.kind; })},
        {"type", field<R>([](const R& r) -> std::string_view { return r.type; })},
        {"sub_type", sub_type},
        {"subType", sub_type},
        {"model", model},
        {"model_name", model},
        {"version",
         field<R>([](const R& r) -> std::string_view { return r.model.upstream_version; }),
         KeyOrder::kVersion},
    };
    for (auto& common : commonFields<R>()) fields.push_back(std::move(common));
    return fields;
  }();
  const Ordering<R> order = orderingFor(query.list, kFields, "relationships");
  auto matches = [](std::string_view filter, std::string_view value) {
    return filter.empty() || equalsIgnoringCase(filter, value);
  };
  const bool filtered = !query.model_name.empty() || !query.version.empty() ||
                        !query.kind.empty() || !query.type.empty() || !query.sub_type.empty();
  return run(snapshot, snapshot.relationships(), query.list, order, filtered,
             [&](const R& relationship) {
    return modelNameMatches(query.model_name, relationship.model.name) &&
           filterMatches(query.version, relationship.model.upstream_version) &&
           matches(query.kind, relationship.kind) && matches(query.type, relationship.type) &&
           matches(query.sub_type, relationship.sub_type);
  });
}

QueryResult<PolicyDefinition> queryPolicies(const RegistrySnapshot& snapshot,
                                            const PolicyQuery& query) {
  using P = PolicyDefinition;
  static const std::vector<SortField<P>> kFields = [] {
    auto sub_type = field<P>([](const P& p) -> std::string_view { return p.sub_type; });
    auto model = field<P>([](const P& p) -> std::string_view { return p.model.name; });
    std::vector<SortField<P>> fields = {
        {"kind", field<P>([](const P& p) -> std::string_view { return p.kind; })},
        {"sub_type", sub_type},
        {"subType", sub_type},
        {"model", model},
        {"model_name", model},
        {"version",
         field<P>([](const P& p) -> std::string_view { return p.model.upstream_version; }),
         KeyOrder::kVersion},
    };
    for (auto& common : commonFields<P>()) fields.push_back(std::move(common));
    return fields;
  }();
  const Ordering<P> order = orderingFor(query.list, kFields, "policies");
  auto matches = [](std::string_view filter, std::string_view value) {
    return filter.empty() || equalsIgnoringCase(filter, value);
  };
  const bool filtered = !query.model_name.empty() || !query.version.empty() ||
                        !query.kind.empty() || !query.sub_type.empty();
  return run(snapshot, snapshot.policies(), query.list, order, filtered, [&](const P& policy) {
    return modelNameMatches(query.model_name, policy.model.name) &&
           filterMatches(query.version, policy.model.upstream_version) &&
           matches(query.kind, policy.kind) && matches(query.sub_type, policy.sub_type);
  });
}

}  // namespace meshery::registry
