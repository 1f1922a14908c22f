// GET /api/registry/… (and the deprecated alias /api/meshmodels/…): models,
// components, relationships, policies, categories and registrants of the
// registry's current snapshot, in Meshery's paginated list shapes.

#include <algorithm>
#include <array>
#include <cctype>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "handler.hpp"
#include "meshery/registry/query.hpp"
#include "meshery/registry/registry.hpp"
#include "registry_query_params.hpp"

namespace meshery::api {
namespace {

using registry::RegistrySnapshot;

/// Meshery's page envelope, in the legacy (page_size, total_count) and the
/// new (pageSize, totalCount) casing at once.
nlohmann::json envelope(std::size_t page, std::optional<std::size_t> page_size, std::size_t total,
                        const char* key, nlohmann::json items) {
  std::size_t size = page_size.value_or(total);
  return {{"page", page},         {"page_size", size},   {"pageSize", size},
          {"total_count", total}, {"totalCount", total}, {key, std::move(items)}};
}

std::string dump(const nlohmann::json& document) {
  return document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// A string value no definition holds: marks where pre-serialised text goes.
constexpr std::string_view kSlot = "\x01meshery:slot\x01";

/// The text of `document` with its one string value kSlot replaced by the
/// JSON text `replacement` (so that large items are not built as documents
/// and serialised on every request); nullopt unless kSlot occurs exactly once.
std::optional<std::string> spliced(const nlohmann::json& document, std::string_view replacement) {
  static const std::string kQuotedSlot = nlohmann::json(std::string(kSlot)).dump();
  std::string text = dump(document);
  const std::size_t at = text.find(kQuotedSlot);
  if (at == std::string::npos || text.find(kQuotedSlot, at + 1) != std::string::npos) {
    return std::nullopt;
  }
  text.replace(at, kQuotedSlot.size(), replacement);
  return text;
}

/// Appends the JSON array of `items`, each written by `render(out, item)`.
/// Room for all of them is reserved once the first shows their likely size.
template <typename Items, typename Render>
void appendArray(std::string& out, const Items& items, Render render) {
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    const std::size_t before = out.size();
    render(out, *items[i]);
    if (i == 0)
      out.reserve(out.size() + (out.size() - before + 1) * (items.size() - 1) * 5 / 4 + 2);
  }
  out += ']';
}

template <typename Items, typename Render>
std::string arrayText(const Items& items, Render render) {
  std::string text;
  appendArray(text, items, render);
  return text;
}

/// The response of one page: Meshery's envelope with the items written
/// straight into the body by `render` (no document of documents).
template <typename T, typename Render>
http::Response pageResponse(const registry::QueryResult<T>& result, const char* key,
                            Render render) {
  static const std::string kQuotedSlot = nlohmann::json(std::string(kSlot)).dump();
  const std::string frame =
      dump(envelope(result.page, result.page_size, result.total_count, key, std::string(kSlot)));
  const std::size_t at = frame.find(kQuotedSlot);  // the envelope holds only numbers besides
  std::string body(frame, 0, at);
  appendArray(body, result.items, render);
  body.append(frame, at + kQuotedSlot.size());
  return http::Response::text(std::move(body), "application/json");
}

/// A page of components sent from the snapshot's cached texts without
/// copying them (a 25-item search page is ~100 KB): the envelope is one
/// small owned text, each item a view of the cache. The views stay valid
/// while the snapshot lives, which addRead() ties to the response. When an
/// item's text is not cached whole (an untrimmed component with a schema),
/// the page is written into one body as pageResponse() does.
http::Response componentPage(const RegistrySnapshot& snapshot,
                             const registry::QueryResult<registry::ComponentDefinition>& result,
                             bool trim) {
  std::vector<std::string_view> texts;
  texts.reserve(result.items.size());
  for (const auto& item : result.items) {
    // Items after the first come with their separating comma.
    auto text = snapshot.cachedComponentJson(*item, trim, !texts.empty());
    if (!text) {
      return pageResponse(result, "components",
                          [&](std::string& out, const registry::ComponentDefinition& component) {
                            snapshot.appendComponentJson(out, component, trim);
                          });
    }
    texts.push_back(*text);
  }
  // envelope() as nlohmann dumps it (keys sorted, "components" first),
  // written directly: it holds only numbers besides the items.
  static constexpr std::string_view kOpen = R"({"components":[)";
  const std::string size = std::to_string(result.page_size.value_or(result.total_count));
  const std::string total = std::to_string(result.total_count);
  auto envelope_text = std::make_shared<std::string>();
  envelope_text->reserve(kOpen.size() + 80);
  envelope_text->append(kOpen)
      .append(R"(],"page":)")
      .append(std::to_string(result.page))
      .append(R"(,"pageSize":)")
      .append(size)
      .append(R"(,"page_size":)")
      .append(size)
      .append(R"(,"totalCount":)")
      .append(total)
      .append(R"(,"total_count":)")
      .append(total)
      .append("}");
  const std::string_view framing = *envelope_text;
  http::Response response = http::Response::text(std::string(), "application/json");
  http::BodySegments& body = response.segments;
  body.texts.reserve(texts.size() + 2);
  body.texts.push_back(framing.substr(0, kOpen.size()));
  body.texts.insert(body.texts.end(), texts.begin(), texts.end());
  body.texts.push_back(framing.substr(kOpen.size()));
  body.owners.push_back(std::move(envelope_text));
  return response;
}

std::string modelText(const RegistrySnapshot& snapshot, const registry::Model& model,
                      const RegistryParams& params) {
  nlohmann::json document = model.toJson();
  if (params.embed_relationships) {
    nlohmann::json relationships = nlohmann::json::array();
    for (const auto& relationship :
         snapshot.relationshipsOfModel(model.name, model.upstream_version)) {
      relationships.push_back(relationship->toJson());
    }
    document["relationships"] = std::move(relationships);
  }
  if (!params.embed_components) return dump(document);
  const auto components = snapshot.componentsOfModel(model.name, model.upstream_version);
  const std::string components_text =
      arrayText(components, [&](std::string& out, const registry::ComponentDefinition& component) {
        snapshot.appendComponentJson(out, component, params.trim);
      });
  document["components"] = std::string(kSlot);
  if (auto text = spliced(document, components_text)) return std::move(*text);
  // The model holds the slot's text itself: build the components as documents.
  document["components"] = nlohmann::json::parse(components_text);
  return dump(document);
}

/// Runs a registry query with the request's common parameters and answers
/// Meshery's page envelope, each item appended to the text by `render`.
template <typename Query, typename Run, typename Render>
http::Response listPage(const RegistrySnapshot& snapshot, const RegistryParams& params, Query query,
                        Run run, const char* key, Render render) {
  query.version = params.version;
  query.list = params.list;
  auto result = run(snapshot, query);
  return pageResponse(result, key, render);
}

/// Appends a definition's toJson() text.
auto appendDocument = [](std::string& out, const auto& definition) {
  out += dump(definition.toJson());
};

http::Response listModels(const RegistrySnapshot& snapshot, const RegistryParams& params,
                          registry::ModelQuery query) {
  return listPage(snapshot, params, std::move(query), registry::queryModels, "models",
                  [&](std::string& out, const registry::Model& model) {
                    out += modelText(snapshot, model, params);
                  });
}

http::Response listComponents(const RegistrySnapshot& snapshot, const RegistryParams& params,
                              registry::ComponentQuery query) {
  query.api_version = params.api_version;
  query.version = params.version;
  query.list = params.list;
  return componentPage(snapshot, registry::queryComponents(snapshot, query), params.trim);
}

http::Response listRelationships(const RegistrySnapshot& snapshot, const RegistryParams& params,
                                 registry::RelationshipQuery query) {
  return listPage(snapshot, params, std::move(query), registry::queryRelationships, "relationships",
                  appendDocument);
}

http::Response listPolicies(const RegistrySnapshot& snapshot, const RegistryParams& params,
                            registry::PolicyQuery query) {
  return listPage(snapshot, params, std::move(query), registry::queryPolicies, "policies",
                  appendDocument);
}

bool containsIgnoringCase(std::string_view text, std::string_view needle) {
  auto it = std::search(
      text.begin(), text.end(), needle.begin(), needle.end(),
      [](unsigned char a, unsigned char b) { return std::tolower(a) == std::tolower(b); });
  return it != text.end();
}

/// One page of `items` (already filtered), in Meshery's envelope under `key`.
http::Response pageOf(const std::vector<nlohmann::json>& items, const registry::PageRequest& page,
                      const char* key) {
  std::size_t size = page.page_size
                         ? (*page.page_size == 0 ? registry::kDefaultPageSize : *page.page_size)
                         : items.size();
  nlohmann::json selected = nlohmann::json::array();
  if (size > 0 && page.page < (items.size() + size - 1) / size) {
    auto first = page.page * size;
    auto last = std::min(items.size(), first + size);
    for (auto i = first; i < last; ++i) selected.push_back(items[i]);
  }
  std::optional<std::size_t> reported =
      page.page_size ? std::optional<std::size_t>(size) : std::nullopt;
  return http::Response::json(
      envelope(page.page, reported, items.size(), key, std::move(selected)));
}

http::Response listCategories(const RegistrySnapshot& snapshot, const RegistryParams& params) {
  std::vector<nlohmann::json> items;
  for (const auto& category : snapshot.categories()) {
    if (!containsIgnoringCase(category.name, params.list.search)) continue;
    items.push_back({{"id", category.id.toString()}, {"name", category.name}});
  }
  return pageOf(items, params.list.page, "categories");
}

http::Response listRegistrants(const RegistrySnapshot& snapshot, const RegistryParams& params) {
  std::vector<nlohmann::json> items;
  for (const auto& summary : snapshot.registrants()) {
    const registry::Registrant& registrant = summary.registrant;
    if (!containsIgnoringCase(registrant.name, params.list.search) &&
        !containsIgnoringCase(registrant.kind, params.list.search)) {
      continue;
    }
    nlohmann::json item =
        registrant.document.is_object() ? registrant.document : nlohmann::json::object();
    item["id"] = registrant.id.toString();
    item["name"] = registrant.name;
    item["kind"] = registrant.kind;
    item["summary"] = {{"models", summary.models},
                       {"components", summary.components},
                       {"relationships", summary.relationships},
                       {"policies", summary.policies}};
    items.push_back(std::move(item));
  }
  return pageOf(items, params.list.page, "registrants");
}

/// The largest page of components answered on the I/O thread.
constexpr std::size_t kMaxInlinePage = 100;

/// True for a request for a page of components the I/O thread can answer
/// itself: at most kMaxInlinePage items without schemas (their texts are
/// cached once per component, then only referenced), in the default
/// display-name order, with no filter that reads every candidate component
/// (status and annotations come from the snapshot's per-position facts).
/// The query then reads only the snapshot's indexes and the page's items:
/// tens of microseconds, less than the hop to the blocking pool costs.
/// Reads only the parameters that decide this (the handler parses them all
/// again): a request malformed elsewhere runs inline and fails there, with
/// the same error response. A malformed page or trim stays on the pool.
bool smallComponentPage(const http::Request& request) {
  try {
    const std::string trim = request.queryParam("trim").value_or("");
    if (trim.size() != 4 || (trim[0] | 0x20) != 't' || (trim[1] | 0x20) != 'r' ||
        (trim[2] | 0x20) != 'u' || (trim[3] | 0x20) != 'e') {
      return false;
    }
    if (!request.queryParam("version").value_or("").empty() ||
        !request.queryParam("apiVersion").value_or("").empty()) {
      return false;
    }
    const std::string order = request.queryParam("order").value_or("");
    if (!order.empty() && order != "display_name" && order != "displayName") return false;
    std::optional<std::string> size = request.queryParam("pagesize");
    if (!size) size = request.queryParam("pageSize");
    std::string size_text = size.value_or("");
    for (char& c : size_text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const std::string page = request.queryParam("page").value_or("");
    const registry::PageRequest parsed = registry::parsePageRequest(page, size_text);
    return parsed.page_size && *parsed.page_size <= kMaxInlinePage;
  } catch (...) {
    return false;
  }
}

using RegistryHandler =
    std::function<http::Response(const RegistrySnapshot&, const RegistryParams&, http::Request&)>;

/// Adds GET `suffix` under both prefixes: parse the query once, read the
/// current snapshot once, answer from it.
void addRead(http::Router& router, Services& services, std::string_view suffix,
             const std::string& summary, const RegistryHandler& handler,
             http::Dispatch dispatch = http::Dispatch::kBlocking,
             const std::function<bool(const http::Request&)>& inline_when = {}) {
  for (std::string_view prefix : kRegistryPrefixes) {
    router.add(http::Method::kGet, std::string(prefix) + std::string(suffix),
               guarded(services, "registry.view",
                       [&services, handler](http::Request& request, const Principal&) {
                         RegistryParams params = parseRegistryParams(request);
                         auto snapshot = services.registry.current();
                         http::Response response = handler(*snapshot, params, request);
                         // Segments are views of the snapshot's cached texts.
                         if (!response.segments.empty()) {
                           response.segments.owners.push_back(std::move(snapshot));
                         }
                         return response;
                       }),
               {dispatch, 0, summary, inline_when});
  }
}

}  // namespace

void registerRegistryRoutes(http::Router& router, Services& services) {
  // Lookups by kind, what designs resolve their components with, run on the
  // I/O thread: they read the in-memory snapshot only (no store), start from
  // the kind index and answer the few components of one kind from cached
  // text, so they cost microseconds; a hop to the blocking pool cost more
  // than the work (p99 5.3 -> 4.1 ms at 100 connections). Lists and searches,
  // whose cost grows with the registry and the page size, stay on the pool,
  // except small trimmed pages of components (smallComponentPage()).
  constexpr http::Dispatch kKindLookup = http::Dispatch::kInline;
  using Snapshot = const RegistrySnapshot;
  using Params = const RegistryParams;
  using Request = http::Request;
  addRead(router, services, "/models", "models of the registry",
          [](Snapshot& s, Params& p, Request&) { return listModels(s, p, {}); });
  addRead(router, services, "/models/{model}", "versions of one model",
          [](Snapshot& s, Params& p, Request& r) {
            return listModels(s, p, {.name = r.pathParam("model")});
          });
  addRead(
      router, services, "/models/{model}/components", "components of a model",
      [](Snapshot& s, Params& p, Request& r) {
        return listComponents(s, p, {.model_name = r.pathParam("model")});
      },
      http::Dispatch::kBlocking, smallComponentPage);
  addRead(
      router, services, "/models/{model}/components/{name}", "components of a kind in a model",
      [](Snapshot& s, Params& p, Request& r) {
        return listComponents(s, p,
                              {.model_name = r.pathParam("model"), .kind = r.pathParam("name")});
      },
      kKindLookup);
  addRead(router, services, "/models/{model}/relationships", "relationships of a model",
          [](Snapshot& s, Params& p, Request& r) {
            return listRelationships(s, p, {.model_name = r.pathParam("model")});
          });
  addRead(router, services, "/models/{model}/policies", "policies of a model",
          [](Snapshot& s, Params& p, Request& r) {
            return listPolicies(s, p, {.model_name = r.pathParam("model")});
          });
  addRead(router, services, "/categories", "categories models use",
          [](Snapshot& s, Params& p, Request&) { return listCategories(s, p); });
  addRead(router, services, "/categories/{category}/models", "models of a category",
          [](Snapshot& s, Params& p, Request& r) {
            return listModels(s, p, {.category = r.pathParam("category")});
          });
  addRead(
      router, services, "/components", "components of every model",
      [](Snapshot& s, Params& p, Request&) { return listComponents(s, p, {}); },
      http::Dispatch::kBlocking, smallComponentPage);
  addRead(
      router, services, "/components/{name}", "components of a kind",
      [](Snapshot& s, Params& p, Request& r) {
        return listComponents(s, p, {.kind = r.pathParam("name")});
      },
      kKindLookup);
  addRead(router, services, "/relationships", "relationships of every model",
          [](Snapshot& s, Params& p, Request&) { return listRelationships(s, p, {}); });
  addRead(router, services, "/registrants", "registrants with what they registered",
          [](Snapshot& s, Params& p, Request&) { return listRegistrants(s, p); });
}

}  // namespace meshery::api
