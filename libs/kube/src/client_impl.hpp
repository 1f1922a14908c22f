#pragma once

// Private to libs/kube: what KubeClient's parts share (client.cpp: requests,
// credentials, discovery, objects; watch.cpp: watches).

#include <map>
#include <mutex>
#include <optional>

#include "meshery/http/message.hpp"
#include "meshery/http/origin_client.hpp"
#include "meshery/kube/client.hpp"
#include "meshery/kube/exec_credential.hpp"
#include "rate_limiter.hpp"

namespace meshery::kube {

struct KubeClient::Impl {
  ResolvedContext context;
  ClientLimits limits;
  std::string origin;  ///< scheme://host:port of the server URL
  std::string prefix;  ///< its path, before every API path (a proxy's /k8s/clusters/x)
  detail::RateLimiter limiter;
  std::mutex mutex;  ///< guards the fields below
  std::shared_ptr<http::OriginClient> transport;
  std::optional<ExecCredential> exec_credential;
  std::map<std::string, ApiResource> resources;  ///< by "apiVersion/kind"

  Impl(ResolvedContext resolved, ClientLimits client_limits);

  /// The transport and the Authorization header as they stand (the exec
  /// credential refreshed when it expired, or when `refresh`).
  std::pair<std::shared_ptr<http::OriginClient>, http::Headers> session(bool refresh);
  /// One request with rate limit and retries (429 always; 5xx and
  /// unreachable for idempotent ones; a 401 refreshes an exec credential
  /// once). Answers >= 400 throw ApiError.
  http::ClientResponse send(http::Method method, const std::string& path, std::string body = {},
                            const std::string& content_type = {});
  nlohmann::json sendJson(http::Method method, const std::string& path, std::string body = {},
                          const std::string& content_type = {});
};

namespace detail {
/// The ApiError of an answer >= 400 (its Status body, or one made from the
/// HTTP status when the body is not a Status).
ApiError apiError(const http::ClientResponse& response, const std::string& request);
}  // namespace detail

}  // namespace meshery::kube
