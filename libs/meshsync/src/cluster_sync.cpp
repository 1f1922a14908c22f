#include "meshery/meshsync/cluster_sync.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "meshery/core/log.hpp"

namespace meshery::meshsync {
namespace {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

std::string collectionPath(const kube::ApiResource& resource) {
  const bool core = resource.group_version.find('/') == std::string::npos;
  return (core ? "/api/" : "/apis/") + resource.group_version + "/" + resource.name;
}

std::string groupOf(const std::string& group_version) {
  const auto slash = group_version.find('/');
  return slash == std::string::npos ? "" : group_version.substr(0, slash);
}

}  // namespace

bool exempt(const kube::ApiResource& resource) {
  static const std::set<std::string> kExempt = {
      "selfsubjectaccessreviews", "subjectaccessreviews", "localsubjectaccessreviews",
      "selfsubjectrulesreviews",  "tokenreviews",         "bindings",
      "componentstatuses",        "flowschemas",          "prioritylevelconfigurations"};
  if (kExempt.contains(resource.name)) return true;
  const auto has = [&](const char* verb) {
    return std::find(resource.verbs.begin(), resource.verbs.end(), verb) != resource.verbs.end();
  };
  return !has("list") || !has("watch");
}

json SyncStatus::toJson() const {
  return {{"state", state},   {"kinds", kinds},   {"listed", listed},
          {"events", events}, {"errors", errors}, {"lastError", last_error}};
}

struct ClusterSync::Impl {
  Uuid cluster_id;
  kube::ResolvedContext context;
  store::ClusterResourceRepository& resources;
  events::Bus& bus;
  SyncOptions options;

  std::atomic<bool> running{false};
  std::thread discovery;
  std::vector<std::thread> followers;
  std::mutex followers_mutex;

  std::mutex pending_mutex;
  std::condition_variable pending_changed;
  std::vector<store::ClusterResourceChange> pending;
  std::thread writer;
  std::mutex store_mutex;  ///< one write to the store at a time, in order

  mutable std::mutex status_mutex;
  SyncStatus state;

  Impl(Uuid id, kube::ResolvedContext resolved, store::ClusterResourceRepository& repository,
       events::Bus& events, SyncOptions sync_options)
      : cluster_id(id),
        context(std::move(resolved)),
        resources(repository),
        bus(events),
        options(std::move(sync_options)) {
    state.state = "stopped";
  }

  void publish(const char* type, const json& object) {
    json message = object;
    message["cluster_id"] = cluster_id.toString();
    bus.publish(kCoreSubject,
                {{"ObjectType", "meshsync-data"}, {"EventType", type}, {"Object", std::move(message)}});
  }

  void setState(const char* name) {
    std::lock_guard lock(status_mutex);
    state.state = name;
  }

  void failed(const std::string& what, const Error& error) {
    std::lock_guard lock(status_mutex);
    ++state.errors;
    state.last_error = what + ": " + error.message() +
                       (error.cause().empty() ? "" : " (" + error.cause() + ")");
    if (running) state.state = "reconnecting";
    log::warn("meshsync", {{"cluster", cluster_id.toString()}, {"error", state.last_error}});
  }

  /// Stores what is pending, in order with the other writes.
  void flush() {
    std::lock_guard write(store_mutex);
    std::vector<store::ClusterResourceChange> batch;
    {
      std::lock_guard lock(pending_mutex);
      batch.swap(pending);
    }
    if (batch.empty()) return;
    try {
      resources.apply(batch);
    } catch (const Error& error) {
      failed("storing " + std::to_string(batch.size()) + " change(s)", error);
    }
  }

  void writeLoop() {
    while (running) {
      {
        std::unique_lock lock(pending_mutex);
        pending_changed.wait_for(lock, options.flush_interval);
      }
      flush();
    }
    flush();
  }

  /// Sleeps `wait` unless stopped first; false when stopped.
  bool pause(std::chrono::milliseconds wait) {
    const auto until = Clock::now() + wait;
    while (running && Clock::now() < until) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return running;
  }

  void onList(const kube::ApiResource& resource, const std::vector<json>& items) {
    std::vector<store::ClusterResource> listed;
    listed.reserve(items.size());
    for (const json& item : items) {
      try {
        listed.push_back(store::ClusterResource::fromObject(cluster_id, item));
      } catch (const Error&) {
        // an object without a uid cannot be kept apart from others: skipped
      }
    }
    flush();  // changes seen before this list must not land after it
    std::vector<Uuid> gone;
    {
      std::lock_guard write(store_mutex);
      gone = resources.replaceKind(cluster_id, resource.group_version, resource.kind, listed);
    }
    for (const store::ClusterResource& item : listed) publish("ADDED", item.object);
    for (const Uuid& id : gone)
      publish("DELETED", {{"id", id.toString()}, {"apiVersion", resource.group_version}, {"kind", resource.kind}});
    std::lock_guard lock(status_mutex);
    state.listed += listed.size();
    state.state = "running";
  }

  bool onEvent(const kube::WatchEvent& event) {
    if (event.type != "ADDED" && event.type != "MODIFIED" && event.type != "DELETED") return running;
    try {
      store::ClusterResource resource = store::ClusterResource::fromObject(cluster_id, event.object);
      publish(event.type.c_str(), resource.object);
      {
        std::lock_guard lock(pending_mutex);
        pending.push_back({event.type == "DELETED", std::move(resource)});
      }
      pending_changed.notify_one();
      std::lock_guard lock(status_mutex);
      ++state.events;
    } catch (const Error&) {
      // no identity: skipped, as in a list
    }
    return running;
  }

  void follow(const kube::ApiResource& resource) {
    auto backoff = options.first_backoff;
    const std::string path = collectionPath(resource);
    while (running) {
      try {
        kube::KubeClient client(context);
        client.follow(
            path, [&](const std::vector<json>& items) { onList(resource, items); },
            [&](const kube::WatchEvent& event) { return onEvent(event); },
            [&] { return running.load(); }, options.watch_timeout);
        backoff = options.first_backoff;
      } catch (const Error& error) {
        failed("following " + resource.kind, error);
        if (!pause(backoff)) return;
        backoff = std::min(backoff * 2, options.max_backoff);
      }
    }
  }

  std::vector<kube::ApiResource> kindsToFollow(kube::KubeClient& client) {
    std::vector<kube::ApiResource> chosen;
    std::set<std::string> seen;  // group/resource: the first (preferred) version only
    for (const kube::ApiResource& resource : client.discover()) {
      if (exempt(resource)) continue;
      if (!options.only_kinds.empty() &&
          std::find(options.only_kinds.begin(), options.only_kinds.end(), resource.kind) ==
              options.only_kinds.end())
        continue;
      if (!seen.insert(groupOf(resource.group_version) + "/" + resource.name).second) continue;
      chosen.push_back(resource);
    }
    return chosen;
  }

  void discover() {
    auto backoff = options.first_backoff;
    while (running) {
      try {
        kube::KubeClient client(context);
        const std::vector<kube::ApiResource> kinds = kindsToFollow(client);
        {
          std::lock_guard lock(status_mutex);
          state.kinds = kinds.size();
        }
        std::lock_guard lock(followers_mutex);
        for (const kube::ApiResource& resource : kinds) {
          if (!running) break;
          followers.emplace_back([this, resource] { follow(resource); });
        }
        return;
      } catch (const Error& error) {
        failed("discovering the cluster's kinds", error);
        if (!pause(backoff)) return;
        backoff = std::min(backoff * 2, options.max_backoff);
      }
    }
  }
};

ClusterSync::ClusterSync(Uuid cluster_id, kube::ResolvedContext context,
                         store::ClusterResourceRepository& resources, events::Bus& bus,
                         SyncOptions options)
    : impl_(std::make_unique<Impl>(cluster_id, std::move(context), resources, bus,
                                   std::move(options))) {}

ClusterSync::~ClusterSync() { stop(); }

void ClusterSync::start() {
  if (impl_->running.exchange(true)) return;
  impl_->setState("starting");
  impl_->writer = std::thread([this] { impl_->writeLoop(); });
  impl_->discovery = std::thread([this] { impl_->discover(); });
  log::info("meshsync started", {{"cluster", impl_->cluster_id.toString()}});
}

void ClusterSync::stop() {
  if (!impl_->running.exchange(false)) return;
  if (impl_->discovery.joinable()) impl_->discovery.join();
  std::vector<std::thread> followers;
  {
    std::lock_guard lock(impl_->followers_mutex);
    followers.swap(impl_->followers);
  }
  for (std::thread& follower : followers) follower.join();
  impl_->pending_changed.notify_all();
  if (impl_->writer.joinable()) impl_->writer.join();
  impl_->setState("stopped");
  log::info("meshsync stopped", {{"cluster", impl_->cluster_id.toString()}});
}

void ClusterSync::resync() {
  stop();
  start();
}

SyncStatus ClusterSync::status() const {
  std::lock_guard lock(impl_->status_mutex);
  return impl_->state;
}

const Uuid& ClusterSync::clusterId() const { return impl_->cluster_id; }

}  // namespace meshery::meshsync
