// Sprig's path functions: Go's path package (and path/filepath, the same on
// Linux).

#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

// Go's path.Clean: lexical processing of "." and "..", one slash between
// names, "." for an empty result.
std::string clean(const std::string& path) {
  if (path.empty()) return ".";
  const bool rooted = path[0] == '/';
  std::vector<std::string> parts;
  std::size_t at = 0;
  while (at <= path.size()) {
    const std::size_t slash = path.find('/', at);
    const std::string part =
        path.substr(at, slash == std::string::npos ? std::string::npos : slash - at);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back("..");
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string::npos) break;
    at = slash + 1;
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) out += (i > 0 ? "/" : "") + parts[i];
  return out.empty() ? "." : out;
}

std::string base(std::string path) {
  if (path.empty()) return ".";
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  if (path == "/") return "/";
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

std::string dir(const std::string& path) {
  const std::size_t slash = path.rfind('/');
  return clean(slash == std::string::npos ? "" : path.substr(0, slash + 1));
}

std::string ext(const std::string& path) {
  for (std::size_t i = path.size(); i > 0 && path[i - 1] != '/'; --i) {
    if (path[i - 1] == '.') return path.substr(i - 1);
  }
  return "";
}

}  // namespace

void addPaths(FunctionMap& f) {
  const auto unary = [](std::string (*op)(const std::string&)) {
    return fixed({P::kString},
                 [op](CallContext&, Args& a) { return Value::string(op(a[0].asString())); });
  };
  const auto base_fn = [](const std::string& p) { return base(p); };
  for (const std::string prefix : {"", "os"}) {
    const auto name = [&](std::string n) {
      if (prefix.empty()) return n;
      n[0] = static_cast<char>(n[0] - 32);
      return prefix + n;
    };
    f[name("base")] = unary(+base_fn);
    f[name("dir")] = unary(dir);
    f[name("clean")] = unary(clean);
    f[name("ext")] = unary(ext);
    f[name("isAbs")] = fixed({P::kString}, [](CallContext&, Args& a) {
      return Value::boolean(!a[0].asString().empty() && a[0].asString()[0] == '/');
    });
  }
}

}  // namespace meshery::gotmpl::sprig
