#include "handler.hpp"

#include <ctime>

namespace meshery::api {

http::Handler guarded(Services& services, std::string action, GuardedHandler handler) {
  return [&services, action = std::move(action),
          handler = std::move(handler)](http::Request& request) {
    Principal principal = services.provider.authenticate(request);
    services.provider.authorize(principal, action);
    return handler(request, principal);
  };
}

Uuid idOf(std::string_view text, std::string_view what, std::string_view remedy) {
  auto id = Uuid::parse(text);
  if (!id) {
    throw Error(ErrorCode::kMalformedInput, std::string(what) + " is not a UUID",
                "got '" + std::string(text) + "'", std::string(remedy));
  }
  return *id;
}

std::string stringMember(const nlohmann::json& object, std::initializer_list<const char*> names) {
  if (!object.is_object()) return {};
  for (const char* name : names) {
    auto it = object.find(name);
    if (it != object.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

bool boolMember(const nlohmann::json& object, const char* name, bool fallback) {
  if (!object.is_object()) return fallback;
  auto it = object.find(name);
  return it != object.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

std::string formatTimestamp(std::chrono::system_clock::time_point time) {
  auto seconds = std::chrono::system_clock::to_time_t(time);
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count() % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  return buffer;
}

void registerRoutes(http::Router& router, Services& services) {
  registerHealthRoutes(router, services);
  registerSystemRoutes(router, services);
  registerUserRoutes(router, services);
  registerRegistryRoutes(router, services);
  registerRegistryImportRoutes(router, services);
  registerRegistryManageRoutes(router, services);
  registerDesignRoutes(router, services);
  registerEvaluationRoutes(router, services);
}

}  // namespace meshery::api
