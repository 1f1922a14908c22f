#include "meshery/http/static_files.hpp"

#include <fstream>
#include <map>
#include <sstream>

namespace meshery::http {
namespace {

std::optional<std::string> readFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

Error notFound(const std::string& path) {
  return Error(ErrorCode::kNotFound, "no file or route for " + path,
               "the path is neither an API route nor a file of the web UI",
               "check the URL; the API is described at /api/openapi.json");
}

}  // namespace

std::string_view contentTypeFor(const std::filesystem::path& file) {
  static const std::map<std::string, std::string_view, std::less<>> kTypes = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json"}, {".svg", "image/svg+xml"}, {".png", "image/png"},
      {".jpg", "image/jpeg"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"},
      {".wasm", "application/wasm"}};
  auto it = kTypes.find(file.extension().string());
  return it == kTypes.end() ? std::string_view("application/octet-stream") : it->second;
}

Handler staticFiles(std::filesystem::path root) {
  std::error_code ec;
  auto canonical_root = std::filesystem::weakly_canonical(root, ec);
  return [root = canonical_root](Request& request) -> Response {
    if (request.method != Method::kGet && request.method != Method::kHead) {
      throw Error(ErrorCode::kMethodNotAllowed, "only GET and HEAD are served for files",
                  "static files are read-only", "use GET");
    }
    std::filesystem::path relative = std::filesystem::path(request.path).relative_path();
    std::error_code error;
    auto file = std::filesystem::weakly_canonical(root / relative, error);
    auto [root_end, file_it] = std::mismatch(root.begin(), root.end(), file.begin(), file.end());
    if (error || root_end != root.end()) throw notFound(request.path);
    if (std::filesystem::is_directory(file, error)) file /= "index.html";
    bool spa_route = !request.path.starts_with("/api/") && !relative.has_extension();
    if (!std::filesystem::is_regular_file(file, error)) {
      if (!spa_route) throw notFound(request.path);
      file = root / "index.html";
    }
    auto content = readFile(file);
    if (!content) throw notFound(request.path);
    Response response = Response::text(std::move(*content), std::string(contentTypeFor(file)));
    bool hashed_asset = request.path.starts_with("/assets/");
    response.headers.set("Cache-Control", hashed_asset ? "public, max-age=31536000, immutable"
                                                       : "no-cache");
    return response;
  };
}

}  // namespace meshery::http
