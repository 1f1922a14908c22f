#include "meshery/helm/release.hpp"

#include <cmath>

#include "helm_yaml.hpp"
#include "meshery/core/error.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/helm/values.hpp"
#include "meshery/registry/schema_validation.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::helm {
namespace {

/// Error with `what` in front of its message, cause and remedy kept.
Error prefixed(const Error& error, const std::string& what) {
  return Error(error.code(), what + ": " + error.message(), error.cause(), error.remedy(),
               error.position());
}

/// The values as the schema validator sees them: Helm validates their JSON
/// text, where a float64 with no fraction ("1") is an integer.
nlohmann::json asJsonText(nlohmann::json value) {
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) < 9.0e15) {
      return static_cast<std::int64_t>(number);
    }
  } else if (value.is_structured()) {
    for (auto& item : value) item = asJsonText(std::move(item));
  }
  return value;
}

/// chartutil.ValidateAgainstSchema: the chart's schema over its values, then
/// each dependency's over its part, as "CHART:\n- path: why\n" blocks.
void collectSchemaErrors(const Chart& chart, const nlohmann::json& values, std::string& out) {
  if (chart.schema) {
    std::vector<registry::SchemaViolation> violations;
    try {
      violations = registry::validateAgainstSchema(*chart.schema, asJsonText(values));
    } catch (const Error& error) {
      throw prefixed(error, chart.name() + "/values.schema.json cannot be used");
    }
    // The validator also reports each enclosing property or item that failed
    // because of a nested violation; the nested one says it all.
    std::erase_if(violations, [](const registry::SchemaViolation& violation) {
      return violation.message.starts_with("Failed to validate against schema associated with") ||
             violation.message.starts_with("Failed to validate item #");
    });
    if (!violations.empty()) {
      out += chart.name() + ":\n";
      for (const auto& violation : violations) {
        out += "- " + (violation.path.empty() ? std::string("(root)") : violation.path) + ": " +
               violation.message + "\n";
      }
    }
  }
  for (const auto& dependency : chart.dependencies) {
    const auto part = values.find(dependency.name());
    collectSchemaErrors(
        dependency, part != values.end() && part->is_object() ? *part : nlohmann::json::object(),
        out);
  }
}

void collectCrds(const Chart& chart, const std::string& path, std::vector<Manifest>& out) {
  for (const auto& file : chart.crds()) {
    out.push_back({path + "/" + file.name, file.data, "CustomResourceDefinition"});
  }
  for (const auto& dependency : chart.dependencies) {
    collectCrds(dependency, path + "/charts/" + dependency.name(), out);
  }
}

}  // namespace

nlohmann::json userValues(const ValueOverrides& overrides) {
  nlohmann::json user = nlohmann::json::object();
  for (std::size_t i = 0; i < overrides.value_files.size(); ++i) {
    const std::string which = "values file " + std::to_string(i + 1);
    nlohmann::json file;
    try {
      file = yaml::parse(overrides.value_files[i], detail::kHelmYaml);
    } catch (const Error& error) {
      throw prefixed(error, which);
    }
    if (file.is_null()) continue;  // an empty file changes nothing
    numbersAsFloat64(file);
    if (!file.is_object()) {
      throw Error(ErrorCode::kInvalidArgument, which + " is not a map of values",
                  std::string("it holds a YAML ") + file.type_name(),
                  "Write the values as keys at the top level of the file.");
    }
    mergeValues(user, file);
  }
  const auto parse = [&user](const std::vector<std::string>& flags, SetForm form, const char* flag,
                             const FileReader& read_file) {
    for (const auto& text : flags) {
      try {
        parseSetInto(text, user, form, read_file);
      } catch (const Error& error) {
        // Helm names the whole --set-json value and drops the decoder's words.
        if (form == SetForm::kJson) {
          throw Error(
              error.code(), "failed parsing --set-json data " + text, error.message(),
              "Give key=JSON pairs, e.g. --set-json 'resources={\"limits\":{\"cpu\":\"1\"}}'.");
        }
        throw prefixed(error, std::string("failed parsing ") + flag + " data");
      }
    }
  };
  parse(overrides.set_json, SetForm::kJson, "--set-json", {});
  parse(overrides.set, SetForm::kTyped, "--set", {});
  parse(overrides.set_string, SetForm::kString, "--set-string", {});
  if (!overrides.set_file.empty() && !overrides.read_file) {
    throw Error(ErrorCode::kInvalidArgument, "--set-file is not available here",
                "Files named by --set-file are read by mesheryctl, not by the server.",
                "Pass the file's content with --set-string or a values file instead.");
  }
  parse(overrides.set_file, SetForm::kFile, "--set-file", overrides.read_file);
  parse(overrides.set_literal, SetForm::kLiteral, "--set-literal", {});
  return user;
}

Release prepareRelease(Chart chart, const nlohmann::json& user) {
  Release release;
  release.chart = importDependencyValues(enabledDependencies(std::move(chart), user));
  release.values = coalesceValues(release.chart, user);
  std::string schema_errors;
  collectSchemaErrors(release.chart, release.values, schema_errors);
  if (!schema_errors.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "values don't meet the specifications of the schema(s) in the following "
                "chart(s):\n" +
                    schema_errors,
                "A value given or defaulted breaks the chart's values.schema.json.",
                "Change the values named above (--set, -f) to what the schema wants.");
  }
  return release;
}

void renderTemplates(Release& release, const RenderOptions& options) {
  const auto declared_kube = release.chart.metadata.find("kubeVersion");
  const std::string kube_version =
      declared_kube != release.chart.metadata.end() && declared_kube->is_string()
          ? declared_kube->get<std::string>()
          : "";
  if (!kube_version.empty() &&
      !gotmpl::semverSatisfies(kube_version, options.kube_version.version)) {
    throw Error(ErrorCode::kInvalidArgument,
                "chart requires kubeVersion: " + kube_version +
                    " which is incompatible with Kubernetes " + options.kube_version.version,
                "Chart.yaml's kubeVersion excludes the Kubernetes version rendered for.",
                "Render for a version the chart supports (--kube-version).");
  }
  release.rendered = renderChart(release.chart, release.values, options);
}

void sortRelease(Release& release) {
  release.crds.clear();
  collectCrds(release.chart, release.chart.name(), release.crds);
  auto [generic, hooks] = sortManifests(release.rendered);
  release.manifests = std::move(generic);
  release.hooks = std::move(hooks);
}

Release renderRelease(Chart chart, const nlohmann::json& user, const RenderOptions& options) {
  Release release = prepareRelease(std::move(chart), user);
  renderTemplates(release, options);
  sortRelease(release);
  return release;
}

std::string renderedText(const Release& release) {
  std::string out;
  for (const auto& [path, content] : release.rendered) {
    if (content.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    out += "---\n# Source: " + path + "\n" + content + "\n";
  }
  const std::size_t first = out.find_first_not_of(" \t\r\n");
  const std::size_t last = out.find_last_not_of(" \t\r\n");
  return (first == std::string::npos ? std::string() : out.substr(first, last - first + 1)) + "\n";
}

ReleaseResources releaseResources(const Release& release) {
  ReleaseResources out;
  const auto add = [&out](const Manifest& manifest) {
    std::vector<nlohmann::json> documents;
    try {
      documents = yaml::parseAll(manifest.content, detail::kHelmYaml);
    } catch (const Error& error) {
      throw prefixed(error, "YAML parse error on " + manifest.source);
    }
    for (auto& document : documents) {
      if (!document.is_null()) out.documents.push_back(std::move(document));
    }
  };
  for (const auto& crd : release.crds) add(crd);
  for (const auto& manifest : release.manifests) add(manifest);
  for (const auto& hook : release.hooks) {
    out.left_out.push_back(
        {hook.kind + "/" + hook.name + " (" + hook.source + ")",
         hook.test ? "a Helm test hook, run by `helm test`, not part of the design"
                   : "a Helm hook, run around an install rather than part of it; not part of "
                     "the design (apply it separately if the chart needs it)"});
  }
  return out;
}

std::string templateText(const Release& release, const TemplateOutputOptions& options) {
  return templateOutput(release.chart, release.manifests, release.hooks, options);
}

}  // namespace meshery::helm
