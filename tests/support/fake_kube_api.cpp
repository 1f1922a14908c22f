// The fake Kubernetes API server's routes: discovery, collections and items
// (GET, LIST with limit/continue, server-side apply, DELETE) and watches.
#include "meshery_test/fake_kube_api.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <thread>

#include "fake_kube_state.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::test {
namespace {

using http::Method;
using http::Request;
using http::Response;

/// An API path split: /api/v1/... or /apis/GROUP/VERSION/...
struct ApiPath {
  std::string group_version;
  std::vector<std::string> rest;  ///< the segments after the version
};

std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;
  while (start <= path.size()) {
    const auto end = path.find('/', start);
    std::string part = path.substr(start, end == std::string::npos ? end : end - start);
    if (!part.empty()) out.push_back(std::move(part));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

std::optional<ApiPath> apiPath(const std::string& path) {
  const auto parts = segments(path);
  if (parts.size() >= 2 && parts[0] == "api")
    return ApiPath{parts[1], {parts.begin() + 2, parts.end()}};
  if (parts.size() >= 3 && parts[0] == "apis")
    return ApiPath{parts[1] + "/" + parts[2], {parts.begin() + 3, parts.end()}};
  return std::nullopt;
}

/// What a path addresses: a type, perhaps a namespace, perhaps an item.
struct Target {
  const ResourceType* type = nullptr;
  std::string namespace_;
  std::string name;
};

Target targetOf(const FakeKubeApi::State& state, const ApiPath& path) {
  const auto& rest = path.rest;
  Target target;
  std::string resource;
  if (rest.size() >= 3 && rest[0] == "namespaces") {
    target.namespace_ = rest[1];
    resource = rest[2];
    if (rest.size() == 4) target.name = rest[3];
    if (rest.size() > 4) throw StatusError{404, "NotFound", "the server could not find the requested resource", nullptr};
  } else if (!rest.empty() && rest.size() <= 2) {
    resource = rest[0];
    if (rest.size() == 2) target.name = rest[1];
  }
  target.type = state.type(path.group_version, resource);
  if (target.type == nullptr ||
      (!target.namespace_.empty() && !target.type->namespaced) ||
      (target.type->namespaced && target.namespace_.empty() && !target.name.empty()))
    throw StatusError{404, "NotFound", "the server could not find the requested resource", nullptr};
  return target;
}

bool truthy(const std::optional<std::string>& value) {
  return value && (*value == "true" || *value == "1");
}

void requireNamespace(const FakeKubeApi::State& state, const Target& target) {
  if (!target.type->namespaced) return;
  const ResourceType* namespaces = state.type("v1", "namespaces");
  if (!state.objects.contains(State::objectKey(*namespaces, "", target.namespace_)))
    throw notFound(*namespaces, target.namespace_);
}

/// Items of a collection in key order, from the key after `start`.
Response list(FakeKubeApi::State& state, const Target& target, const Request& request) {
  std::string start;
  std::int64_t list_version = state.resource_version;
  if (const auto token = request.queryParam("continue"); token && !token->empty()) {
    const auto decoded = decodeBase64(*token);
    const json parsed = decoded ? json::parse(*decoded, nullptr, false) : json();
    if (!parsed.is_object())
      throw StatusError{400, "BadRequest", "continue key is not valid", nullptr};
    list_version = parsed.value("rv", std::int64_t{0});
    start = parsed.value("start", "");
    if (list_version < state.oldest_event - 1) {
      throw StatusError{410, "Expired",
                        "The provided continue parameter is too old to display a consistent "
                        "list result. You can start a new list without the continue parameter.",
                        nullptr};
    }
  }
  const std::size_t limit = std::stoul(request.queryParam("limit").value_or("0"));
  const std::string prefix = target.type->key() + "|" +
                             (target.namespace_.empty() ? "" : target.namespace_ + "|");
  json items = json::array();
  std::string last;
  std::size_t remaining = 0;
  for (auto it = state.objects.lower_bound(prefix); it != state.objects.end(); ++it) {
    if (!it->first.starts_with(prefix)) break;
    if (!start.empty() && it->first <= start) continue;
    if (limit > 0 && items.size() == limit) {
      ++remaining;
      continue;
    }
    json item = state.present(*target.type, it->second);
    if (target.type->crd.empty()) {  // typed lists carry no kind per item
      item.erase("apiVersion");
      item.erase("kind");
    }
    items.push_back(std::move(item));
    last = it->first;
  }
  json metadata = {{"resourceVersion", std::to_string(state.resource_version)}};
  if (remaining > 0) {
    metadata["continue"] = encodeBase64(json{{"rv", list_version}, {"start", last}}.dump());
    metadata["remainingItemCount"] = remaining;
  }
  return Response::json({{"kind", target.type->kind + "List"},
                         {"apiVersion", target.type->groupVersion()},
                         {"metadata", metadata},
                         {"items", items}});
}

/// A watch: events after the given resource version as JSON lines, with
/// bookmarks, until timeoutSeconds or the client goes.
Response watch(FakeKubeApi::State& state, const Target& target, const Request& request) {
  const std::string from = request.queryParam("resourceVersion").value_or("");
  const bool bookmarks = truthy(request.queryParam("allowWatchBookmarks"));
  const auto timeout = std::chrono::seconds(std::stoi(request.queryParam("timeoutSeconds").value_or("30")));
  const ResourceType type = *target.type;
  const std::string ns = target.namespace_;
  Response response = Response::eventStream([&state, type, ns, from, bookmarks,
                                             timeout](http::SseStream& stream) {
    const auto deadline = Clock::now() + timeout;
    std::vector<std::string> lines;
    std::int64_t sent = 0;
    {
      std::lock_guard lock(state.mutex);
      if (from.empty() || from == "0") {
        const std::string prefix = type.key() + "|" + (ns.empty() ? "" : ns + "|");
        for (auto it = state.objects.lower_bound(prefix); it != state.objects.end(); ++it) {
          if (!it->first.starts_with(prefix)) break;
          lines.push_back(json{{"type", "ADDED"}, {"object", state.present(type, it->second)}}.dump());
        }
        sent = state.resource_version;
      } else {
        sent = std::stoll(from);
        if (sent < state.oldest_event - 1) {
          const json status = {{"kind", "Status"}, {"apiVersion", "v1"},
                               {"metadata", json::object()}, {"status", "Failure"},
                               {"message", "too old resource version: " + from + " (" +
                                               std::to_string(state.oldest_event - 1) + ")"},
                               {"reason", "Expired"}, {"code", 410}};
          stream.write(json{{"type", "ERROR"}, {"object", status}}.dump() + "\n");
          return;
        }
      }
    }
    auto next_bookmark = Clock::now() + state.options.bookmark_interval;
    while (stream.open() && Clock::now() < deadline) {
      for (const std::string& line : lines) {
        if (!stream.write(line + "\n")) return;
      }
      lines.clear();
      std::unique_lock lock(state.mutex);
      const auto pending = [&] {
        return std::any_of(state.events.begin(), state.events.end(), [&](const WatchEvent& event) {
          return event.resource_version > sent && event.type_key == type.key() &&
                 (ns.empty() || event.namespace_ == ns);
        });
      };
      // Woken at least every 200 ms to notice a client that went away.
      state.changed.wait_until(
          lock, std::min({deadline, next_bookmark, Clock::now() + std::chrono::milliseconds(200)}),
          pending);
      for (const WatchEvent& event : state.events) {
        if (event.resource_version <= sent || event.type_key != type.key() ||
            (!ns.empty() && event.namespace_ != ns))
          continue;
        lines.push_back(json{{"type", event.type}, {"object", event.object}}.dump());
      }
      sent = std::max(sent, state.resource_version);
      if (bookmarks && Clock::now() >= next_bookmark) {
        lines.push_back(json{{"type", "BOOKMARK"},
                             {"object",
                              {{"kind", type.kind},
                               {"apiVersion", type.groupVersion()},
                               {"metadata", {{"resourceVersion", std::to_string(sent)}}}}}}
                            .dump());
        next_bookmark = Clock::now() + state.options.bookmark_interval;
      }
    }
  });
  response.headers.set("Content-Type", "application/json");
  return response;
}

Response apply(FakeKubeApi::State& state, const Target& target, const Request& request) {
  if (request.headers.get("Content-Type").value_or("") != "application/apply-patch+yaml")
    throw StatusError{415, "UnsupportedMediaType",
                      "the body of the request was in an unknown format - accepted media types "
                      "include: application/apply-patch+yaml",
                      nullptr};
  const std::string manager = request.queryParam("fieldManager").value_or("");
  if (manager.empty())
    throw StatusError{400, "BadRequest", "fieldManager is required for apply requests", nullptr};
  json config;
  try {
    config = yaml::parse(request.body);
  } catch (const Error& error) {
    throw StatusError{400, "BadRequest", std::string("error decoding YAML: ") + error.what(), nullptr};
  }
  if (config.value("apiVersion", "") != target.type->groupVersion()) {
    throw StatusError{400, "BadRequest",
                      "the API version in the data (" + config.value("apiVersion", "") +
                          ") does not match the expected API version (" +
                          target.type->groupVersion() + ")",
                      nullptr};
  }
  if (config.value("kind", "") != target.type->kind) {
    throw StatusError{400, "BadRequest",
                      "the kind in the data (" + config.value("kind", "") +
                          ") does not match the expected kind (" + target.type->kind + ")",
                      nullptr};
  }
  const std::string name = config.contains("metadata") ? config["metadata"].value("name", "") : "";
  if (name != target.name) {
    throw StatusError{400, "BadRequest",
                      "the name of the object (" + name + ") does not match the name on the URL (" +
                          target.name + ")",
                      nullptr};
  }
  const std::string dry_run = request.queryParam("dryRun").value_or("");
  if (!dry_run.empty() && dry_run != "All")
    throw StatusError{400, "BadRequest", "Invalid dry run value: " + dry_run, nullptr};
  std::lock_guard lock(state.mutex);
  requireNamespace(state, target);
  auto [object, created] =
      state.apply(*target.type, target.namespace_, target.name, std::move(config), manager,
                  truthy(request.queryParam("force")), dry_run == "All");
  return Response::json(object, created ? 201 : 200);
}

Response removeItem(FakeKubeApi::State& state, const Target& target, const Request& request) {
  const std::string policy = request.queryParam("propagationPolicy").value_or("Background");
  if (policy != "Background" && policy != "Foreground" && policy != "Orphan")
    throw StatusError{400, "BadRequest",
                      "DeletionPropagation must be one of Orphan, Background, Foreground: " + policy,
                      nullptr};
  std::lock_guard lock(state.mutex);
  return Response::json(state.remove(*target.type, target.namespace_, target.name,
                                     request.queryParam("dryRun").value_or("") == "All"));
}

/// Debian's Kubernetes swagger document (what the bundled model is made
/// from), or "" when the build did not find it.
std::string openApiDocument() {
#ifdef MESHERY_KUBE_OPENAPI_DOCUMENT
  std::ifstream in(MESHERY_KUBE_OPENAPI_DOCUMENT);
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
#else
  return {};
#endif
}

/// The OpenAPI v3 documents the API server serves, one per group version
/// ("api/v1", "apis/apps/v1"), made from the v2 document: its paths of that
/// group version, its definitions as components.schemas.
const std::map<std::string, std::string>& openApiV3Documents() {
  static const std::map<std::string, std::string> documents = [] {
    std::map<std::string, std::string> out;
    const std::string text = openApiDocument();
    if (text.empty()) return out;
    std::string v3 = text;
    for (std::size_t at = v3.find("#/definitions/"); at != std::string::npos;
         at = v3.find("#/definitions/", at)) {
      v3.replace(at, 14, "#/components/schemas/");
    }
    const json v2 = json::parse(v3);
    std::map<std::string, json> paths;
    const json v2_paths = v2.value("paths", json::object());
    for (const auto& [path, item] : v2_paths.items()) {
      std::string group_version;
      if (path.starts_with("/api/v1/")) {
        group_version = "api/v1";
      } else if (path.starts_with("/apis/")) {
        const auto group_end = path.find('/', 6);
        const auto version_end = group_end == std::string::npos ? group_end : path.find('/', group_end + 1);
        if (version_end == std::string::npos) continue;
        group_version = path.substr(1, version_end - 1);
      } else {
        continue;
      }
      paths[group_version][path] = item;
    }
    for (auto& [group_version, group_paths] : paths) {
      out[group_version] = json{{"openapi", "3.0.0"},
                                {"info", v2.value("info", json::object())},
                                {"paths", std::move(group_paths)},
                                {"components", {{"schemas", v2.value("definitions", json::object())}}}}
                               .dump();
    }
    return out;
  }();
  return documents;
}

Response serve(FakeKubeApi::State& state, Request& request) {
  const auto path = apiPath(request.path);
  if (!path) throw StatusError{404, "NotFound", "the server could not find the requested resource", nullptr};
  if (path->rest.empty() && request.method == Method::kGet) {
    std::lock_guard lock(state.mutex);
    json list = state.resourceList(path->group_version);
    if (list["resources"].empty() && path->group_version != "v1")
      throw StatusError{404, "NotFound", "the server could not find the requested resource", nullptr};
    return Response::json(list);
  }
  Target target;
  {
    std::lock_guard lock(state.mutex);
    target = targetOf(state, *path);
  }
  if (request.method == Method::kGet && target.name.empty()) {
    if (truthy(request.queryParam("watch"))) return watch(state, target, request);
    std::lock_guard lock(state.mutex);
    return list(state, target, request);
  }
  if (request.method == Method::kGet) {
    std::lock_guard lock(state.mutex);
    const auto found =
        state.objects.find(State::objectKey(*target.type, target.namespace_, target.name));
    if (found == state.objects.end()) throw notFound(*target.type, target.name);
    return Response::json(state.present(*target.type, found->second));
  }
  if (request.method == Method::kPatch && !target.name.empty()) return apply(state, target, request);
  if (request.method == Method::kDelete && !target.name.empty())
    return removeItem(state, target, request);
  throw StatusError{405, "MethodNotAllowed", "the server does not allow this method on the requested resource", nullptr};
}

/// The routes, answering as the API server does.
http::Router routes(State& state) {
  http::Router router;
  const auto guarded = [&state](const std::function<Response(Request&)>& handler) {
    return [handler](Request& request) {
      try {
        return handler(request);
      } catch (const StatusError& error) {
        return statusResponse(error);
      }
    };
  };
  router.add(Method::kGet, "/version", [&state](Request&) {
    const std::string& version = state.options.git_version;
    const auto dot = version.find('.');
    const auto second = version.find('.', dot + 1);
    return Response::json({{"major", version.substr(1, dot - 1)},
                           {"minor", version.substr(dot + 1, second - dot - 1)},
                           {"gitVersion", version},
                           {"platform", "linux/amd64"}});
  });
  router.add(Method::kGet, "/api", [](Request&) {
    return Response::json({{"kind", "APIVersions"}, {"versions", {"v1"}}});
  });
  router.add(Method::kGet, "/apis", [&state](Request&) {
    std::lock_guard lock(state.mutex);
    return Response::json(state.groupList());
  });
  router.add(Method::kGet, "/openapi/v2", guarded([](Request&) {
               static const std::string document = openApiDocument();
               if (document.empty())
                 throw StatusError{404, "NotFound", "the server could not find the requested resource", nullptr};
               return Response::text(document, "application/json");
             }));
  router.add(Method::kGet, "/openapi/v3", guarded([](Request&) {
               json paths = json::object();
               for (const auto& [group_version, document] : openApiV3Documents()) {
                 paths[group_version] = {
                     {"serverRelativeURL", "/openapi/v3/" + group_version + "?hash=" +
                                               std::to_string(std::hash<std::string>{}(document))}};
               }
               return Response::json({{"paths", paths}});
             }));
  router.add(Method::kGet, "/openapi/v3/{rest...}", guarded([](Request& request) {
               const std::string group_version = request.path.substr(std::string("/openapi/v3/").size());
               const auto& documents = openApiV3Documents();
               const auto found = documents.find(group_version);
               if (found == documents.end())
                 throw StatusError{404, "NotFound", "the server could not find the requested resource", nullptr};
               return Response::text(found->second, "application/json");
             }));
  for (const Method method : {Method::kGet, Method::kPatch, Method::kDelete, Method::kPost, Method::kPut}) {
    for (const char* pattern : {"/api/{rest...}", "/apis/{rest...}"}) {
      router.add(method, pattern, guarded([&state](Request& request) { return serve(state, request); }));
    }
  }
  return router;
}

/// Logging, injected failures and, unless `trusted` (a client certificate
/// was verified in front), the bearer token.
std::unique_ptr<http::Server> serverOf(State& state, bool trusted, std::uint16_t port = 0) {
  http::ServerOptions server_options;
  server_options.port = port;
  server_options.access_log = false;
  server_options.max_event_streams = 64;
  auto server = std::make_unique<http::Server>(server_options, routes(state));
  server->use([&state, trusted](Request& request, const http::Handler& next) {
    {
      std::lock_guard lock(state.mutex);
      state.log.push_back(std::string(http::toString(request.method)) + " " + request.target);
      if (state.fail_count > 0) {
        --state.fail_count;
        Response failed = statusResponse(
            {state.fail_status, state.fail_status == 429 ? "TooManyRequests" : "InternalError",
             "injected failure", nullptr});
        if (state.fail_retry_after > 0)
          failed.headers.set("Retry-After", std::to_string(state.fail_retry_after));
        return failed;
      }
    }
    if (!trusted && !state.options.token.empty() &&
        request.headers.get("Authorization").value_or("") != "Bearer " + state.options.token)
      return statusResponse({401, "Unauthorized", "Unauthorized", nullptr});
    if (!trusted && state.options.token.empty() && !state.options.client_ca_pem.empty())
      return statusResponse({401, "Unauthorized", "Unauthorized", nullptr});
    return next(request);
  });
  server->start();
  return server;
}

}  // namespace

FakeKubeApi::FakeKubeApi() : FakeKubeApi(Options{}) {}

FakeKubeApi::FakeKubeApi(Options options) : state_(std::make_unique<State>()) {
  State& state = *state_;
  state.options = std::move(options);
  state.server = serverOf(state, false);
  if (!state.options.https) return;
  state.files = std::make_unique<TempDir>();
  const TestCertificate certificate = makeSelfSignedCertificate({"localhost"}, {"127.0.0.1"});
  state.certificate_pem = certificate.certificate_pem;
  const CertificateFiles files = writeCertificate(certificate, state.files->path(), "apiserver");
  std::filesystem::path client_ca;
  if (!state.options.client_ca_pem.empty()) {
    client_ca = state.files->path() / "client-ca.crt";
    std::ofstream(client_ca) << state.options.client_ca_pem;
    state.trusted_server = serverOf(state, true);
  }
  state.front = std::make_unique<TlsFront>(
      files, state.server->port(),
      state.trusted_server ? state.trusted_server->port() : state.server->port(), client_ca);
}

FakeKubeApi::~FakeKubeApi() {
  state_->front.reset();
  if (state_->trusted_server) state_->trusted_server->stop();
  state_->server->stop();
}

std::string FakeKubeApi::url() const {
  if (state_->front) return "https://127.0.0.1:" + std::to_string(state_->front->port());
  return "http://127.0.0.1:" + std::to_string(state_->server->port());
}

void FakeKubeApi::restart(std::chrono::milliseconds down) {
  const auto port = static_cast<std::uint16_t>(state_->server->port());
  state_->server->stop();
  std::this_thread::sleep_for(down);
  state_->server = serverOf(*state_, false, port);
}

std::string FakeKubeApi::caPem() const { return state_->certificate_pem; }

std::optional<nlohmann::json> FakeKubeApi::object(const std::string& path) const {
  State& state = *state_;
  std::lock_guard lock(state.mutex);
  const auto api = apiPath(path);
  if (!api) return std::nullopt;
  try {
    const Target target = targetOf(state, *api);
    const auto found =
        state.objects.find(State::objectKey(*target.type, target.namespace_, target.name));
    if (found == state.objects.end()) return std::nullopt;
    return state.present(*target.type, found->second);
  } catch (const StatusError&) {
    return std::nullopt;
  }
}

void FakeKubeApi::compact() {
  std::lock_guard lock(state_->mutex);
  state_->events.clear();
  state_->oldest_event = state_->resource_version + 1;
}

void FakeKubeApi::failNext(int status, int count, int retry_after_seconds) {
  std::lock_guard lock(state_->mutex);
  state_->fail_status = status;
  state_->fail_count = count;
  state_->fail_retry_after = retry_after_seconds;
}

std::vector<std::string> FakeKubeApi::requests() const {
  std::lock_guard lock(state_->mutex);
  return state_->log;
}

}  // namespace meshery::test
