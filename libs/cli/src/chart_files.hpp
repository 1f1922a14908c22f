#pragma once

// Private to libs/cli: Helm charts and value overrides as mesheryctl reads
// them from the local disk (or a chart URL), for `chart template` and
// `design import`.

#include <string>
#include <vector>

#include "meshery/helm/chart.hpp"
#include "meshery/helm/release.hpp"

namespace CLI {
class App;
}

namespace meshery::cli {

/// The value flags of `helm template`, as given.
struct ValueFlags {
  std::vector<std::string> values;  ///< -f/--values: local paths, in order
  std::vector<std::string> set;
  std::vector<std::string> set_string;
  std::vector<std::string> set_json;
  std::vector<std::string> set_file;  ///< key=path
  std::vector<std::string> set_literal;
};

/// Adds --set, --set-string, --set-json, --set-literal and (with
/// `set_file`) --set-file,
/// and `values_flag` ("-f,--values" or "--values") under `command`.
void addValueFlags(CLI::App& command, ValueFlags& flags, const std::string& values_flag,
                   bool set_file);

/// The overrides the flags give: values files read, --set-file's files read
/// when the values are parsed. Throws Error(kNotFound) for a file that
/// cannot be read, naming its flag.
helm::ValueOverrides readValueOverrides(const ValueFlags& flags);

/// A chart from a directory, a .tgz archive, or an http(s) URL to one (at
/// most 64 MiB, fetched within 60 s). In a directory, hidden files under
/// templates/ are skipped, as Helm's loader does.
helm::Chart loadLocalChart(const std::string& source);

/// Whether `path` is a directory holding Chart.yaml.
bool isChartDirectory(const std::string& path);

/// The name of a chart's directory ("app" for "./app/").
std::string chartDirectoryName(const std::string& path);

/// A chart directory packed as Helm packages it: a .tgz whose one top-level
/// directory is named after the chart's directory.
std::string packChartDirectory(const std::string& path);

}  // namespace meshery::cli
