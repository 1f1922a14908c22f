#include "atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

[[noreturn]] void fail(const std::filesystem::path& path, const std::string& what, int error_number) {
  throw Error(ErrorCode::kInvalidConfiguration, "cannot write " + path.string(),
              what + ": " + std::strerror(error_number),
              "Check that the folder exists, is writable and the disk is not full.");
}

std::filesystem::path resolveTarget(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::is_symlink(path, error)) return path;
  auto target = std::filesystem::weakly_canonical(path, error);
  return error ? path : target;
}

void writeAll(int fd, std::string_view content, const std::filesystem::path& temp) {
  while (!content.empty()) {
    const ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) {
      const int error_number = errno;
      ::close(fd);
      ::unlink(temp.c_str());
      fail(temp, "writing failed", error_number);
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
}

}  // namespace

void writeFileAtomically(const std::filesystem::path& path, std::string_view content) {
  const auto target = resolveTarget(path);
  const auto folder = target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error) fail(folder, "cannot create the folder", error.value());

  mode_t mode = 0600;
  struct stat existing {};
  if (::stat(target.c_str(), &existing) == 0) mode = existing.st_mode & 07777;

  const auto temp = folder / ("." + target.filename().string() + ".tmp-" + std::to_string(::getpid()));
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) fail(temp, "cannot create a temporary file", errno);
  ::fchmod(fd, mode);
  writeAll(fd, content, temp);
  int error_number = ::fsync(fd) == 0 ? 0 : errno;
  if (::close(fd) != 0 && error_number == 0) error_number = errno;
  if (error_number != 0) {
    ::unlink(temp.c_str());
    fail(temp, "flushing failed", error_number);
  }
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    error_number = errno;
    ::unlink(temp.c_str());
    fail(target, "renaming the temporary file failed", error_number);
  }
  if (const int dir_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

}  // namespace meshery::cli
