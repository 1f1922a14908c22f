#include "model_files.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "meshery/core/error.hpp"

namespace meshery::cli {
namespace {

std::string readBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    throw Error(ErrorCode::kInvalidArgument, "cannot read " + path.string(),
                "the file is not readable", "check the file's permissions");
  }
  return bytes.str();
}

bool wanted(const std::filesystem::path& path, const std::vector<std::string>& extensions) {
  if (extensions.empty()) return true;
  std::string name = path.filename().string();
  return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& extension) {
    return name.size() >= extension.size() &&
           name.compare(name.size() - extension.size(), extension.size(), extension) == 0;
  });
}

}  // namespace

bool isUrl(const std::string& source) {
  return source.rfind("http://", 0) == 0 || source.rfind("https://", 0) == 0;
}

std::vector<LocalFile> readLocalFiles(const std::filesystem::path& path,
                                      const std::vector<std::string>& extensions) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(path, ec)) {
    return {{path.filename().string(), readBytes(path)}};
  }
  if (!std::filesystem::is_directory(path, ec)) {
    throw Error(ErrorCode::kNotFound, path.string() + " does not exist",
                "no file or directory has that path", "check the path given with -f");
  }
  std::vector<LocalFile> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
    if (!entry.is_regular_file() || !wanted(entry.path(), extensions)) continue;
    files.push_back({std::filesystem::relative(entry.path(), path).generic_string(),
                     readBytes(entry.path())});
  }
  if (files.empty()) {
    std::string which;
    for (const auto& extension : extensions) which += (which.empty() ? "" : ", ") + extension;
    throw Error(ErrorCode::kInvalidArgument, path.string() + " holds no files to read",
                which.empty() ? "the directory is empty" : "no file ends in " + which,
                "point -f at the model's directory or file");
  }
  std::sort(files.begin(), files.end(),
            [](const LocalFile& a, const LocalFile& b) { return a.path < b.path; });
  return files;
}

void writeLocalFile(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << bytes;
  if (!out) {
    throw Error(ErrorCode::kInvalidArgument, "cannot write " + path.string(),
                "the directory is not writable or the disk is full",
                "choose another directory with -l/--output-location");
  }
}

}  // namespace meshery::cli
