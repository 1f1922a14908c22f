#include "chart_files.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>

#include "meshery/archive/archive.hpp"
#include "meshery/core/error.hpp"
#include "meshery/helm/ignore.hpp"
#include "meshery/http/fetch.hpp"
#include "model_files.hpp"

namespace meshery::cli {
namespace {

namespace fs = std::filesystem;

/// The files of a chart directory, named relative to it, less what its
/// .helmignore (and Helm's default rule) leaves out, as Helm's loader and
/// `helm package` leave it out.
std::vector<archive::Entry> chartDirectoryFiles(const fs::path& directory) {
  const fs::path ignore_file = directory / ".helmignore";
  const helm::IgnoreRules rules = helm::IgnoreRules::parse(
      fs::is_regular_file(ignore_file) ? readLocalFiles(ignore_file).front().bytes : "");
  std::vector<archive::Entry> entries;
  for (auto it = fs::recursive_directory_iterator(directory);
       it != fs::recursive_directory_iterator(); ++it) {
    const std::string path = fs::relative(it->path(), directory).generic_string();
    const bool is_directory = it->is_directory();
    if (rules.ignores(path, is_directory)) {
      if (is_directory) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file()) entries.push_back({path, readLocalFiles(it->path()).front().bytes});
  }
  std::sort(entries.begin(), entries.end(),
            [](const archive::Entry& a, const archive::Entry& b) { return a.path < b.path; });
  return entries;
}

std::string readValuesFile(const std::string& path, const char* flag) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) {
    throw Error(ErrorCode::kNotFound, std::string(flag) + " " + path + ": no such file",
                "the path does not name a readable file",
                "check the path given to " + std::string(flag));
  }
  return readLocalFiles(path).front().bytes;
}

}  // namespace

void addValueFlags(CLI::App& command, ValueFlags& flags, const std::string& values_flag,
                   bool set_file) {
  command.add_option(values_flag, flags.values, "Values file (YAML); may repeat, later ones win")
      ->allow_extra_args(false);
  command.add_option("--set", flags.set, "Set values: a.b=c,d=e (may repeat)")
      ->allow_extra_args(false);
  command.add_option("--set-string", flags.set_string, "Set values as strings: a.b=007")
      ->allow_extra_args(false);
  command.add_option("--set-json", flags.set_json, R"(Set JSON values: a.b={"x":1})")
      ->allow_extra_args(false);
  command.add_option("--set-literal", flags.set_literal, "Set a literal string: key=any text")
      ->allow_extra_args(false);
  if (set_file) {
    command.add_option("--set-file", flags.set_file, "Set a value to a file's content: key=path")
        ->allow_extra_args(false);
  }
}

helm::ValueOverrides readValueOverrides(const ValueFlags& flags) {
  helm::ValueOverrides overrides;
  for (const auto& path : flags.values)
    overrides.value_files.push_back(readValuesFile(path, "--values"));
  overrides.set = flags.set;
  overrides.set_string = flags.set_string;
  overrides.set_json = flags.set_json;
  overrides.set_literal = flags.set_literal;
  overrides.set_file = flags.set_file;
  overrides.read_file = [](const std::string& path) { return readValuesFile(path, "--set-file"); };
  return overrides;
}

helm::Chart loadLocalChart(const std::string& source) {
  if (isUrl(source)) {
    http::FetchOptions options;
    options.max_bytes = 64ULL << 20U;
    options.timeout = std::chrono::seconds(60);
    options.user_agent = "mesheryctl";
    return helm::loadChartArchive(http::fetchUrl(source, options).body);
  }
  std::error_code error;
  if (fs::is_directory(source, error)) return helm::loadChart(chartDirectoryFiles(source));
  if (!fs::is_regular_file(source, error)) {
    throw Error(ErrorCode::kNotFound, "path \"" + source + "\" not found",
                "no chart directory, archive or URL has that name",
                "give a chart's directory, its .tgz, or an http(s) URL to the .tgz");
  }
  return helm::loadChartArchive(readLocalFiles(source).front().bytes);
}

bool isChartDirectory(const std::string& path) {
  std::error_code error;
  return fs::is_regular_file(fs::path(path) / "Chart.yaml", error);
}

std::string chartDirectoryName(const std::string& path) {
  const fs::path directory = fs::absolute(path).lexically_normal();
  std::string name = directory.filename().string();
  if (name.empty()) name = directory.parent_path().filename().string();
  return name.empty() ? std::string("chart") : name;
}

std::string packChartDirectory(const std::string& path) {
  const std::string top = chartDirectoryName(path);
  std::vector<archive::Entry> entries = chartDirectoryFiles(path);
  for (auto& entry : entries) entry.path = top + "/" + entry.path;
  return archive::writeArchive(entries, archive::Format::kTarGzip);
}

}  // namespace meshery::cli
