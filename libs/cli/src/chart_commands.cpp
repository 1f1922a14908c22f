// mesheryctl chart template: renders a Helm chart in-process and prints
// what `helm template` prints, with helm's arguments and flags.

#include <CLI/CLI.hpp>
#include <chrono>
#include <memory>
#include <regex>

#include "chart_files.hpp"
#include "commands.hpp"
#include "meshery/core/error.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/gotmpl/templates.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

struct TemplateFlags {
  std::vector<std::string> arguments;  ///< [NAME] CHART
  ValueFlags values;
  std::string name_template;
  bool generate_name = false;
  std::string release_namespace = "default";
  std::string kube_version;
  std::vector<std::string> api_versions;
  bool include_crds = false;
  bool skip_tests = false;
  bool is_upgrade = false;
  std::vector<std::string> show_only;
  bool debug = false;
};

/// chartutil.ValidateReleaseName.
void checkReleaseName(const std::string& name) {
  static const std::regex kValid(
      R"(^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)");
  if (name.size() <= 53 && std::regex_match(name, kValid)) return;
  throw Error(ErrorCode::kInvalidArgument,
              "release name \"" + name +
                  "\": invalid release name, must match regex "
                  R"(^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$)"
                  " and the length must not be longer than 53",
              "Release names are DNS labels: lower case letters, digits, '-' and '.'.",
              "Choose a name such as my-release.");
}

/// The release name as helm picks it: NAME, --name-template, --generate-name
/// (the chart argument's base name up to its first '.', then "-<unix
/// seconds>"), else "release-name".
std::string releaseName(const TemplateFlags& flags) {
  std::string name = "release-name";
  if (flags.arguments.size() == 2) {
    name = flags.arguments.front();
  } else if (!flags.name_template.empty()) {
    gotmpl::Templates name_template(gotmpl::sprigFunctions());
    name_template.parse("name-template", flags.name_template);
    name = name_template.execute("name-template", gotmpl::Value());
  } else if (flags.generate_name) {
    const std::string& chart = flags.arguments.back();
    std::string base = chart.substr(chart.find_last_of('/') + 1);
    base = base.substr(0, base.find('.'));
    if (base.empty()) base = "chart";
    const auto now = std::chrono::system_clock::now().time_since_epoch();
    name =
        base + "-" + std::to_string(std::chrono::duration_cast<std::chrono::seconds>(now).count());
  }
  checkReleaseName(name);
  return name;
}

void templateChart(Session& session, const TemplateFlags& flags) {
  if (flags.arguments.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "\"mesheryctl chart template\" requires at least 1 argument",
                "the chart to render is missing",
                "run mesheryctl chart template [NAME] CHART (a directory, a .tgz or a URL)");
  }
  if (flags.arguments.size() > 2) {
    throw Error(ErrorCode::kInvalidArgument,
                "expected at most two arguments, unexpected arguments: " + flags.arguments[2],
                "chart template takes [NAME] and CHART",
                "put flags before or after the two arguments");
  }
  helm::Chart chart = loadLocalChart(flags.arguments.back());
  helm::RenderOptions options;
  options.release_name = releaseName(flags);
  options.release_namespace = flags.release_namespace;
  options.is_upgrade = flags.is_upgrade;
  if (!flags.kube_version.empty())
    options.kube_version = helm::parseKubeVersion(flags.kube_version);
  for (const auto& api_version : flags.api_versions) options.api_versions.push_back(api_version);
  helm::Release release =
      helm::prepareRelease(std::move(chart), helm::userValues(readValueOverrides(flags.values)));
  try {
    helm::renderTemplates(release, options);
    helm::sortRelease(release);
  } catch (const Error&) {
    // helm template --debug prints what was rendered before the error.
    if (flags.debug) session.out() << helm::renderedText(release);
    throw;
  }
  session.out() << helm::templateText(release, {.include_crds = flags.include_crds,
                                                .skip_tests = flags.skip_tests,
                                                .show_only = flags.show_only});
}

}  // namespace

void addChartCommand(CLI::App& parent, Session& session) {
  auto* chart = parent.add_subcommand("chart", "Render Helm charts in-process, without helm");
  auto* render = chart->add_subcommand(
      "template", "Print a chart's manifests exactly as `helm template [NAME] CHART` prints them");
  auto flags = std::make_shared<TemplateFlags>();
  render->add_option("arguments", flags->arguments,
                     "[NAME] CHART: release name, and the chart's directory, .tgz or http(s) URL");
  addValueFlags(*render, flags->values, "-f,--values", true);
  render->add_option("--name-template", flags->name_template,
                     "Template (Go text/template with Sprig) giving the release name");
  render->add_flag("-g,--generate-name", flags->generate_name,
                   "Name the release CHART-<unix time>");
  render->add_option("-n,--namespace", flags->release_namespace,
                     ".Release.Namespace (default \"default\")");
  render->add_option("--kube-version", flags->kube_version,
                     ".Capabilities.KubeVersion (default v1.20.0)");
  render
      ->add_option("-a,--api-versions", flags->api_versions,
                   "Add to .Capabilities.APIVersions (may repeat)")
      ->allow_extra_args(false);
  render->add_flag("--include-crds", flags->include_crds, "Print the charts' crds/ files first");
  render->add_flag("--skip-tests", flags->skip_tests, "Leave out test hooks");
  render->add_flag("--is-upgrade", flags->is_upgrade, ".Release.IsUpgrade true, IsInstall false");
  render
      ->add_option(
          "-s,--show-only", flags->show_only,
          "Only templates matching this path glob, e.g. templates/service.yaml (may repeat)")
      ->allow_extra_args(false);
  render->add_flag("--debug", flags->debug,
                   "When the rendered text is not YAML, print it before the error");
  render->callback([&session, flags] {
    session.setAction([&session, flags] { templateChart(session, *flags); });
  });
}

}  // namespace meshery::cli
