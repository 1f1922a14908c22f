#pragma once

// Private to libs/api: the wrapper every handler goes through, so that each
// one authenticates and asks exactly one authorisation check before acting.

#include <array>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "meshery/api/routes.hpp"

namespace meshery::api {

using GuardedHandler = std::function<http::Response(http::Request&, const Principal&)>;

/// A handler that authenticates the request, authorises `action`, then runs `handler`.
http::Handler guarded(Services& services, std::string action, GuardedHandler handler);

/// Adds a guarded route that runs on the blocking pool.
void addGuarded(http::Router& router, Services& services, http::Method method, const char* pattern,
                const char* action, const char* summary,
                http::Response (*handler)(Services&, http::Request&, const Principal&));

/// Both of Meshery's registry prefixes: the current one and the deprecated
/// alias, which answers the same.
inline constexpr std::array<std::string_view, 2> kRegistryPrefixes = {"/api/registry",
                                                                      "/api/meshmodels"};

/// `text` as a UUID; Error(kMalformedInput, 400) naming `what` otherwise,
/// with `remedy` (where to find the id).
Uuid idOf(std::string_view text, std::string_view what, std::string_view remedy);

/// The first of `names` that `object` holds as a string, else "" (also when
/// `object` is not an object): request fields read without type errors.
std::string stringMember(const nlohmann::json& object, std::initializer_list<const char*> names);
/// The non-empty items of a comma-separated list ("a,b,,c" → a, b, c).
std::vector<std::string> commaList(std::string_view text);
/// Every item of a repeatable, comma-separable query parameter.
std::vector<std::string> queryList(const http::Request& request, std::string_view name);
/// `object[name]` when it is a boolean, else `fallback`.
bool boolMember(const nlohmann::json& object, const char* name, bool fallback);

/// `pagesize` (or `pageSize`): a positive number, or 0 for "all"; 10 when
/// absent. Error(kMalformedInput) otherwise.
std::size_t pageSizeOf(const http::Request& request);
/// `page`, counting from 0; 0 when absent. Error(kMalformedInput) otherwise.
std::size_t pageOf(const http::Request& request);

/// RFC 3339 UTC with milliseconds, Meshery's timestamp form.
std::string formatTimestamp(std::chrono::system_clock::time_point time);

void registerHealthRoutes(http::Router& router, Services& services);
void registerSystemRoutes(http::Router& router, Services& services);
void registerUserRoutes(http::Router& router, Services& services);
/// GET /api/registry/… and its deprecated alias /api/meshmodels/…
void registerRegistryRoutes(http::Router& router, Services& services);
/// POST register and generate under both registry prefixes.
void registerRegistryImportRoutes(http::Router& router, Services& services);
/// GET export, POST validate, DELETE models/{id}, POST {entityType}/status.
void registerRegistryManageRoutes(http::Router& router, Services& services);
/// /api/pattern…: designs.
void registerDesignRoutes(http::Router& router, Services& services);
/// POST relationships/evaluate under both registry prefixes.
void registerEvaluationRoutes(http::Router& router, Services& services);
/// /api/system/kubernetes…: kubeconfig uploads, contexts, ping.
void registerKubernetesRoutes(http::Router& router, Services& services);
/// /api/system/meshsync…: discovered cluster resources, status, resync.
void registerMeshSyncRoutes(http::Router& router, Services& services);
/// POST/DELETE /api/pattern/deploy: deploy and undeploy designs.
void registerDeployRoutes(http::Router& router, Services& services);
/// /api/integrations/connections…: list, view, change status, delete.
void registerConnectionRoutes(http::Router& router, Services& services);

}  // namespace meshery::api
