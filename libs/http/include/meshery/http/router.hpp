#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/http/message.hpp"

namespace meshery::http {

using Handler = std::function<Response(Request&)>;
/// Wraps a handler: call `next(request)` to continue the chain.
using Middleware = std::function<Response(Request&, const Handler& next)>;

/// Where a handler runs. kInline handlers must not block (no I/O, no locks
/// held long): they run on the I/O thread and skip a thread hop. Everything
/// else runs on the bounded blocking pool.
enum class Dispatch { kInline, kBlocking };

struct RouteOptions {
  Dispatch dispatch = Dispatch::kBlocking;
  /// A lower body size limit for this route (0: the server's limit, which
  /// always caps it).
  std::size_t max_body_bytes = 0;
  std::string summary;  ///< one line, for logs and route listings
  /// For a kBlocking route: requests for which this returns true run inline
  /// instead, because their work is known to be small and bounded (e.g. one
  /// page of in-memory data). Called on the I/O thread with the parsed
  /// request before the handler; must be cheap and must not throw.
  std::function<bool(const Request&)> inline_when;
};

struct Route {
  Method method = Method::kGet;
  std::string pattern;  ///< "/api/pattern/{id}"; a last segment "{name...}" takes the rest
  Handler handler;
  RouteOptions options;
};

/// Maps (method, path) to a route. Patterns are literal segments and
/// `{param}` segments; literals win over parameters. Built at start-up, then
/// read-only and safe to share between threads.
class Router {
 public:
  void add(Method method, std::string pattern, Handler handler, RouteOptions options = {});
  /// Handles paths no route matches (e.g. static files); default: 404.
  void setFallback(Handler handler, RouteOptions options = {});

  struct Match {
    const Route* route = nullptr;               ///< null: no match
    std::vector<Method> allowed;                ///< when the path matched but the method did not
    std::vector<std::pair<std::string, std::string>> params;
  };
  [[nodiscard]] Match match(Method method, std::string_view path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }
  [[nodiscard]] const Route* fallback() const { return fallback_ ? &*fallback_ : nullptr; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> segments_;  ///< routes_[i].pattern split at '/'
  std::optional<Route> fallback_;
};

}  // namespace meshery::http
