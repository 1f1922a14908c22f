#include "meshery/http/router.hpp"

#include <algorithm>

namespace meshery::http {
namespace {

std::vector<std::string_view> splitPath(std::string_view path) {
  std::vector<std::string_view> segments;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    if (slash > start) segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool isParam(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

/// Matches a pattern against path segments. Returns the number of literal
/// segments matched (higher is more specific) or -1 when it does not match.
int matchPattern(const std::vector<std::string>& pattern_segments,
                 const std::vector<std::string_view>& path,
                 std::vector<std::pair<std::string, std::string>>& params) {
  int literals = 0;
  for (std::size_t i = 0; i < pattern_segments.size(); ++i) {
    std::string_view segment = pattern_segments[i];
    if (isParam(segment) && segment.ends_with("...}")) {
      if (i >= path.size()) return -1;
      std::string rest;
      for (std::size_t j = i; j < path.size(); ++j) rest += (j == i ? "" : "/") + std::string(path[j]);
      params.emplace_back(segment.substr(1, segment.size() - 5), std::move(rest));
      return literals;
    }
    if (i >= path.size()) return -1;
    if (isParam(segment)) {
      params.emplace_back(segment.substr(1, segment.size() - 2), path[i]);
    } else if (segment == path[i]) {
      ++literals;
    } else {
      return -1;
    }
  }
  return pattern_segments.size() == path.size() ? literals : -1;
}

}  // namespace

void Router::add(Method method, std::string pattern, Handler handler, RouteOptions options) {
  std::vector<std::string> segments;
  for (std::string_view segment : splitPath(pattern)) segments.emplace_back(segment);
  segments_.push_back(std::move(segments));
  routes_.push_back({method, std::move(pattern), std::move(handler), std::move(options)});
}

void Router::setFallback(Handler handler, RouteOptions options) {
  fallback_ = Route{Method::kGet, "", std::move(handler), std::move(options)};
}

Router::Match Router::match(Method method, std::string_view path) const {
  auto segments = splitPath(path);
  Match best;
  int best_score = -1;
  std::vector<std::pair<std::string, std::string>> params;
  for (std::size_t index = 0; index < routes_.size(); ++index) {
    const Route& route = routes_[index];
    params.clear();
    int score = matchPattern(segments_[index], segments, params);
    if (score < 0) continue;
    bool method_ok = route.method == method || (method == Method::kHead && route.method == Method::kGet);
    if (!method_ok) {
      if (std::find(best.allowed.begin(), best.allowed.end(), route.method) == best.allowed.end())
        best.allowed.push_back(route.method);
      continue;
    }
    if (score > best_score) {
      best_score = score;
      best.route = &route;
      best.params = std::move(params);
    }
  }
  if (best.route != nullptr) best.allowed.clear();
  return best;
}

}  // namespace meshery::http
