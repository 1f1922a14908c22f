// Sprig's urlParse and urlJoin over Go's net/url rules: the parts of a URL
// (scheme, opaque, userinfo, host, path, query, fragment), percent-decoding
// on the way in and Go's escaping on the way out.

#include <algorithm>
#include <optional>

#include "../go_text.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

enum class Encoding { kPath, kHost, kUserPassword, kFragment };

bool shouldEscape(unsigned char c, Encoding mode) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
  if (mode == Encoding::kHost) {
    switch (c) {
      case '!':
      case '$':
      case '&':
      case '\'':
      case '(':
      case ')':
      case '*':
      case '+':
      case ',':
      case ';':
      case '=':
      case ':':
      case '[':
      case ']':
      case '<':
      case '>':
      case '"':
        return false;
      default:
        break;
    }
  }
  switch (c) {
    case '-':
    case '_':
    case '.':
    case '~':
      return false;
    case '$':
    case '&':
    case '+':
    case ',':
    case '/':
    case ':':
    case ';':
    case '=':
    case '?':
    case '@':
      switch (mode) {
        case Encoding::kPath:
          return c == '?';
        case Encoding::kUserPassword:
          return c == '@' || c == '/' || c == '?' || c == ':';
        case Encoding::kFragment:
          return false;
        case Encoding::kHost:
          return true;
      }
      return true;
    default:
      break;
  }
  if (mode == Encoding::kFragment && (c == '!' || c == '(' || c == ')' || c == '*')) return false;
  if (mode == Encoding::kHost && c >= 0x80) return false;
  return true;
}

std::string escape(std::string_view text, Encoding mode) {
  constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char raw : text) {
    const auto c = static_cast<unsigned char>(raw);
    if (shouldEscape(c, mode)) {
      out += '%';
      out += kHex[c >> 4U];
      out += kHex[c & 0xFU];
    } else {
      out += raw;
    }
  }
  return out;
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// url.unescape; sets `error` (Go's message) on a bad escape.
std::string unescape(std::string_view text, std::string& error) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '%') {
      out += text[i];
      continue;
    }
    if (i + 2 >= text.size() || hexDigit(text[i + 1]) < 0 || hexDigit(text[i + 2]) < 0) {
      std::string_view bad = text.substr(i, 3);
      error = "invalid URL escape " + detail::goQuote(bad);
      return {};
    }
    out += static_cast<char>(hexDigit(text[i + 1]) * 16 + hexDigit(text[i + 2]));
    i += 2;
  }
  return out;
}

struct Url {
  std::string scheme;
  std::string opaque;
  std::optional<std::pair<std::string, std::optional<std::string>>> user;  // name, password
  std::string host;
  std::string path;
  std::string raw_query;
  std::string fragment;
  bool force_query = false;
};

std::string userText(const Url& url) {
  if (!url.user) return "";
  std::string out = escape(url.user->first, Encoding::kUserPassword);
  if (url.user->second) out += ":" + escape(*url.user->second, Encoding::kUserPassword);
  return out;
}

[[noreturn]] void fail(const std::string& raw, const std::string& message) {
  throw FunctionError("parse " + detail::goQuote(raw) + ": " + message);
}

// net/url's Parse.
Url parse(const std::string& raw) {
  Url url;
  std::string rest = raw;
  std::string error;
  if (const std::size_t hash = rest.find('#'); hash != std::string::npos) {
    url.fragment = unescape(std::string_view(rest).substr(hash + 1), error);
    if (!error.empty()) fail(raw, error);
    rest.resize(hash);
  }
  for (const char c : rest) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F)
      fail(raw, "net/url: invalid control character in URL");
  }
  if (rest.empty()) return url;
  if (rest == "*") {
    url.path = "*";
    return url;
  }
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter) continue;
    if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
      if (i == 0) break;
      continue;
    }
    if (c == ':') {
      if (i == 0) fail(raw, "missing protocol scheme");
      url.scheme = detail::toLower(rest.substr(0, i));
      rest = rest.substr(i + 1);
    }
    break;
  }
  if (rest.ends_with("?") && std::count(rest.begin(), rest.end(), '?') == 1) {
    url.force_query = true;
    rest.pop_back();
  } else if (const std::size_t q = rest.find('?'); q != std::string::npos) {
    url.raw_query = rest.substr(q + 1);
    rest.resize(q);
  }
  if (!rest.starts_with("/")) {
    if (!url.scheme.empty()) {
      url.opaque = rest;
      return url;
    }
    const std::size_t slash = rest.find('/');
    if (rest.substr(0, slash).find(':') != std::string::npos) {
      fail(raw, "first path segment in URL cannot contain colon");
    }
  }
  if ((!url.scheme.empty() || !rest.starts_with("///")) && rest.starts_with("//")) {
    const std::size_t slash = rest.find('/', 2);
    std::string authority =
        rest.substr(2, slash == std::string::npos ? std::string::npos : slash - 2);
    rest = slash == std::string::npos ? "" : rest.substr(slash);
    if (const std::size_t at = authority.rfind('@'); at != std::string::npos) {
      const std::string userinfo = authority.substr(0, at);
      authority = authority.substr(at + 1);
      const std::size_t colon = userinfo.find(':');
      std::string name = unescape(userinfo.substr(0, colon), error);
      if (!error.empty()) fail(raw, error);
      std::optional<std::string> password;
      if (colon != std::string::npos) {
        password = unescape(userinfo.substr(colon + 1), error);
        if (!error.empty()) fail(raw, error);
      }
      url.user = std::make_pair(std::move(name), std::move(password));
    }
    if (authority.starts_with("[") && authority.find(']') == std::string::npos)
      fail(raw, "missing ']' in host");
    url.host = unescape(authority, error);
    if (!error.empty()) fail(raw, error);
  }
  url.path = unescape(rest, error);
  if (!error.empty()) fail(raw, error);
  return url;
}

// net/url's URL.String.
std::string format(const Url& url) {
  std::string out;
  if (!url.scheme.empty()) out += url.scheme + ":";
  if (!url.opaque.empty()) {
    out += url.opaque;
  } else {
    if (!url.scheme.empty() || !url.host.empty() || url.user) {
      if (!url.host.empty() || !url.path.empty() || url.user) out += "//";
      if (url.user) out += userText(url) + "@";
      if (!url.host.empty()) out += escape(url.host, Encoding::kHost);
    }
    const std::string path = escape(url.path, Encoding::kPath);
    if (!path.empty() && path[0] != '/' && !url.host.empty()) out += '/';
    if (out.empty()) {
      const std::size_t slash = path.find('/');
      if (path.substr(0, slash).find(':') != std::string::npos) out += "./";
    }
    out += path;
  }
  if (url.force_query || !url.raw_query.empty()) out += "?" + url.raw_query;
  if (!url.fragment.empty()) out += "#" + escape(url.fragment, Encoding::kFragment);
  return out;
}

std::string stringEntry(const Value& dict, const std::string& key) {
  const auto& entries = dict.asMap().entries;
  const auto found = entries.find(key);
  if (found == entries.end()) return "";
  if (!found->second.isString()) {
    const std::string kind =
        found->second.isNil() ? "invalid" : std::string(found->second.kindName());
    if (found->second.isNil()) throw FunctionError(kNilDereference);
    throw FunctionError("unable to parse " + key + " key, must be of type string, but " + kind +
                        " found");
  }
  return found->second.asString();
}

}  // namespace

void addUrls(FunctionMap& f) {
  f["urlParse"] = fixed({P::kString}, [](CallContext&, Args& a) {
    Url url;
    try {
      url = parse(a[0].asString());
    } catch (const FunctionError& error) {
      throw FunctionError(std::string("unable to parse url: ") + error.what());
    }
    Value out = Value::map();
    auto& entries = out.asMap().entries;
    entries["scheme"] = Value::string(url.scheme);
    entries["host"] = Value::string(url.host);
    std::string hostname = url.host;
    if (hostname.starts_with("[")) {
      hostname = hostname.substr(1, hostname.find(']') - 1);
    } else if (const std::size_t colon = hostname.rfind(':'); colon != std::string::npos) {
      hostname.resize(colon);
    }
    entries["hostname"] = Value::string(hostname);
    entries["path"] = Value::string(url.path);
    entries["query"] = Value::string(url.raw_query);
    entries["opaque"] = Value::string(url.opaque);
    entries["fragment"] = Value::string(url.fragment);
    entries["userinfo"] = Value::string(userText(url));
    return out;
  });
  f["urlJoin"] = fixed({P::kMap}, [](CallContext&, Args& a) {
    Url url;
    url.scheme = stringEntry(a[0], "scheme");
    url.host = stringEntry(a[0], "host");
    url.path = stringEntry(a[0], "path");
    url.raw_query = stringEntry(a[0], "query");
    url.opaque = stringEntry(a[0], "opaque");
    url.fragment = stringEntry(a[0], "fragment");
    const std::string userinfo = stringEntry(a[0], "userinfo");
    if (!userinfo.empty()) {
      try {
        url.user = parse("proto://" + userinfo + "@host").user;
      } catch (const FunctionError& error) {
        throw FunctionError(std::string("unable to parse userinfo in dict: ") + error.what());
      }
    }
    return Value::string(format(url));
  });
}

}  // namespace meshery::gotmpl::sprig
