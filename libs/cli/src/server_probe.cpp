#include "server_probe.hpp"

#include "meshery/core/error.hpp"
#include "meshery/http/client.hpp"

namespace meshery::cli {
namespace {

std::string dialUrl(Endpoint endpoint) {
  if (endpoint.host == "localhost") endpoint.host = "127.0.0.1";
  return endpoint.baseUrl();
}

}  // namespace

ServerProbe::ServerProbe(const Endpoint& endpoint, std::chrono::milliseconds timeout)
    : client_(std::make_unique<http::Client>(dialUrl(endpoint), http::ClientOptions{timeout, "mesheryctl"})) {}

ServerProbe::~ServerProbe() = default;

bool ServerProbe::ready() {
  try {
    return client_->get("/healthz/ready").status == 200;
  } catch (const std::exception&) {
    return false;
  }
}

nlohmann::json ServerProbe::version() {
  const auto response = client_->get("/api/system/version");
  if (response.status >= 400) throw response.toError();
  return response.json();
}

}  // namespace meshery::cli
