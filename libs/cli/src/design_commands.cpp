// mesheryctl design: import, list, view, export, delete and validate designs
// (Meshery's /api/pattern); `validate --local` needs no server.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>

#include "api_client.hpp"
#include "chart_files.hpp"
#include "commands.hpp"
#include "design_support.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"
#include "meshery/design/import.hpp"
#include "meshery/http/client.hpp"
#include "meshery/registry/model_import.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/yaml/yaml.hpp"
#include "model_files.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

std::vector<std::string> designRow(const nlohmann::json& pattern) {
  std::string id = field(pattern, "/id");
  return {id.substr(0, 8), field(pattern, "/name"), field(pattern, "/type"),
          field(pattern, "/revision"), field(pattern, "/updated_at")};
}

const ListView kDesignView{
    "designs", {"ID", "Name", "Type", "Revision", "Updated"}, designRow, "patterns"};

}  // namespace

nlohmann::json findDesign(ApiClient& designs, const std::string& name_or_id) {
  if (Uuid::parse(name_or_id)) return designs.get("/" + name_or_id, {});
  // An exact name, else (for 8 characters) the id prefix the list shows.
  const bool prefix = name_or_id.size() == 8;
  auto page = designs.get("", {{"search", prefix ? "" : name_or_id}, {"pagesize", "all"}});
  for (const auto& pattern : page["patterns"]) {
    if (pattern.value("name", "") == name_or_id) return pattern;
  }
  if (prefix) {
    for (const auto& pattern : page["patterns"]) {
      if (field(pattern, "/id").rfind(name_or_id, 0) == 0) return pattern;
    }
  }
  throw Error(ErrorCode::kNotFound, "design '" + name_or_id + "' not found",
              "no design has that id or exact name",
              "run 'mesheryctl design list' to see the designs");
}

bool isSourceFile(const std::string& source) {
  std::error_code ec;
  return isUrl(source) || std::filesystem::exists(source, ec);
}

nlohmann::json sourceRequest(const std::string& source, const std::string& type,
                             const std::string& name, const ChartFlags& chart) {
  nlohmann::json request = nlohmann::json::object();
  if (isUrl(source)) {
    request["url"] = source;
  } else if (isChartDirectory(source)) {
    request["file_name"] = chartDirectoryName(source) + ".tgz";
    request["file"] = encodeBase64(packChartDirectory(source));
  } else {
    auto files = readLocalFiles(source);
    if (files.size() != 1) {
      throw Error(ErrorCode::kInvalidArgument, source + " is a directory",
                  "a design is imported from one file or archive",
                  "pack the directory as a .tar.gz, or name one file");
    }
    request["file_name"] = files.front().path;
    request["file"] = encodeBase64(files.front().bytes);
  }
  if (!type.empty()) request["source_type"] = type;
  if (!name.empty()) request["name"] = name;
  const helm::ValueOverrides overrides = readValueOverrides(chart.values);
  if (!overrides.value_files.empty()) request["values"] = overrides.value_files;
  if (!overrides.set.empty()) request["set"] = overrides.set;
  if (!overrides.set_string.empty()) request["set_string"] = overrides.set_string;
  if (!overrides.set_json.empty()) request["set_json"] = overrides.set_json;
  if (!overrides.set_literal.empty()) request["set_literal"] = overrides.set_literal;
  if (!chart.release_name.empty()) request["release_name"] = chart.release_name;
  return request;
}

std::shared_ptr<const registry::RegistrySnapshot> localRegistry(const std::string& models_dir) {
  std::filesystem::path directory = models_dir;
  if (directory.empty()) {
    std::error_code ec;
    auto exe = std::filesystem::read_symlink("/proc/self/exe", ec).parent_path();
    for (const auto& candidate : {exe / "models", exe / ".." / "share" / "meshery" / "models",
                                  exe / ".." / ".." / "models"}) {
      if (std::filesystem::is_directory(candidate, ec)) {
        directory = candidate;
        break;
      }
    }
  }
  if (directory.empty() || !std::filesystem::is_directory(directory)) {
    throw Error(ErrorCode::kNotFound, "no models directory for --local validation",
                "mesheryctl looks beside its binary for the bundled models",
                "pass --models-dir <dir> (e.g. the server's models directory)");
  }
  std::vector<registry::FileEntry> files;
  for (auto& file : readLocalFiles(directory, {".json", ".yaml", ".yml"})) {
    files.push_back({std::move(file.path), std::move(file.bytes)});
  }
  registry::Registry registry;
  return registry.apply(registry::additionsOf(registry::importModels(files)));
}

namespace {

void printIssues(std::ostream& out, const nlohmann::json& answer, const char* issues_key) {
  for (const auto& warning : answer.value("warnings", nlohmann::json::array())) {
    out << "  warning: " << warning.value("subject", "") << ": " << warning.value("message", "")
        << "\n";
  }
  for (const auto& issue : answer.value(issues_key, nlohmann::json::array())) {
    out << "  invalid: " << issue.value("text", "") << "\n";
  }
}

struct ImportFlags {
  std::string source;
  std::string type;
  std::string name;
  std::string output;
  ChartFlags chart;
  bool no_evaluate = false;
};

void importDesign(Session& session, const ImportFlags& flags) {
  ApiClient designs(session, kDesignApi);
  nlohmann::json request = sourceRequest(flags.source, flags.type, flags.name, flags.chart);
  if (flags.no_evaluate) request["evaluate"] = false;
  auto answer =
      postForText(session, designs, "/import", request, "Importing " + flags.source, flags.output);
  if (!answer) return;
  const nlohmann::json& pattern = answer->at(0);
  session.out() << "Imported design " << pattern.value("name", "") << " ("
                << pattern.value("id", "") << "): " << pattern.value("components", 0)
                << " component(s) from a " << pattern.value("source_type", "") << "\n";
  if (const auto evaluation = pattern.find("evaluation");
      evaluation != pattern.end() && evaluation->is_object()) {
    const nlohmann::json actions = evaluation->value("actions", nlohmann::json::object());
    session.out() << "Relationships: " << evaluation->value("relationships", 0)
                  << " (evaluation created " << actions.value("add_component", 0)
                  << " component(s))\n";
  }
  printIssues(session.out(), pattern, "validation");
}

void viewDesign(Session& session, const std::string& name, const std::string& output) {
  ApiClient designs(session, kDesignApi);
  nlohmann::json pattern = findDesign(designs, name);
  if (!pattern.contains("pattern_file")) pattern = designs.get("/" + field(pattern, "/id"), {});
  std::string yaml = pattern.value("pattern_file", "");
  if (output == "json") {
    session.out() << yaml::parse(yaml).dump(2) << "\n";
  } else {
    session.out() << yaml;
  }
}

void exportDesign(Session& session, const std::string& name, const std::string& type,
                  const std::string& location) {
  ApiClient designs(session, kDesignApi);
  std::string id = field(findDesign(designs, name), "/id");
  auto response = designs.download("/download/" + id, {{"type", type}}, "Exporting " + name);
  std::string file_name = "design";
  auto disposition = response.headers.get("Content-Disposition").value_or("");
  if (auto start = disposition.find("filename=\""); start != std::string_view::npos) {
    auto value = disposition.substr(start + 10);
    file_name = std::filesystem::path(std::string(value.substr(0, value.find('"')))).filename();
  }
  auto path = std::filesystem::path(location) / file_name;
  writeLocalFile(path, response.body);
  session.out() << "Exported design " << name << " (" << type << ") to " << path.string() << "\n";
}

void deleteDesign(Session& session, const std::string& name) {
  ApiClient designs(session, kDesignApi);
  nlohmann::json pattern = findDesign(designs, name);
  designs.remove("/" + field(pattern, "/id"));
  session.out() << "Deleted design " << pattern.value("name", "") << "\n";
}

struct ValidateFlags {
  std::string source;
  std::string type;
  bool local = false;
  std::string models_dir;
  std::string output;
};

void validateDesign(Session& session, const ValidateFlags& flags) {
  nlohmann::json answer;
  if (flags.local) {
    auto files = readLocalFiles(flags.source);
    design::ImportSource source{
        files.front().path,
        std::move(files.front().bytes),
        flags.type.empty() ? std::nullopt : design::parseSourceType(flags.type),
        {}};
    auto registry = localRegistry(flags.models_dir);
    design::ImportResult result = design::importDesign(source, *registry);
    nlohmann::json errors = nlohmann::json::array();
    for (const auto& issue : result.validation) {
      errors.push_back({{"component", issue.component},
                        {"path", issue.path},
                        {"message", issue.message},
                        {"text", issue.text()}});
    }
    nlohmann::json warnings = nlohmann::json::array();
    for (const auto& warning : result.warnings) {
      warnings.push_back({{"subject", warning.subject}, {"message", warning.message}});
    }
    answer = {{"isValid", result.validation.empty()}, {"errors", errors}, {"warnings", warnings}};
  } else {
    ApiClient designs(session, kDesignApi);
    answer = designs.post("/validate", sourceRequest(flags.source, flags.type, {}),
                          "Validating " + flags.source);
  }
  const auto format = parseOutputFormat(flags.output);
  if (format != OutputFormat::kText) {
    session.out() << renderDocument(answer, format);
  } else {
    session.out() << (answer.value("isValid", false) ? "Valid: " : "Invalid: ") << flags.source
                  << "\n";
    printIssues(session.out(), answer, "errors");
  }
  if (!answer.value("isValid", false)) {
    throw Error(ErrorCode::kInvalidArgument, flags.source + " is not valid",
                std::to_string(answer["errors"].size()) + " configuration(s) break their schema",
                "fix the fields listed above");
  }
}

}  // namespace

void addDesignCommand(CLI::App& parent, Session& session) {
  auto* design = parent.add_subcommand(
      "design", "Import, list, view, export, delete, validate and evaluate designs");

  auto* import = design->add_subcommand(
      "import",
      "Import a design, Kubernetes manifests, a Docker Compose file, a Helm chart or an archive");
  auto import_flags = std::make_shared<ImportFlags>();
  import
      ->add_option("-f,--file", import_flags->source,
                   "File, archive, chart directory or http(s) URL")
      ->required();
  import->add_option("-s,--source-type", import_flags->type,
                     "manifest, compose, design or helm (detected when omitted)");
  import->add_option("-n,--name", import_flags->name, "Design name (default: the file name)");
  import->add_option("-o,--output", import_flags->output, "Output format: json or yaml");
  import->add_flag("--no-evaluate", import_flags->no_evaluate,
                   "Import the resources as they are, without evaluating relationships");
  addValueFlags(*import, import_flags->chart.values, "--values", false);
  import->add_option("--release-name", import_flags->chart.release_name,
                     "A chart's .Release.Name (default release-name)");
  import->callback([&session, import_flags] {
    session.setAction([&session, import_flags] { importDesign(session, *import_flags);
});
}  // namespace meshery::cli
);

auto* list = design->add_subcommand("list", "List the designs, one page at a time");
auto list_flags = std::make_shared<ListFlags>();
addListFlags(*list, *list_flags);
list->callback([&session, list_flags] {
  session.setAction([&session, list_flags] {
    ApiClient designs(session, kDesignApi);
    printList(session, designs.get("", pageParams(*list_flags)), kDesignView, *list_flags);
  });
});

auto* view = design->add_subcommand("view", "Print a design (YAML unless -o json)");
auto view_name = std::make_shared<std::string>();
auto view_output = std::make_shared<std::string>("yaml");
view->add_option("design", *view_name, "Design name or id")->required();
view->add_option("-o,--output", *view_output, "yaml (default) or json")
    ->check(CLI::IsMember({"yaml", "json"}));
view->callback([&session, view_name, view_output] {
  session.setAction(
      [&session, view_name, view_output] { viewDesign(session, *view_name, *view_output); });
});

auto* exported = design->add_subcommand("export", "Save a design to a file");
auto export_name = std::make_shared<std::string>();
auto export_type = std::make_shared<std::string>("current");
auto export_dir = std::make_shared<std::string>(".");
exported->add_option("design", *export_name, "Design name or id")->required();
exported
    ->add_option("--type", *export_type, "current (default), original, manifest, oci or helm-chart")
    ->check(CLI::IsMember({"current", "original", "manifest", "oci", "helm-chart"}));
exported->add_option("-o,--output-dir", *export_dir, "Directory to write to (default: current)");
exported->callback([&session, export_name, export_type, export_dir] {
  session.setAction([&session, export_name, export_type, export_dir] {
    exportDesign(session, *export_name, *export_type, *export_dir);
  });
});

auto* remove = design->add_subcommand("delete", "Delete a design and its revisions");
auto remove_name = std::make_shared<std::string>();
remove->add_option("design", *remove_name, "Design name or id")->required();
remove->callback([&session, remove_name] {
  session.setAction([&session, remove_name] { deleteDesign(session, *remove_name); });
});

auto* validate = design->add_subcommand(
    "validate", "Check each component's configuration against its schema (exit 1 if invalid)");
auto validate_flags = std::make_shared<ValidateFlags>();
validate->add_option("-f,--file", validate_flags->source, "File, archive or http(s) URL")
    ->required();
validate->add_option("-s,--source-type", validate_flags->type,
                     "manifest, compose or design (detected when omitted)");
validate->add_flag("--local", validate_flags->local,
                   "Validate here against the bundled models; no server needed");
validate->add_option("--models-dir", validate_flags->models_dir,
                     "Models for --local (default: beside mesheryctl)");
validate->add_option("-o,--output", validate_flags->output, "Output format: json or yaml");
validate->callback([&session, validate_flags] {
  session.setAction([&session, validate_flags] { validateDesign(session, *validate_flags); });
});
addDesignEvaluateCommand(*design, session);
addDesignDeployCommands(*design, session);
}

}  // namespace meshery::cli
