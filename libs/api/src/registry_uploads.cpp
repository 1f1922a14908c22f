#include "registry_uploads.hpp"

#include <chrono>

#include "meshery/archive/archive.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"
#include "meshery/http/fetch.hpp"

namespace meshery::api {
namespace {

constexpr std::uint64_t kMaxDownloadBytes = 64ULL << 20;
constexpr std::chrono::seconds kDownloadTimeout{60};

bool endsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

/// The last path segment of a URL, without its query or fragment.
std::string fileNameOfUrl(std::string_view url) {
  std::string_view path = url.substr(0, url.find_first_of("?#"));
  auto slash = path.rfind('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  return std::string(name);
}

}  // namespace

Upload download(const std::string& url) {
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    throw Error(ErrorCode::kInvalidArgument, "the model URL must be http:// or https://",
                "got '" + url + "'",
                "publish the model archive on a web server, or upload the file instead");
  }
  http::FetchOptions options;
  options.max_bytes = kMaxDownloadBytes;
  options.timeout = kDownloadTimeout;
  http::FetchResult result = http::fetchUrl(url, options);
  return {fileNameOfUrl(result.final_url.empty() ? url : result.final_url),
          std::move(result.body)};
}

std::string decodeUploadedFile(const nlohmann::json& value, std::string_view field) {
  if (!value.is_string()) {
    throw Error(ErrorCode::kMalformedInput, std::string(field) + " must be a base64 string",
                std::string("got ") + value.type_name(),
                "send the file's bytes base64-encoded, as Meshery's UI and mesheryctl do");
  }
  std::string_view text = value.get_ref<const std::string&>();
  if (text.rfind("data:", 0) == 0) {
    auto comma = text.find(',');
    if (comma == std::string_view::npos || text.substr(0, comma).find(";base64") == std::string_view::npos) {
      throw Error(ErrorCode::kMalformedInput, std::string(field) + " is a data URL without base64",
                  "only base64 data URLs carry binary files", "use data:…;base64,<bytes>");
    }
    text.remove_prefix(comma + 1);
  }
  auto bytes = decodeBase64(text);
  if (!bytes) {
    throw Error(ErrorCode::kMalformedInput, std::string(field) + " is not valid base64",
                "the text has characters outside the base64 alphabet or wrong padding",
                "encode the file with standard base64 (RFC 4648, with '=' padding)");
  }
  return std::move(*bytes);
}

std::vector<registry::FileEntry> filesOf(Upload upload) {
  if (upload.bytes.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "the uploaded model file is empty",
                "no bytes were sent", "send a model archive (.tar, .tar.gz, .tgz) or a JSON/YAML file");
  }
  std::vector<registry::FileEntry> files;
  if (archive::isArchive(upload.bytes)) {
    archive::ReadLimits limits;
    limits.max_entry_bytes = 16ULL << 20;
    limits.max_total_bytes = 512ULL << 20;
    for (auto& entry : archive::readArchive(upload.bytes, limits)) {
      files.push_back({std::move(entry.path), std::move(entry.bytes)});
    }
    return files;
  }
  // Only the file name: directories in it would change how the importer reads it.
  std::string name = upload.name.substr(upload.name.find_last_of("/\\") + 1);
  if (name.empty()) name = "model";
  if (!endsWith(name, ".json") && !endsWith(name, ".yaml") && !endsWith(name, ".yml")) {
    auto first = upload.bytes.find_first_not_of(" \t\r\n");
    bool json = first != std::string::npos && (upload.bytes[first] == '{' || upload.bytes[first] == '[');
    name += json ? ".json" : ".yaml";
  }
  files.push_back({std::move(name), std::move(upload.bytes)});
  return files;
}

}  // namespace meshery::api
