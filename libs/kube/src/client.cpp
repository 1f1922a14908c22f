// KubeClient: credentials, requests with rate limits and retries,
// discovery, and objects (get, list, apply, delete).
#include "meshery/kube/client.hpp"

#include <algorithm>
#include <thread>

#include "client_impl.hpp"
#include "meshery/core/base64.hpp"

namespace meshery::kube {
namespace {

using http::Method;
using nlohmann::json;
using Clock = std::chrono::system_clock;

/// Splits "https://host:6443/k8s/clusters/x" into origin and path prefix.
std::pair<std::string, std::string> splitServer(const std::string& server) {
  const auto scheme = server.find("://");
  const auto path = scheme == std::string::npos ? std::string::npos : server.find('/', scheme + 3);
  if (path == std::string::npos) return {server, ""};
  std::string prefix = server.substr(path);
  while (!prefix.empty() && prefix.back() == '/') prefix.pop_back();
  return {server.substr(0, path), prefix};
}

std::shared_ptr<http::OriginClient> transportFor(const std::string& origin,
                                                 const ResolvedContext& context,
                                                 const std::optional<ExecCredential>& exec,
                                                 const ClientLimits& limits) {
  http::OriginOptions options;
  options.timeout = limits.timeout;
  options.user_agent = "meshery";
  options.tls.ca_pem = context.cluster.certificate_authority_data;
  options.tls.insecure_skip_verify = context.cluster.insecure_skip_tls_verify;
  options.tls.server_name = context.cluster.tls_server_name;
  const bool exec_certificate = exec && !exec->client_certificate_data.empty();
  options.tls.client_certificate_pem =
      exec_certificate ? exec->client_certificate_data : context.user.client_certificate_data;
  options.tls.client_key_pem =
      exec_certificate ? exec->client_key_data : context.user.client_key_data;
  return std::make_shared<http::OriginClient>(origin, options);
}

bool idempotent(Method method) { return method != Method::kPost; }

std::chrono::milliseconds waitBefore(int attempt, const http::ClientResponse* response,
                                     const ClientLimits& limits) {
  if (response != nullptr) {
    if (const auto after = response->headers.get("Retry-After")) {
      try {
        return std::chrono::seconds(std::clamp(std::stoi(std::string(*after)), 0, 30));
      } catch (const std::exception&) {
        // an HTTP date or junk: back off as usual
      }
    }
  }
  const auto wait = limits.backoff * (1 << std::min(attempt, 5));
  return std::min<std::chrono::milliseconds>(wait, std::chrono::seconds(8));
}

/// A query value percent-encoded (RFC 3986 unreserved characters kept).
std::string escaped(std::string_view value) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (const char c : value) {
    const auto byte = static_cast<unsigned char>(c);
    if (std::isalnum(byte) != 0 || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

std::string apiPrefix(const std::string& api_version) {
  return api_version.find('/') == std::string::npos ? "/api/" + api_version
                                                    : "/apis/" + api_version;
}

/// Fills in apiVersion and kind, which typed lists leave out of items.
ListPage pageOf(const json& list) {
  ListPage page;
  const json metadata = list.value("metadata", json::object());
  page.resource_version = metadata.value("resourceVersion", "");
  page.continue_token = metadata.value("continue", "");
  std::string kind = list.value("kind", "");
  if (kind.ends_with("List")) kind.resize(kind.size() - 4);
  for (const json& item : list.value("items", json::array())) {
    json object = item;
    if (!object.contains("apiVersion")) object["apiVersion"] = list.value("apiVersion", "");
    if (!object.contains("kind")) object["kind"] = kind;
    page.items.push_back(std::move(object));
  }
  return page;
}

}  // namespace

KubeClient::Impl::Impl(ResolvedContext resolved, ClientLimits client_limits)
    : context(std::move(resolved)),
      limits(client_limits),
      limiter(client_limits.qps, client_limits.burst) {
  std::tie(origin, prefix) = splitServer(context.cluster.server);
  if (context.user.exec) exec_credential = runExecPlugin(*context.user.exec, context.cluster);
  transport = transportFor(origin, context, exec_credential, limits);
}

std::pair<std::shared_ptr<http::OriginClient>, http::Headers> KubeClient::Impl::session(
    bool refresh) {
  std::lock_guard lock(mutex);
  if (context.user.exec && exec_credential &&
      (refresh || (exec_credential->expiration &&
                   Clock::now() + std::chrono::seconds(10) >= *exec_credential->expiration))) {
    const bool had_certificate = !exec_credential->client_certificate_data.empty();
    exec_credential = runExecPlugin(*context.user.exec, context.cluster);
    if (had_certificate || !exec_credential->client_certificate_data.empty())
      transport = transportFor(origin, context, exec_credential, limits);
  }
  http::Headers headers;
  const std::string& token =
      exec_credential && !exec_credential->token.empty() ? exec_credential->token : context.user.token;
  if (!token.empty()) {
    headers.set("Authorization", "Bearer " + token);
  } else if (!context.user.username.empty() || !context.user.password.empty()) {
    headers.set("Authorization",
                "Basic " + encodeBase64(context.user.username + ":" + context.user.password));
  }
  headers.set("Accept", "application/json");
  return {transport, headers};
}

http::ClientResponse KubeClient::Impl::send(Method method, const std::string& path,
                                            std::string body, const std::string& content_type) {
  const std::string request = std::string(http::toString(method)) + " " + path;
  bool refreshed = false;
  for (int attempt = 0;; ++attempt) {
    limiter.acquire();
    auto [client, headers] = session(false);
    if (!content_type.empty()) headers.set("Content-Type", content_type);
    http::ClientResponse response;
    try {
      response = client->request(method, prefix + path, body, headers);
    } catch (const Error& error) {
      if (error.code() == ErrorCode::kUnavailable && idempotent(method) &&
          attempt < limits.max_retries) {
        std::this_thread::sleep_for(waitBefore(attempt, nullptr, limits));
        continue;
      }
      throw;
    }
    if (response.status == 401 && context.user.exec && !refreshed) {
      refreshed = true;
      session(true);
      continue;
    }
    const bool retry = response.status == 429 || (response.status >= 500 && idempotent(method));
    if (retry && attempt < limits.max_retries) {
      std::this_thread::sleep_for(waitBefore(attempt, &response, limits));
      continue;
    }
    if (response.status >= 400) throw detail::apiError(response, request);
    return response;
  }
}

json KubeClient::Impl::sendJson(Method method, const std::string& path, std::string body,
                                const std::string& content_type) {
  const http::ClientResponse response = send(method, path, std::move(body), content_type);
  json parsed = json::parse(response.body, nullptr, false);
  if (parsed.is_discarded()) {
    throw Error(ErrorCode::kMalformedInput,
                "the Kubernetes API answered " + path + " with something that is not JSON",
                "the server URL may point at something other than an API server",
                "check the cluster's server in the kubeconfig");
  }
  return parsed;
}

KubeClient::KubeClient(ResolvedContext context, ClientLimits limits)
    : impl_(std::make_unique<Impl>(std::move(context), limits)) {}

KubeClient::~KubeClient() = default;

const ResolvedContext& KubeClient::context() const { return impl_->context; }

ServerVersion KubeClient::version() {
  const json answer = impl_->sendJson(Method::kGet, "/version");
  return {answer.value("major", ""), answer.value("minor", ""), answer.value("gitVersion", ""),
          answer.value("platform", "")};
}

std::vector<ApiResource> KubeClient::discover() {
  std::vector<std::string> group_versions;
  for (const json& version : impl_->sendJson(Method::kGet, "/api").value("versions", json::array()))
    group_versions.push_back(version.get<std::string>());
  for (const json& group : impl_->sendJson(Method::kGet, "/apis").value("groups", json::array())) {
    for (const json& version : group.value("versions", json::array()))
      group_versions.push_back(version.value("groupVersion", ""));
  }
  std::vector<ApiResource> resources;
  for (const std::string& group_version : group_versions) {
    json list;
    try {
      list = impl_->sendJson(Method::kGet, apiPrefix(group_version));
    } catch (const ApiError& error) {
      if (error.status().code == 404) continue;  // a group going away meanwhile
      throw;
    }
    for (const json& resource : list.value("resources", json::array())) {
      const std::string name = resource.value("name", "");
      if (name.find('/') != std::string::npos) continue;  // a subresource
      ApiResource entry{group_version, name, resource.value("kind", ""),
                        resource.value("namespaced", false), {}};
      for (const json& verb : resource.value("verbs", json::array()))
        entry.verbs.push_back(verb.get<std::string>());
      resources.push_back(std::move(entry));
    }
  }
  std::lock_guard lock(impl_->mutex);
  impl_->resources.clear();
  for (const ApiResource& resource : resources)
    impl_->resources[resource.group_version + "/" + resource.kind] = resource;
  return resources;
}

std::optional<ApiResource> KubeClient::resourceFor(const std::string& api_version,
                                                   const std::string& kind) {
  const std::string key = api_version + "/" + kind;
  for (int pass = 0; pass < 2; ++pass) {
    {
      std::lock_guard lock(impl_->mutex);
      const auto found = impl_->resources.find(key);
      if (found != impl_->resources.end()) return found->second;
      if (pass == 1) return std::nullopt;
    }
    discover();
  }
  return std::nullopt;
}

std::string KubeClient::pathOf(const json& object) {
  const std::string api_version = object.value("apiVersion", "");
  const std::string kind = object.value("kind", "");
  const json metadata = object.value("metadata", json::object());
  const std::string name = metadata.is_object() ? metadata.value("name", "") : "";
  if (api_version.empty() || kind.empty() || name.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "the object has no apiVersion, kind or metadata.name",
                "every Kubernetes object names its apiVersion, kind and name",
                "complete the object");
  }
  const auto resource = resourceFor(api_version, kind);
  if (!resource) {
    throw Error(ErrorCode::kNotFound,
                "the cluster does not serve " + kind + " in " + api_version,
                "discovery lists no such kind (a CRD not installed, or a removed API version)",
                "install the CRD first, or use an apiVersion the cluster serves");
  }
  std::string path = apiPrefix(api_version);
  if (resource->namespaced) {
    const std::string ns = metadata.value("namespace", "");
    path += "/namespaces/" + (ns.empty() ? impl_->context.namespace_ : ns);
  }
  return path + "/" + resource->name + "/" + name;
}

json KubeClient::openApiV2() { return impl_->sendJson(Method::kGet, "/openapi/v2"); }

std::map<std::string, std::string> KubeClient::openApiV3Paths() {
  const json index = impl_->sendJson(Method::kGet, "/openapi/v3");
  std::map<std::string, std::string> paths;
  const json listed = index.value("paths", json::object());
  for (const auto& [group_version, entry] : listed.items()) {
    if (entry.is_object()) paths[group_version] = entry.value("serverRelativeURL", "");
  }
  return paths;
}

json KubeClient::openApiV3(std::string_view group_version) {
  const auto paths = openApiV3Paths();
  const auto found = paths.find(std::string(group_version));
  if (found == paths.end() || found->second.empty()) {
    throw Error(ErrorCode::kNotFound,
                "the cluster documents no " + std::string(group_version) + " in OpenAPI v3",
                "GET /openapi/v3 does not list it (an API server before 1.27 may not serve v3)",
                "use an api/<version> or apis/<group>/<version> it lists, or OpenAPI v2");
  }
  return impl_->sendJson(Method::kGet, found->second);
}

json KubeClient::get(std::string_view path) {
  return impl_->sendJson(Method::kGet, std::string(path));
}

ListPage KubeClient::list(std::string_view collection_path, int limit,
                          std::string_view continue_token) {
  std::string path(collection_path);
  std::string query;
  if (limit > 0) query += "limit=" + std::to_string(limit);
  if (!continue_token.empty()) query += (query.empty() ? "" : "&") + std::string("continue=") +
                                        escaped(continue_token);
  if (!query.empty()) path += (path.find('?') == std::string::npos ? "?" : "&") + query;
  return pageOf(impl_->sendJson(Method::kGet, path));
}

ListPage KubeClient::listAll(std::string_view collection_path, int page_size) {
  for (int attempt = 0;; ++attempt) {
    ListPage all;
    std::string token;
    try {
      do {
        ListPage page = list(collection_path, page_size, token);
        for (json& item : page.items) all.items.push_back(std::move(item));
        if (all.resource_version.empty()) all.resource_version = page.resource_version;
        token = page.continue_token;
      } while (!token.empty());
      return all;
    } catch (const ApiError& error) {
      if (error.status().code != 410 || attempt > 0) throw;  // expired: once more from the start
    }
  }
}

json KubeClient::apply(const json& object, const ApplyOptions& options) {
  std::string path = pathOf(object) + "?fieldManager=" + escaped(options.field_manager);
  if (options.force) path += "&force=true";
  if (options.dry_run) path += "&dryRun=All";
  return impl_->sendJson(Method::kPatch, path, object.dump(), "application/apply-patch+yaml");
}

json KubeClient::remove(const json& object, Propagation propagation, bool dry_run) {
  const char* policy = propagation == Propagation::kForeground ? "Foreground"
                       : propagation == Propagation::kOrphan   ? "Orphan"
                                                               : "Background";
  std::string path = pathOf(object) + "?propagationPolicy=" + policy;
  if (dry_run) path += "&dryRun=All";
  return impl_->sendJson(Method::kDelete, path);
}

}  // namespace meshery::kube
