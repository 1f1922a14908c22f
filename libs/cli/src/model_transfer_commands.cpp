// mesheryctl model import / export: models in and out of the server's registry.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>

#include "commands.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"
#include "meshery/http/client.hpp"
#include "model_files.hpp"
#include "api_client.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

struct ImportFlags {
  std::string source;  ///< -f: a directory, an archive, a JSON/YAML file, or a URL
  bool dry_run = false;
  std::string output;
};

/// Meshery's ImportRequest for `source`: a URL for the server to download, or
/// the file (a directory packed as .tar.gz) base64-encoded.
nlohmann::json importRequest(const ImportFlags& flags) {
  nlohmann::json request = {{"register", !flags.dry_run}};
  if (isUrl(flags.source)) {
    request["uploadType"] = "urlImport";
    request["importBody"] = {{"url", flags.source}};
    return request;
  }
  std::filesystem::path path(flags.source);
  std::string name = path.filename().string();
  std::string bytes;
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    std::vector<archive::Entry> entries;
    for (auto& file : readLocalFiles(path)) entries.push_back({file.path, std::move(file.bytes)});
    bytes = archive::writeArchive(entries, archive::Format::kTarGzip);
    name += ".tar.gz";
  } else {
    bytes = readLocalFiles(path).front().bytes;
  }
  request["uploadType"] = "file";
  request["importBody"] = {{"fileName", name}, {"modelFile", encodeBase64(bytes)}};
  return request;
}

void printImport(Session& session, const nlohmann::json& summary, bool registered) {
  const auto& counts = summary["entityCount"];
  std::ostream& out = session.out();
  std::string models;
  for (const auto& name : summary.value("modelName", nlohmann::json::array())) {
    models += (models.empty() ? "" : ", ") + name.get<std::string>();
  }
  out << (registered ? "Registered " : "Read (not registered, --dry-run) ")
      << counts.value("modelCount", 0) << " model(s), " << counts.value("compCount", 0)
      << " component(s), " << counts.value("relCount", 0) << " relationship(s) and "
      << counts.value("policyCount", 0) << " policy(ies)";
  if (!models.empty()) out << " of " << models;
  out << "\n";
  printFailures(out, summary);
}

void importModel(Session& session, const ImportFlags& flags) {
  ApiClient registry(session);
  auto summary = postForText(session, registry, "register", importRequest(flags),
                             "Registering " + flags.source, flags.output);
  if (summary) printImport(session, *summary, !flags.dry_run);
}

struct ExportFlags {
  std::string name;
  std::string version;
  std::string type = "tar.gz";   ///< -o/--output-type
  std::string format = "json";   ///< -t/--output-format
  std::string location = ".";    ///< -l/--output-location
  bool discard_components = false;
  bool discard_relationships = false;
};

void exportModel(Session& session, const ExportFlags& flags) {
  if (flags.type == "oci") {
    throw Error(ErrorCode::kInvalidArgument, "OCI export is not available",
                "this server exports models as tar archives",
                "use -o tar.gz (the default) or -o tar");
  }
  QueryParams query{{"name", flags.name},
                    {"output_format", flags.format},
                    {"file_type", flags.type},
                    {"components", flags.discard_components ? "false" : "true"},
                    {"relationships", flags.discard_relationships ? "false" : "true"}};
  if (!flags.version.empty()) query.emplace_back("version", flags.version);
  ApiClient registry(session);
  auto response = registry.download("export", query, "Exporting " + flags.name);
  std::string file_name = flags.name + (flags.type == "tar" ? ".tar" : ".tar.gz");
  std::filesystem::path path = std::filesystem::path(flags.location) / file_name;
  writeLocalFile(path, response.body);
  session.out() << "Exported model " << flags.name << " to " << path.string() << " ("
                << response.body.size() << " bytes)\n";
}

}  // namespace

void addModelTransferCommands(CLI::App& model, Session& session) {
  auto* import = model.add_subcommand(
      "import", "Register a model from a directory, an archive, a JSON/YAML file or a URL");
  auto import_flags = std::make_shared<ImportFlags>();
  import->add_option("-f,--file", import_flags->source,
                     "Model directory (Meshery's layout), .tar/.tar.gz/.tgz, JSON/YAML file, "
                     "or http(s) URL")
      ->required();
  import->add_flag("--dry-run", import_flags->dry_run,
                   "Read and report what would be registered; store nothing");
  import->add_option("-o,--output", import_flags->output, "Output format: json or yaml");
  import->callback([&session, import_flags] {
    session.setAction([&session, import_flags] { importModel(session, *import_flags); });
  });

  auto* exported =
      model.add_subcommand("export", "Save a model with its components and relationships");
  auto export_flags = std::make_shared<ExportFlags>();
  exported->add_option("name", export_flags->name, "Model name, e.g. kubernetes")->required();
  exported->add_option("--version", export_flags->version, "Model version (default: newest)");
  exported->add_option("-o,--output-type", export_flags->type, "Archive: tar.gz (default) or tar")
      ->check(CLI::IsMember({"tar.gz", "tgz", "tar", "oci"}));
  exported->add_option("-t,--output-format", export_flags->format,
                       "Definitions as json (default) or yaml")
      ->check(CLI::IsMember({"json", "yaml"}));
  exported->add_option("-l,--output-location", export_flags->location,
                       "Directory to write the archive to (default: current)");
  exported->add_flag("--discard-components", export_flags->discard_components,
                     "Leave the components out");
  exported->add_flag("--discard-relationships", export_flags->discard_relationships,
                     "Leave the relationships out");
  exported->callback([&session, export_flags] {
    session.setAction([&session, export_flags] { exportModel(session, *export_flags); });
  });
}

}  // namespace meshery::cli
