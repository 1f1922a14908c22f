#pragma once

// The fake Kubernetes API server's state: its resource types, stored
// objects with their field owners, and the watch event log. Private to
// tests/support (fake_kube_api.cpp serves it, fake_kube_store.cpp keeps it).

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "meshery/http/message.hpp"
#include "meshery/http/server.hpp"
#include "meshery_test/fake_kube_api.hpp"
#include "meshery_test/temp_dir.hpp"
#include "meshery_test/tls_front.hpp"

namespace meshery::test {

using nlohmann::json;
using Clock = std::chrono::steady_clock;

struct ResourceType {
  std::string group;  ///< "" for the core group
  std::string version;
  std::string resource;  ///< plural, as in URLs
  std::string kind;
  std::string singular;
  bool namespaced = true;
  std::string crd;  ///< the CRD that defines it ("" for built-ins)

  [[nodiscard]] std::string groupVersion() const {
    return group.empty() ? version : group + "/" + version;
  }
  /// "deployments.apps", "configmaps": how Status messages name it.
  [[nodiscard]] std::string qualified() const {
    return group.empty() ? resource : resource + "." + group;
  }
  [[nodiscard]] std::string key() const { return groupVersion() + "/" + resource; }
};

struct StoredObject {
  json object;
  std::map<std::string, std::set<std::string>> owners;  ///< field manager → leaf pointers
  Clock::time_point established_at;                      ///< CRDs only
};

struct WatchEvent {
  std::int64_t resource_version = 0;
  std::string type;  ///< ADDED, MODIFIED, DELETED
  std::string type_key;
  std::string namespace_;
  json object;
};

/// An error answer: a metav1.Status.
struct StatusError {
  int code;
  std::string reason;
  std::string message;
  json details;
};

struct FakeKubeApi::State {
  Options options;
  mutable std::mutex mutex;
  std::condition_variable changed;
  std::vector<ResourceType> types;
  std::map<std::string, StoredObject> objects;  ///< by typeKey|namespace|name
  std::deque<WatchEvent> events;
  std::int64_t resource_version = 100;
  std::int64_t oldest_event = 101;  ///< events before this one are forgotten
  std::int64_t uids = 0;
  std::int64_t cluster_ips = 0;
  std::vector<std::string> log;
  int fail_count = 0;
  int fail_status = 0;
  int fail_retry_after = 0;
  std::unique_ptr<http::Server> server;
  std::unique_ptr<http::Server> trusted_server;  ///< behind the TLS front, for client certificates
  std::unique_ptr<TempDir> files;
  std::string certificate_pem;
  std::unique_ptr<TlsFront> front;

  State();

  // Types (fake_kube_store.cpp).
  const ResourceType* type(const std::string& group_version, const std::string& resource) const;
  bool served(const ResourceType& type) const;  ///< a CRD's kinds once it is established
  json resourceList(const std::string& group_version) const;
  json groupList() const;

  // Objects (fake_kube_store.cpp); `mutex` held by the caller.
  static std::string objectKey(const ResourceType& type, const std::string& ns,
                               const std::string& name);
  json present(const ResourceType& type, const StoredObject& stored) const;
  /// Server-side apply of `config` by `manager`; the object as stored (or
  /// as it would be, on a dry run) and whether it was created.
  std::pair<json, bool> apply(const ResourceType& type, const std::string& ns,
                              const std::string& name, json config, const std::string& manager,
                              bool force, bool dry_run);
  json remove(const ResourceType& type, const std::string& ns, const std::string& name,
              bool dry_run);
  void record(const std::string& event_type, const ResourceType& type, const std::string& ns,
              const json& object);
};

using State = FakeKubeApi::State;

StatusError notFound(const ResourceType& type, const std::string& name);
http::Response statusResponse(const StatusError& error);

}  // namespace meshery::test
