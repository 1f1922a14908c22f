#include "fetch_url.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

#include "meshery/core/error.hpp"

namespace meshery::http {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

Error invalidUrl(std::string_view url, std::string cause) {
  return Error(ErrorCode::kInvalidArgument, "invalid URL '" + std::string(url) + "'",
               std::move(cause),
               "use an absolute http:// or https:// URL, e.g. https://example.com/chart.tgz");
}

/// True when `text` starts with "scheme:" as RFC 3986 defines a scheme.
bool hasScheme(std::string_view text) {
  auto colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0 ||
      !std::isalpha(static_cast<unsigned char>(text[0]))) {
    return false;
  }
  return std::all_of(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(colon), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.';
  });
}

std::string_view withoutFragment(std::string_view text) {
  return text.substr(0, text.find('#'));
}

void parseAuthority(std::string_view url, std::string_view authority, FetchTarget& target) {
  if (authority.find('@') != std::string_view::npos) {
    throw invalidUrl(url, "user names and passwords in URLs are not supported");
  }
  std::string_view port;
  if (authority.starts_with('[')) {
    auto close = authority.find(']');
    if (close == std::string_view::npos) throw invalidUrl(url, "unbalanced '[' in an IPv6 address");
    target.host = lower(authority.substr(1, close - 1));
    std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && !rest.starts_with(':'))
      throw invalidUrl(url, "expected ':' after the IPv6 address");
    if (!rest.empty()) port = rest.substr(1);
  } else if (auto colon = authority.rfind(':'); colon != std::string_view::npos) {
    target.host = lower(authority.substr(0, colon));
    port = authority.substr(colon + 1);
  } else {
    target.host = lower(authority);
  }
  if (target.host.empty()) throw invalidUrl(url, "the host is missing");
  if (port.empty()) {
    target.port = target.secure() ? "443" : "80";
    return;
  }
  if (port.size() > 5 ||
      !std::all_of(port.begin(), port.end(), [](char c) { return c >= '0' && c <= '9'; }) ||
      std::stoi(std::string(port)) == 0 || std::stoi(std::string(port)) > 65535) {
    throw invalidUrl(url, "the port must be a number from 1 to 65535");
  }
  target.port = std::string(port);
}

/// RFC 3986 section 5.2.4 on an absolute path.
std::string removeDotSegments(std::string_view path) {
  std::vector<std::string_view> kept;
  bool trailing_slash = false;
  std::size_t start = 1;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    std::string_view segment = path.substr(start, slash - start);
    const bool last = slash == path.size();
    start = slash + 1;
    if (segment == "." || segment == "..") {
      if (segment == ".." && !kept.empty()) kept.pop_back();
      trailing_slash = last;
      continue;
    }
    kept.push_back(segment);
    trailing_slash = false;
  }
  std::string out;
  for (auto segment : kept) out.append("/").append(segment);
  if (out.empty() || trailing_slash) out.push_back('/');
  return out;
}

}  // namespace

std::string FetchTarget::authority() const {
  std::string out = host.find(':') != std::string::npos ? "[" + host + "]" : host;
  if (!defaultPort()) out += ":" + port;
  return out;
}

std::string FetchTarget::text() const {
  return scheme + "://" + authority() + target;
}

FetchTarget parseFetchUrl(std::string_view url) {
  if (std::any_of(url.begin(), url.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; })) {
    throw invalidUrl(url, "it contains spaces or control characters (percent-encode them)");
  }
  auto separator = url.find("://");
  if (separator == std::string_view::npos || !hasScheme(url.substr(0, separator + 1))) {
    throw invalidUrl(url, "it is not an absolute URL with a scheme");
  }
  FetchTarget target;
  target.scheme = lower(url.substr(0, separator));
  if (target.scheme != "http" && target.scheme != "https") {
    throw Error(ErrorCode::kInvalidArgument, "unsupported URL scheme '" + target.scheme + "'",
                "only http:// and https:// URLs can be fetched",
                "use an http:// or https:// URL, or upload the file instead");
  }
  std::string_view rest = withoutFragment(url.substr(separator + 3));
  auto path_start = rest.find_first_of("/?");
  parseAuthority(url, rest.substr(0, path_start), target);
  std::string_view path =
      path_start == std::string_view::npos ? std::string_view{} : rest.substr(path_start);
  target.target = path.starts_with('/') ? std::string(path) : "/" + std::string(path);
  return target;
}

FetchTarget resolveLocation(const FetchTarget& base, std::string_view location) {
  location = withoutFragment(location);
  if (hasScheme(location)) return parseFetchUrl(location);
  if (location.starts_with("//")) return parseFetchUrl(base.scheme + ":" + std::string(location));
  if (std::any_of(location.begin(), location.end(),
                  [](char c) { return static_cast<unsigned char>(c) <= 0x20 || c == 0x7f; })) {
    throw invalidUrl(location, "the redirect location contains spaces or control characters");
  }
  const std::string_view base_target = base.target;
  const auto base_query_at = base_target.find('?');
  const std::string_view base_path = base_target.substr(0, base_query_at);
  const auto query_at = location.find('?');
  const std::string_view path = location.substr(0, query_at);
  const std::string_view query =
      query_at == std::string_view::npos ? std::string_view{} : location.substr(query_at);

  FetchTarget resolved = base;
  if (path.empty()) {
    const std::string_view base_query = base_query_at == std::string_view::npos
                                            ? std::string_view{}
                                            : base_target.substr(base_query_at);
    resolved.target = std::string(base_path) +
                      std::string(query_at == std::string_view::npos ? base_query : query);
  } else if (path.starts_with('/')) {
    resolved.target = removeDotSegments(path) + std::string(query);
  } else {
    std::string merged(base_path.substr(0, base_path.rfind('/') + 1));
    merged += path;
    resolved.target = removeDotSegments(merged) + std::string(query);
  }
  return resolved;
}

}  // namespace meshery::http
