// Boot-time loading of Meshery model directories into the registry.

#include "model_loading.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <exception>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/core/log.hpp"
#include "meshery/registry/model_import.hpp"

namespace meshery::server {
namespace {

/// Larger files are not model definitions worth holding in memory.
constexpr std::uintmax_t kMaxModelFileBytes = std::uintmax_t{16} << 20;

/// Parsing is CPU-bound; more threads than this gain little at boot.
constexpr std::size_t kMaxParseThreads = 4;

std::filesystem::path executableDirectory() {
  std::error_code ec;
  auto executable = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path(ec) : executable.parent_path();
}

bool isDirectory(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

/// A model file found under the models directory.
struct ModelFile {
  std::filesystem::path absolute;
  std::string relative;
  std::uintmax_t size = 0;
};

/// Every regular file under `directory` of at most kMaxModelFileBytes.
std::vector<ModelFile> listFiles(const std::filesystem::path& directory) {
  std::vector<ModelFile> files;
  std::error_code ec;
  auto options = std::filesystem::directory_options::skip_permission_denied;
  for (std::filesystem::recursive_directory_iterator it(directory, options, ec), end;
       !ec && it != end; it.increment(ec)) {
    std::error_code entry_ec;
    if (!it->is_regular_file(entry_ec)) continue;
    std::string relative =
        std::filesystem::relative(it->path(), directory, entry_ec).generic_string();
    auto size = it->file_size(entry_ec);
    if (entry_ec) continue;
    if (size > kMaxModelFileBytes) {
      log::warn("model file skipped: larger than 16 MiB",
                {{"path", relative}, {"bytes", std::to_string(size)}});
      continue;
    }
    files.push_back({it->path(), std::move(relative), size});
  }
  if (ec) {
    log::warn("models directory not fully read",
              {{"directory", directory.string()}, {"error", ec.message()}});
  }
  return files;
}

/// The file's bytes with registry::kParsePadding spare bytes (so the parser
/// need not copy them); nullopt when it cannot be read.
std::optional<std::string> readFile(const ModelFile& file) {
  std::ifstream in(file.absolute, std::ios::binary);
  std::string bytes;
  bytes.reserve(static_cast<std::size_t>(file.size) + registry::kParsePadding);
  bytes.resize(static_cast<std::size_t>(file.size));
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!in || in.peek() != std::char_traits<char>::eof()) {
    // Changed size while being read: read it again without the size hint.
    in.clear();
    in.seekg(0);
    std::stringstream all;
    all << in.rdbuf();
    if (!in) return std::nullopt;
    bytes = all.str();
  }
  return bytes;
}

/// Reads and parses every file on a few threads; each file's bytes are
/// dropped as soon as it is parsed, so the peak is the documents, not the
/// documents plus every file. Unreadable files are logged and left out.
std::vector<registry::ParsedFile> readAndParse(const std::vector<ModelFile>& files) {
  std::vector<std::optional<registry::ParsedFile>> parsed(files.size());
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;  // rethrown here, as a single-threaded import would throw
  auto work = [&] {
    try {
      for (std::size_t i = next++; i < files.size(); i = next++) {
        std::optional<std::string> bytes = readFile(files[i]);
        if (!bytes) continue;
        parsed[i] = registry::parseFile({files[i].relative, std::move(*bytes)});
      }
    } catch (...) {
      next = files.size();
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  const std::size_t workers =
      std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, kMaxParseThreads);
  {
    std::vector<std::jthread> threads;
    for (std::size_t i = 1; i < std::min(workers, files.size()); ++i) threads.emplace_back(work);
    work();
  }
  if (failure) std::rethrow_exception(failure);
  std::vector<registry::ParsedFile> result;
  result.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (parsed[i]) {
      result.push_back(std::move(*parsed[i]));
    } else {
      log::warn("model file skipped: unreadable", {{"path", files[i].relative}});
    }
  }
  return result;
}

}  // namespace

std::optional<std::filesystem::path> modelsDirectory(
    const std::optional<std::filesystem::path>& configured) {
  if (configured) return configured;
  auto executable_dir = executableDirectory();
  for (const auto& candidate :
       {executable_dir / "models", executable_dir / ".." / ".." / "models"}) {
    if (isDirectory(candidate)) return candidate.lexically_normal();
  }
  return std::nullopt;
}

void loadModels(const std::filesystem::path& directory, registry::Registry& registry) {
  auto started = std::chrono::steady_clock::now();
  if (!isDirectory(directory)) {
    log::warn("models directory not found; the registry starts empty",
              {{"directory", directory.string()}});
    return;
  }
  try {
    registry::ImportResult result = registry::importParsed(readAndParse(listFiles(directory)));
    for (const auto& failure : result.failures) {
      std::string message = failure.error.message();
      if (!failure.error.cause().empty()) message += ": " + failure.error.cause();
      log::warn("model file not imported", {{"path", failure.path}, {"error", message}});
    }
    std::size_t models = result.models.size();
    std::size_t components = result.components.size();
    std::size_t relationships = result.relationships.size();
    registry.apply(registry::additionsOf(std::move(result)));
    auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
    log::info("models loaded", {{"directory", directory.string()},
                                {"models", std::to_string(models)},
                                {"components", std::to_string(components)},
                                {"relationships", std::to_string(relationships)},
                                {"failures", std::to_string(result.failures.size())},
                                {"milliseconds", std::to_string(millis)}});
  } catch (const Error& error) {
    log::warn("models not loaded; the registry starts empty",
              {{"directory", directory.string()}, {"error", error.message()}});
  }
}

}  // namespace meshery::server
