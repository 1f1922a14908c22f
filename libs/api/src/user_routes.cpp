// /api/user and /api/user/prefs.

#include "handler.hpp"
#include "meshery/store/store.hpp"

namespace meshery::api {
namespace {

/// Meshery's defaults for a user who has saved nothing yet.
nlohmann::json defaultPreferences() {
  return {{"anonymousUsageStats", true},
          {"anonymousPerfResults", true},
          {"loadTestPrefs", {{"c", 0}, {"qps", 0}, {"t", "30s"}, {"gen", "fortio"}}},
          {"selectedK8sContexts", nlohmann::json::array()}};
}

nlohmann::json userJson(const store::User& user) {
  return {{"id", user.meta.id.toString()},
          {"user_id", user.user_id},
          {"first_name", user.first_name},
          {"last_name", user.last_name},
          {"email", user.email},
          {"avatar_url", user.avatar_url},
          {"provider", user.provider},
          {"organization_id", user.meta.organization_id.toString()},
          {"created_at", formatTimestamp(user.meta.created_at)},
          {"updated_at", formatTimestamp(user.meta.updated_at)}};
}

}  // namespace

void registerUserRoutes(http::Router& router, Services& services) {
  router.add(http::Method::kGet, "/api/user",
             guarded(services, "user.view",
                     [&services](http::Request&, const Principal& principal) {
                       auto user = services.store.users().find(principal.user_id);
                       if (!user) {
                         throw Error(ErrorCode::kNotFound, "the current user is not stored",
                                     "the database was changed outside the server",
                                     "restart the server to recreate the local user");
                       }
                       return http::Response::json(userJson(*user));
                     }),
             {http::Dispatch::kBlocking, 0, "the current user"});

  router.add(http::Method::kGet, "/api/user/prefs",
             guarded(services, "user.preferences.view",
                     [&services](http::Request&, const Principal& principal) {
                       nlohmann::json preferences = defaultPreferences();
                       preferences.merge_patch(services.store.preferences().get(principal.user_id));
                       return http::Response::json(preferences);
                     }),
             {http::Dispatch::kBlocking, 0, "the current user's preferences"});

  router.add(
      http::Method::kPost, "/api/user/prefs",
      guarded(services, "user.preferences.update",
              [&services](http::Request& request, const Principal& principal) {
                nlohmann::json update = request.jsonBody();
                if (!update.is_object()) {
                  throw Error(ErrorCode::kInvalidArgument, "preferences must be a JSON object",
                              "the body is a " + std::string(update.type_name()),
                              "send an object such as {\"anonymousUsageStats\": false}");
                }
                // RFC 7386: null removes a key; atomic in the store.
                nlohmann::json stored = services.store.preferences().merge(principal.user_id, update);
                nlohmann::json preferences = defaultPreferences();
                preferences.merge_patch(stored);
                return http::Response::json(preferences);
              }),
      {http::Dispatch::kBlocking, 1024 * 1024, "merge into the current user's preferences"});
}

}  // namespace meshery::api
