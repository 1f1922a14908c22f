#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::http {

/// Resolves `host` to numeric addresses ("192.0.2.1", "2001:db8::1"), in the
/// order getaddrinfo() prefers. IP literals return at once. A name lookup runs
/// on a detached thread, so a hung resolver cannot hold the caller past
/// `deadline`: nullopt then. Throws Error(kUnavailable) when the name does
/// not resolve.
std::optional<std::vector<std::string>> resolveHost(const std::string& host,
                                                    const std::string& port,
                                                    std::chrono::steady_clock::time_point deadline);

/// True for 169.254.0.0/16, fe80::/10 and IPv4-mapped 169.254.x.x.
bool isLinkLocal(std::string_view address);

/// True when `host` is an IPv4 or IPv6 literal.
bool isIpLiteral(const std::string& host);

}  // namespace meshery::http
