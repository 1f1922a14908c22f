// Boot-time loading of Meshery model directories into the registry.

#include "model_loading.hpp"

#include <chrono>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/core/log.hpp"
#include "meshery/registry/model_import.hpp"

namespace meshery::server {
namespace {

/// Larger files are not model definitions worth holding in memory.
constexpr std::uintmax_t kMaxModelFileBytes = std::uintmax_t{16} << 20;

std::filesystem::path executableDirectory() {
  std::error_code ec;
  auto executable = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::current_path(ec) : executable.parent_path();
}

bool isDirectory(const std::filesystem::path& path) {
  std::error_code ec;
  return std::filesystem::is_directory(path, ec);
}

/// Every regular file under `directory`, relative paths, in path order.
std::vector<registry::FileEntry> readFiles(const std::filesystem::path& directory) {
  std::vector<registry::FileEntry> files;
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
    std::ifstream in(it->path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    if (!in) {
      log::warn("model file skipped: unreadable", {{"path", relative}});
      continue;
    }
    files.push_back({std::move(relative), bytes.str()});
  }
  if (ec) {
    log::warn("models directory not fully read",
              {{"directory", directory.string()}, {"error", ec.message()}});
  }
  return files;
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
    registry::ImportResult result = registry::importModels(readFiles(directory));
    for (const auto& failure : result.failures) {
      std::string message = failure.error.message();
      if (!failure.error.cause().empty()) message += ": " + failure.error.cause();
      log::warn("model file not imported", {{"path", failure.path}, {"error", message}});
    }
    registry::RegistryChanges changes;
    std::size_t models = result.models.size();
    std::size_t components = result.components.size();
    std::size_t relationships = result.relationships.size();
    changes.models = std::move(result.models);
    changes.components = std::move(result.components);
    changes.relationships = std::move(result.relationships);
    changes.policies = std::move(result.policies);
    registry.apply(std::move(changes));
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
