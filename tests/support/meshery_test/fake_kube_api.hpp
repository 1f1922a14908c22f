#pragma once

// A fake Kubernetes API server on 127.0.0.1 for tests (no real one can be
// installed here). It follows the documented API semantics for what the
// project uses: discovery (/version, /api, /apis, resource lists),
// collections and items of the built-in kinds and of CRDs once
// established, LIST with limit/continue, server-side apply (PATCH
// application/apply-patch+yaml with fieldManager, force, dryRun=All, field
// ownership and conflicts), DELETE with propagationPolicy, WATCH with
// resourceVersion, bookmarks and 410 Expired, metav1.Status errors with
// reasons, causes and codes, OpenAPI v2 (Debian's Kubernetes swagger
// document), over HTTP or HTTPS with bearer tokens or client certificates.

#include <chrono>
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace meshery::test {

class FakeKubeApi {
 public:
  struct Options {
    std::string git_version = "v1.29.2";
    /// A bearer token every request must carry; empty: none needed.
    std::string token;
    std::chrono::milliseconds bookmark_interval{200};
    /// Watch events kept; older resource versions get 410 Expired.
    std::size_t event_window = 1000;
    /// How long a CRD takes to become Established.
    std::chrono::milliseconds crd_establish_delay{0};
    /// Serve HTTPS, with a certificate made for 127.0.0.1 and localhost
    /// (caPem() is what clients trust).
    bool https = false;
    /// With https: clients presenting a certificate this CA (PEM) signed are
    /// authenticated by it, without a token.
    std::string client_ca_pem;
  };

  FakeKubeApi();
  explicit FakeKubeApi(Options options);
  ~FakeKubeApi();
  FakeKubeApi(const FakeKubeApi&) = delete;
  FakeKubeApi& operator=(const FakeKubeApi&) = delete;

  /// "http://127.0.0.1:PORT", or https.
  [[nodiscard]] std::string url() const;
  /// The server certificate (PEM) clients trust, with https.
  [[nodiscard]] std::string caPem() const;

  /// The stored object at an API path ("/api/v1/namespaces/x/configmaps/y"),
  /// as a GET would return it.
  [[nodiscard]] std::optional<nlohmann::json> object(const std::string& path) const;
  /// Stops serving (every connection closed), waits `down`, and serves
  /// again on the same port with the same objects, as an API server
  /// restarted behind the same address (plain HTTP only).
  void restart(std::chrono::milliseconds down);
  /// Forgets every watch event so far: a watch from an older resource
  /// version gets 410 Expired, as after etcd compaction.
  void compact();
  /// The next `count` requests are answered with `status` (429 or 5xx) and,
  /// when `retry_after_seconds` is set, a Retry-After header.
  void failNext(int status, int count, int retry_after_seconds = 0);
  /// "METHOD target" of every request so far, in order.
  [[nodiscard]] std::vector<std::string> requests() const;

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace meshery::test
