// KubeClient's watches: JSON lines read as they arrive, bookmarks, 410
// Expired, and follow() — list, then watch, then list again when expired.
#include <thread>

#include "client_impl.hpp"

namespace meshery::kube {
namespace {

using nlohmann::json;

std::string versionOf(const json& object) {
  if (!object.is_object() || !object.contains("metadata") || !object["metadata"].is_object())
    return {};
  return object["metadata"].value("resourceVersion", "");
}

}  // namespace

std::string KubeClient::watch(std::string_view collection_path, std::string resource_version,
                              const std::function<bool(const WatchEvent&)>& on_event,
                              std::chrono::seconds timeout,
                              const std::function<bool()>& keep_going) {
  Impl& impl = *impl_;
  std::string target(collection_path);
  target += target.find('?') == std::string::npos ? "?" : "&";
  target += "watch=1&allowWatchBookmarks=true&timeoutSeconds=" + std::to_string(timeout.count());
  if (!resource_version.empty()) target += "&resourceVersion=" + resource_version;
  const std::string request = "WATCH " + std::string(collection_path);
  impl.limiter.acquire();
  auto [client, headers] = impl.session(false);
  std::string pending;
  std::string last = std::move(resource_version);
  std::optional<ApiError> failure;
  const auto on_data = [&](std::string_view data) {
    pending.append(data);
    for (auto newline = pending.find('\n'); newline != std::string::npos;
         newline = pending.find('\n')) {
      const std::string line = pending.substr(0, newline);
      pending.erase(0, newline + 1);
      if (line.empty()) continue;
      const json event = json::parse(line, nullptr, false);
      if (!event.is_object()) continue;  // not an event: skipped, as client-go's decoder would fail
      const std::string type = event.value("type", "");
      const json object = event.value("object", json::object());
      if (type == "ERROR") {
        http::ClientResponse answer;
        answer.status = object.value("code", 500);
        answer.body = object.dump();
        failure = detail::apiError(answer, request);
        return false;
      }
      if (const std::string version = versionOf(object); !version.empty()) last = version;
      if (!on_event({type, object})) return false;
    }
    return true;
  };
  const http::ClientResponse answer =
      client->stream(http::Method::kGet, impl.prefix + target, headers, on_data,
                     timeout + std::chrono::seconds(30), keep_going);
  if (answer.status >= 400) throw detail::apiError(answer, request);
  if (failure) throw *failure;
  return last;
}

void KubeClient::follow(std::string_view collection_path,
                        const std::function<void(const std::vector<json>&)>& on_list,
                        const std::function<bool(const WatchEvent&)>& on_event,
                        const std::function<bool()>& keep_going,
                        std::chrono::seconds watch_timeout) {
  std::string version;
  bool relist = true;
  int failures = 0;
  while (true) {
    if (relist) {
      ListPage page = listAll(collection_path);
      on_list(page.items);
      version = page.resource_version;
      relist = false;
    }
    if (!keep_going()) return;
    bool wanted = true;
    try {
      version = watch(
          collection_path, version,
          [&](const WatchEvent& event) {
            wanted = on_event(event);
            return wanted;
          },
          watch_timeout, keep_going);
      failures = 0;
    } catch (const ApiError& error) {
      if (error.status().code != 410) throw;
      relist = true;  // too old: start from a fresh list
      continue;
    } catch (const Error& error) {
      const bool transient =
          error.code() == ErrorCode::kUnavailable || error.code() == ErrorCode::kTimeout;
      if (!transient || ++failures > impl_->limits.max_retries) throw;
      std::this_thread::sleep_for(impl_->limits.backoff * (1 << std::min(failures, 5)));
      continue;
    }
    if (!wanted || !keep_going()) return;
  }
}

}  // namespace meshery::kube
