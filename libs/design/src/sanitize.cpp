// The sanitize stage: which files of the input are imported.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>

#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"
#include "pipeline.hpp"

namespace meshery::design::detail {
namespace {

constexpr std::array<std::string_view, 4> kTextExtensions = {".yaml", ".yml", ".json", ".yaml.txt"};
constexpr std::array<std::string_view, 6> kArchiveExtensions = {".tar.gz", ".tar.tgz", ".tgz",
                                                                ".tar", ".zip", ".gz"};

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string_view baseName(std::string_view path) {
  auto slash = path.find_last_of('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

bool hasAnyExtension(std::string_view name, auto extensions) {
  const std::string lower = lowercase(name);
  return std::any_of(extensions.begin(), extensions.end(),
                     [&](std::string_view ext) { return lower.ends_with(ext); });
}

bool isZip(std::string_view bytes) {
  return bytes.size() >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
         (bytes.substr(2, 2) == std::string_view("\x03\x04", 2) ||
          bytes.substr(2, 2) == std::string_view("\x05\x06", 2));
}

void checkExtension(std::string_view file_name) {
  const std::string_view base = baseName(file_name);
  if (base.find('.') == std::string_view::npos) return;  // no extension: the content decides
  if (hasAnyExtension(base, kTextExtensions) || hasAnyExtension(base, kArchiveExtensions)) return;
  throw Error(ErrorCode::kInvalidArgument,
              "unsupported file type: '" + std::string(base) + "'",
              "designs are imported from .yaml, .yml, .json, .tar, .tar.gz, .tgz and .zip files",
              "export the design, manifest or Compose file as YAML or JSON, or archive them");
}

/// Files worth identifying: YAML and JSON, not macOS resource forks or
/// hidden files.
bool isCandidate(std::string_view path) {
  const std::string_view base = baseName(path);
  if (base.starts_with(".") || path.starts_with("__MACOSX/")) return false;
  return hasAnyExtension(base, kTextExtensions);
}

/// When every entry lies under one top-level directory, the paths without it.
void descendIntoSingleDirectory(std::vector<InputFile>& files) {
  for (;;) {
    if (files.empty()) return;
    auto slash = files.front().path.find('/');
    if (slash == std::string::npos) return;
    const std::string prefix = files.front().path.substr(0, slash + 1);
    const bool shared = std::all_of(files.begin(), files.end(),
                                    [&](const InputFile& file) { return file.path.starts_with(prefix); });
    if (!shared) return;
    for (auto& file : files) file.path.erase(0, prefix.size());
  }
}

std::vector<InputFile> unpack(const ImportSource& source, const ImportLimits& limits) {
  archive::ReadLimits read_limits;
  read_limits.max_entries = limits.max_entries;
  read_limits.max_total_bytes = limits.max_unpacked_bytes;
  read_limits.max_entry_bytes = std::min(read_limits.max_entry_bytes, limits.max_unpacked_bytes);
  std::vector<InputFile> files;
  try {
    for (auto& entry : archive::readArchive(source.bytes, read_limits)) {
      files.push_back({std::move(entry.path), std::move(entry.bytes)});
    }
  } catch (const Error& error) {
    throw Error(error.code(), source.file_name + ": " + error.message(), error.cause(),
                error.remedy(), error.position());
  }
  return files;
}

}  // namespace

std::string stemOf(std::string_view file_name) {
  std::string base(baseName(file_name));
  const std::string lower = lowercase(base);
  for (auto extensions : {std::vector<std::string_view>(kArchiveExtensions.begin(), kArchiveExtensions.end()),
                          std::vector<std::string_view>(kTextExtensions.begin(), kTextExtensions.end())}) {
    for (std::string_view ext : extensions) {
      if (lower.size() > ext.size() && lower.ends_with(ext)) return base.substr(0, base.size() - ext.size());
    }
  }
  auto dot = base.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? base : base.substr(0, dot);
}

SanitizedInput sanitize(const ImportSource& source, const ImportLimits& limits) {
  checkExtension(source.file_name);
  SanitizedInput input;
  if (!archive::isArchive(source.bytes) && !isZip(source.bytes)) {
    if (hasAnyExtension(baseName(source.file_name), kArchiveExtensions)) {
      throw Error(ErrorCode::kMalformedInput,
                  source.file_name + ": cannot read the archive: unrecognised content",
                  "the file is named as an archive but holds no tar, gzip or zip data",
                  "provide a .tar, .tar.gz, .tgz or .zip archive, or rename the file");
    }
    if (source.bytes.size() > limits.max_unpacked_bytes) {
      throw Error(ErrorCode::kPayloadTooLarge, source.file_name + " is too large",
                  "it holds more than " + std::to_string(limits.max_unpacked_bytes) + " bytes",
                  "split the input or raise the import limit");
    }
    input.files.push_back({std::string(baseName(source.file_name)), source.bytes});
    return input;
  }
  input.archive = true;
  std::vector<InputFile> entries = unpack(source, limits);
  descendIntoSingleDirectory(entries);
  if (auto design = designOfOciLayout(entries, limits)) {
    input.oci = true;
    input.files.push_back(std::move(*design));
    return input;
  }
  for (auto& entry : entries) {
    if (isCandidate(entry.path)) {
      input.files.push_back(std::move(entry));
    } else if (!entry.path.starts_with("__MACOSX/") && !baseName(entry.path).starts_with(".")) {
      input.others.push_back(std::move(entry));
    }
  }
  if (input.files.empty()) {
    throw Error(ErrorCode::kInvalidArgument, source.file_name + ": the archive holds no YAML or JSON file",
                "only .yaml, .yml and .json files of an archive are imported",
                "put the design, manifests or Compose file in the archive");
  }
  return input;
}

}  // namespace meshery::design::detail
