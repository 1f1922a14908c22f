#include "client_url.hpp"

namespace meshery::http {

BaseUrl parseBaseUrl(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  constexpr std::string_view kScheme = "http://";
  auto invalid = [&url](const std::string& cause) {
    return Error(ErrorCode::kInvalidArgument, "invalid server URL '" + url + "'", cause,
                 "use the form http://HOST:PORT, e.g. http://localhost:9081");
  };
  if (!url.starts_with(kScheme)) throw invalid("only http:// URLs are supported");
  std::string authority = url.substr(kScheme.size());
  if (authority.find('/') != std::string::npos) throw invalid("the URL must not have a path");
  BaseUrl result{url, authority, "80"};
  if (!authority.empty() && authority.front() == '[') {  // [::1]:9081
    auto close = authority.find(']');
    if (close == std::string::npos) throw invalid("unbalanced '[' in an IPv6 address");
    result.host = authority.substr(1, close - 1);
    if (close + 1 < authority.size()) {
      if (authority[close + 1] != ':') throw invalid("expected ':' after the IPv6 address");
      result.port = authority.substr(close + 2);
    }
  } else if (auto colon = authority.rfind(':'); colon != std::string::npos) {
    result.host = authority.substr(0, colon);
    result.port = authority.substr(colon + 1);
  }
  if (result.host.empty()) throw invalid("the host is missing");
  if (result.port.empty() || result.port.find_first_not_of("0123456789") != std::string::npos) {
    throw invalid("the port must be a number");
  }
  return result;
}

}  // namespace meshery::http
