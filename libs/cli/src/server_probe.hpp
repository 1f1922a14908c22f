#pragma once

#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "meshery/cli/endpoint.hpp"

namespace meshery::http {
class Client;
}

namespace meshery::cli {

/// Asks a Meshery server about itself over its REST API. "localhost" is
/// dialled as 127.0.0.1, the address `system start` binds. Not thread-safe.
class ServerProbe {
 public:
  explicit ServerProbe(const Endpoint& endpoint,
                       std::chrono::milliseconds timeout = std::chrono::seconds(3));
  ~ServerProbe();
  ServerProbe(const ServerProbe&) = delete;
  ServerProbe& operator=(const ServerProbe&) = delete;

  /// GET /healthz/ready answered 200; false on any failure.
  bool ready();
  /// GET /api/system/version. Throws Error: kUnavailable when unreachable,
  /// the server's own error otherwise.
  nlohmann::json version();

 private:
  std::unique_ptr<http::Client> client_;
};

}  // namespace meshery::cli
