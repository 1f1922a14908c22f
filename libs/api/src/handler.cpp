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

std::vector<std::string> commaList(std::string_view text) {
  std::vector<std::string> items;
  std::string item;
  for (const char c : text) {
    if (c != ',') {
      item += c;
    } else if (!item.empty()) {
      items.push_back(std::move(item));
      item.clear();
    }
  }
  if (!item.empty()) items.push_back(std::move(item));
  return items;
}

std::vector<std::string> queryList(const http::Request& request, std::string_view name) {
  std::vector<std::string> values;
  for (const std::string& list : request.queryParams(name)) {
    for (std::string& value : commaList(list)) values.push_back(std::move(value));
  }
  return values;
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
  registerKubernetesRoutes(router, services);
  registerConnectionRoutes(router, services);
  registerDeployRoutes(router, services);
  registerMeshSyncRoutes(router, services);
}

std::size_t pageSizeOf(const http::Request& request) {
  auto text = request.queryParam("pagesize");
  if (!text) text = request.queryParam("pageSize");
  if (!text || text->empty()) return 10;
  if (*text == "all") return 0;
  try {
    std::size_t used = 0;
    long long size = std::stoll(*text, &used);
    if (used == text->size() && size > 0 && size <= 100000) return static_cast<std::size_t>(size);
  } catch (const std::exception&) {
  }
  throw Error(ErrorCode::kMalformedInput, "pagesize must be a positive number or all",
              "got '" + *text + "'", "use e.g. pagesize=25 or pagesize=all");
}

std::size_t pageOf(const http::Request& request) {
  const auto text = request.queryParam("page");
  if (!text || text->empty()) return 0;
  if (text->find_first_not_of("0123456789") != std::string::npos || text->size() > 9) {
    throw Error(ErrorCode::kMalformedInput, "page must be a number counting from 0",
                "got '" + *text + "'", "use e.g. page=0");
  }
  return std::stoul(*text);
}

void addGuarded(http::Router& router, Services& services, http::Method method, const char* pattern,
                const char* action, const char* summary,
                http::Response (*handler)(Services&, http::Request&, const Principal&)) {
  router.add(method, pattern,
             guarded(services, action,
                     [&services, handler](http::Request& request, const Principal& principal) {
                       return handler(services, request, principal);
                     }),
             {http::Dispatch::kBlocking, 0, summary});
}

}  // namespace meshery::api
