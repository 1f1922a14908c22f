#pragma once

// The Kubernetes API client: one context's cluster reached with its
// credentials (token, basic auth, client certificate or exec plugin), with
// client-side rate limits and retries; discovery, OpenAPI, GET, LIST with
// limit/continue, server-side apply, DELETE, WATCH; metav1.Status errors
// decoded with their causes and field paths.

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/kube/kubeconfig.hpp"

namespace meshery::kube {

struct ClientLimits {
  double qps = 50;  ///< requests per second on average (a token bucket)
  int burst = 100;  ///< requests at once before the rate applies
  int max_retries = 4;
  std::chrono::milliseconds timeout{30'000};  ///< one request
  std::chrono::milliseconds backoff{250};     ///< first wait before a retry; doubles, capped at 8 s
};

struct ServerVersion {
  std::string major;
  std::string minor;
  std::string git_version;  ///< "v1.29.2"
  std::string platform;
};

struct ApiResource {
  std::string group_version;  ///< "apps/v1", "v1"
  std::string name;           ///< plural, as in URLs: "deployments"
  std::string kind;
  bool namespaced = false;
  std::vector<std::string> verbs;
};

struct StatusCause {
  std::string reason;   ///< FieldValueInvalid, FieldManagerConflict…
  std::string message;
  std::string field;    ///< "spec.replicas", ".spec.template"
};

/// A metav1.Status the API server answered with.
struct ApiStatus {
  int code = 0;
  std::string reason;  ///< NotFound, AlreadyExists, Conflict, Invalid, Expired…
  std::string message;
  std::vector<StatusCause> causes;
};

/// An error answer of the API server: a meshery::Error (code from the HTTP
/// status: 404 kNotFound, 409 kConflict or kAlreadyExists, 422 and 400
/// kInvalidArgument, 401 kUnauthenticated, 403 kPermissionDenied, 429 and
/// 5xx kUnavailable) that keeps the Status for callers that map causes
/// back to their own fields.
class ApiError : public Error {
 public:
  ApiError(ApiStatus status, const std::string& request);
  [[nodiscard]] const ApiStatus& status() const { return status_; }

 private:
  ApiStatus status_;
};

struct ListPage {
  std::vector<nlohmann::json> items;  ///< each with apiVersion and kind filled in
  std::string resource_version;
  std::string continue_token;  ///< "" on the last page
};

struct ApplyOptions {
  std::string field_manager = "meshery";
  bool force = false;    ///< take fields other managers own (no 409)
  bool dry_run = false;  ///< dryRun=All: the object as the server would store it
};

enum class Propagation { kBackground, kForeground, kOrphan };

struct WatchEvent {
  std::string type;  ///< ADDED, MODIFIED, DELETED, BOOKMARK
  nlohmann::json object;
};

class KubeClient {
 public:
  /// Runs the context's exec plugin, if any, for its first credential.
  explicit KubeClient(ResolvedContext context, ClientLimits limits = {});
  ~KubeClient();
  KubeClient(const KubeClient&) = delete;
  KubeClient& operator=(const KubeClient&) = delete;

  [[nodiscard]] const ResolvedContext& context() const;

  /// GET /version.
  ServerVersion version();
  /// Every resource of every served group version (/api, /apis and their
  /// resource lists; subresources left out).
  std::vector<ApiResource> discover();
  /// The resource serving `kind` in `api_version`, from discovery (cached,
  /// read again once when a kind is not found: a CRD may just have been
  /// established); nullopt when the cluster does not serve it.
  std::optional<ApiResource> resourceFor(const std::string& api_version, const std::string& kind);
  /// The URL path of an object (its namespace, or the context's for a
  /// namespaced kind that names none). Error(kNotFound) for a kind the
  /// cluster does not serve, kInvalidArgument for an object without
  /// apiVersion, kind or metadata.name.
  std::string pathOf(const nlohmann::json& object);
  /// GET /openapi/v2.
  nlohmann::json openApiV2();
  /// GET /openapi/v3: the group versions the server documents ("api/v1",
  /// "apis/apps/v1"), each with its document's server-relative URL (with
  /// the hash that makes it cacheable).
  std::map<std::string, std::string> openApiV3Paths();
  /// One group version's OpenAPI v3 document ("apis/apps/v1"), read at the
  /// URL the index gives. Error(kNotFound) when the server documents none.
  nlohmann::json openApiV3(std::string_view group_version);

  nlohmann::json get(std::string_view path);
  /// One page of a collection (`limit` 0: no limit).
  ListPage list(std::string_view collection_path, int limit = 0,
                std::string_view continue_token = {});
  /// Every page; a continue token that expired (410) starts the list again,
  /// once.
  ListPage listAll(std::string_view collection_path, int page_size = 500);
  /// Server-side apply: PATCH application/apply-patch+yaml with
  /// fieldManager (and force, dryRun=All); the object the server returns.
  nlohmann::json apply(const nlohmann::json& object, const ApplyOptions& options = {});
  /// DELETE with propagationPolicy (and dryRun=All); what the server returns.
  nlohmann::json remove(const nlohmann::json& object, Propagation propagation = Propagation::kBackground,
                        bool dry_run = false);

  /// Watches a collection from `resource_version` (allowWatchBookmarks),
  /// calling `on_event` until it returns false or the server ends the watch
  /// after `timeout`; the last resource version seen. ApiError with code
  /// 410 when the version is too old (list again). `keep_going`, when set,
  /// is asked at least every 250 ms while the watch waits: false ends it.
  std::string watch(std::string_view collection_path, std::string resource_version,
                    const std::function<bool(const WatchEvent&)>& on_event,
                    std::chrono::seconds timeout = std::chrono::seconds(300),
                    const std::function<bool()>& keep_going = {});

  /// Keeps up with a collection as client-go's reflector does: lists it
  /// (`on_list` with every item), watches from the list's resource version,
  /// watches again from the last version seen when a watch ends, and lists
  /// again when the server says that version is too old. Returns when
  /// `on_event` returns false, or `keep_going` does (it is asked at least
  /// every 250 ms during a watch, and between watches).
  void follow(std::string_view collection_path,
              const std::function<void(const std::vector<nlohmann::json>&)>& on_list,
              const std::function<bool(const WatchEvent&)>& on_event,
              const std::function<bool()>& keep_going,
              std::chrono::seconds watch_timeout = std::chrono::seconds(300));

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace meshery::kube
