#pragma once

#include <string>

#include "meshery/core/error.hpp"

namespace meshery::http {

/// "http://host:port" split for the client; only plain http is supported.
struct BaseUrl {
  std::string text;  ///< as given, without a trailing slash
  std::string host;
  std::string port;
};

/// Throws Error(kInvalidArgument) for another scheme or a malformed URL.
BaseUrl parseBaseUrl(std::string url);

}  // namespace meshery::http
