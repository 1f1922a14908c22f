#include <string>

#include "backends.hpp"
#include "meshery/core/error.hpp"
#include "meshery/store/store.hpp"
#include "postgres_error.hpp"

namespace meshery::store {
namespace {

constexpr std::string_view kAcceptedForms =
    "use sqlite:/path/to/meshery.db (embedded) or postgres://user@host:5432/meshery "
    "(postgresql:// works too)";

Error invalidUrl(const std::string& url, std::string cause) {
  return Error(ErrorCode::kInvalidConfiguration,
               "unsupported store URL '" + redactPassword(url) + "'", std::move(cause),
               std::string(kAcceptedForms));
}

/// "sqlite:PATH", also "sqlite:///abs/path" (the URL form of an absolute path).
std::filesystem::path sqlitePath(const std::string& url) {
  std::string path = url.substr(std::string_view("sqlite:").size());
  if (path.starts_with("///")) path.erase(0, 2);
  if (path.empty() || path == ":memory:" || path.starts_with("file:")) {
    throw invalidUrl(url,
                     "the SQLite store needs a file path (it is shared by several connections)");
  }
  return path;
}

}  // namespace

std::unique_ptr<Store> openStore(const std::string& url) {
  if (url.starts_with("sqlite:")) return openSqliteStore(sqlitePath(url));
  if (url.starts_with("postgres://") || url.starts_with("postgresql://")) {
    return openPostgresStore(url);
  }
  throw invalidUrl(url, "the store URL must start with sqlite: or postgres://");
}

}  // namespace meshery::store
