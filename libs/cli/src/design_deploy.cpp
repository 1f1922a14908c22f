// mesheryctl design deploy|undeploy: a stored design, or a file imported
// first (and saved unless --skip-save), deployed to or undeployed from the
// connected Kubernetes contexts (POST/DELETE /api/pattern/deploy); a row
// per component and context; the exit status says whether all succeeded.

#include <CLI/CLI.hpp>
#include <memory>

#include "design_support.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "meshery/http/client.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

using nlohmann::json;

struct DeployFlags {
  std::string source;
  std::string type;
  std::vector<std::string> contexts;
  bool dry_run = false;
  bool verify = false;
  bool skip_crd = false;
  bool upgrade = false;
  bool skip_save = false;
  std::string output;
};

/// The deploy request's body: the stored design's id, or the design a file
/// makes (imported by the server; saved unless --skip-save).
json designBody(ApiClient& designs, const DeployFlags& flags, bool undeploy) {
  if (!isSourceFile(flags.source)) return {{"pattern_id", findDesign(designs, flags.source).value("id", "")}};
  json request = sourceRequest(flags.source, flags.type, {});
  request["save"] = !flags.skip_save && !undeploy;
  const json pattern = designs.post("/import", request, "Importing " + flags.source).at(0);
  if (request["save"] == true) return {{"pattern_id", pattern.value("id", "")}};
  return {{"pattern_file", pattern.value("pattern_file", "")}};
}

std::string resultOf(const json& result) {
  if (!result.value("success", false)) return "failed";
  std::string action = result.value("action", "");
  if (result.contains("unchecked")) action += " (unchecked)";
  return action;
}

void printText(std::ostream& out, const json& answer, bool undeploy) {
  for (const json& context : answer.value("contexts", json::array())) {
    if (!context.value("success", false)) {
      out << "Context " << context.value("name", "") << ": " << context.value("error", "") << "\n";
    }
  }
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> details;
  for (const json& result : answer.value("results", json::array())) {
    rows.push_back({result.value("componentName", ""), result.value("kind", ""),
                    result.value("namespace", ""), result.value("contextName", ""),
                    resultOf(result)});
    if (result.contains("error")) {
      std::string detail = result.value("componentName", "") + " (" + result.value("kind", "") +
                           "): " + result["error"].value("message", "");
      for (const json& cause : result["error"].value("causes", json::array()))
        detail += "\n    " + cause.value("fieldPath", "") + ": " + cause.value("message", "");
      details.push_back(std::move(detail));
    } else if (result.contains("unchecked")) {
      details.push_back(result.value("componentName", "") + " (" + result.value("kind", "") +
                        "): " + result.value("unchecked", ""));
    }
  }
  if (!rows.empty()) out << renderTable({"Component", "Kind", "Namespace", "Context", "Result"}, rows);
  for (const std::string& detail : details) out << "  " << detail << "\n";
  std::string summary;
  const json counts = answer.value("summary", json::object());
  for (const auto& [action, count] : counts.items()) {
    if (!summary.empty()) summary += ", ";
    summary += std::to_string(count.get<int>()) + " " + action;
  }
  const bool dry = answer.value("dryRun", false);
  out << (undeploy ? "Undeployed " : "Deployed ") << answer["design"].value("name", "")
      << (dry ? " (dry run)" : "") << ": " << (summary.empty() ? "nothing to do" : summary)
      << "\n";
}

void run(Session& session, const DeployFlags& flags, bool undeploy) {
  ApiClient designs(session, kDesignApi);
  const json body = designBody(designs, flags, undeploy);
  QueryParams query;
  if (flags.dry_run) query.emplace_back("dryRun", "true");
  if (flags.verify) query.emplace_back("verify", "true");
  if (flags.skip_crd) query.emplace_back("skipCRD", "true");
  if (flags.upgrade) query.emplace_back("upgrade", "true");
  for (const std::string& context : flags.contexts) query.emplace_back("contexts", context);
  const json answer =
      designs.call(undeploy ? http::Method::kDelete : http::Method::kPost, "/deploy", query, body,
                   std::string(undeploy ? "Undeploying " : "Deploying ") + flags.source);
  const auto format = parseOutputFormat(flags.output);
  if (format != OutputFormat::kText) {
    session.out() << renderDocument(answer, format);
  } else {
    printText(session.out(), answer, undeploy);
  }
  if (!answer.value("success", false)) {
    throw Error(ErrorCode::kConflict,
                std::string(undeploy ? "the undeploy" : "the deploy") + " of " + flags.source +
                    " did not fully succeed",
                "the API server refused some components, or a context could not be reached",
                "see the failures above; fix them and run the command again");
  }
}

void addCommand(CLI::App& design, Session& session, bool undeploy) {
  auto* command = design.add_subcommand(
      undeploy ? "undeploy" : "deploy",
      undeploy ? "Remove a design's resources from the connected Kubernetes contexts"
               : "Apply a design to the connected Kubernetes contexts (server-side apply)");
  auto flags = std::make_shared<DeployFlags>();
  command
      ->add_option("-f,--file,design", flags->source,
                   "A file, archive or http(s) URL, or the name or id of a stored design")
      ->required();
  command->add_option("-s,--source-type", flags->type,
                      "manifest, compose, helm or design (detected when omitted)");
  command->add_option("--context", flags->contexts,
                      "A context name or id (repeatable; default: every connected one)");
  command->add_flag("--dry-run", flags->dry_run,
                    "Let the API server check everything and store nothing");
  if (!undeploy) {
    command->add_flag("--verify", flags->verify,
                      "Validate every configuration against its schema first");
    command->add_flag("--skip-crd", flags->skip_crd, "Leave CustomResourceDefinitions out");
    command->add_flag("--upgrade", flags->upgrade,
                      "Take over fields another field manager owns (force)");
    command->add_flag("--skip-save", flags->skip_save, "Deploy a file without saving the design");
  }
  command->add_option("-o,--output", flags->output, "Output format: json or yaml");
  command->callback([&session, flags, undeploy] {
    session.setAction([&session, flags, undeploy] { run(session, *flags, undeploy); });
  });
}

}  // namespace

void addDesignDeployCommands(CLI::App& design, Session& session) {
  addCommand(design, session, false);
  addCommand(design, session, true);
}

}  // namespace meshery::cli
