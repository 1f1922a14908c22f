// mesheryctl design evaluate: a design's relationships as Meshery's
// evaluation finds them, from a file or a stored design; --local evaluates
// here with the bundled models.

#include <CLI/CLI.hpp>
#include <filesystem>
#include <map>
#include <memory>

#include "design_support.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "meshery/design/import.hpp"
#include "meshery/policy/evaluate.hpp"
#include "meshery/yaml/yaml.hpp"
#include "model_files.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

using nlohmann::json;

struct EvaluateFlags {
  std::string source;
  std::string type;
  bool local = false;
  std::string models_dir;
  std::string output;
};

/// The design a file makes, imported here with the bundled models.
json localDesign(const EvaluateFlags& flags, const registry::RegistrySnapshot& registry) {
  if (!isSourceFile(flags.source) || isUrl(flags.source)) {
    throw Error(ErrorCode::kInvalidArgument,
                "--local evaluates a file: " + flags.source + " is not one",
                "without a server there are no stored designs to name",
                "pass -f <file>, or leave --local out to evaluate a stored design");
  }
  auto files = readLocalFiles(flags.source);
  design::ImportSource source{
      files.front().path,
      std::move(files.front().bytes),
      flags.type.empty() ? std::nullopt : design::parseSourceType(flags.type),
      {}};
  design::Design design = design::importDesign(source, registry).design;
  design.expandDeclarations();
  return std::move(design.document);
}

/// The design a file makes (imported by the server, not saved) or the
/// stored design a name or id names.
json serverDesign(Session& session, const EvaluateFlags& flags) {
  ApiClient designs(session, kDesignApi);
  json pattern;
  if (isSourceFile(flags.source)) {
    json request = sourceRequest(flags.source, flags.type, {});
    request["save"] = false;
    request["evaluate"] = false;  // the evaluation below reports the actions
    pattern = designs.post("/import", request, "Importing " + flags.source).at(0);
  } else {
    pattern = findDesign(designs, flags.source);
    if (!pattern.contains("pattern_file")) pattern = designs.get("/" + pattern.value("id", ""), {});
  }
  return yaml::parse(pattern.value("pattern_file", ""));
}

std::string nameOf(const std::map<std::string, std::string>& names, const std::string& id) {
  const auto found = names.find(id);
  return found != names.end() && !found->second.empty() ? found->second : id.substr(0, 8);
}

void printText(std::ostream& out, const json& answer) {
  const json& design = answer["design"];
  std::map<std::string, std::string> names;
  for (const json& component : design.value("components", json::array())) {
    names[component.value("id", "")] =
        component.value("displayName", "") + " (" +
        (component.contains("component") ? component["component"].value("kind", "") : "") + ")";
  }
  const json& relationships = design.value("relationships", json::array());
  out << "Relationships: " << relationships.size() << "\n";
  for (const json& relationship : relationships) {
    const json& allow = relationship["selectors"][0]["allow"];
    out << "  " << relationship.value("kind", "") << "/" << relationship.value("type", "") << "/"
        << relationship.value("subType", "") << "  "
        << nameOf(names, allow["from"][0].value("id", "")) << " -> "
        << nameOf(names, allow["to"][0].value("id", "")) << "  ["
        << relationship.value("status", "") << "]\n";
  }
  const json& actions = answer["actions"];
  out << "Actions: " << actions.size() << "\n";
  for (const json& action : actions) {
    const json& value = action["value"];
    std::string subject = value.value("id", "");
    if (value.contains("item")) {
      const json& item = value["item"];
      subject = item.contains("component")
                    ? nameOf(names, item.value("id", ""))
                    : item.value("kind", "") + "/" + item.value("subType", "") + " " +
                          item.value("id", "").substr(0, 8);
    } else if (value.contains("path")) {
      // A relationship's JSON pointer ("/status"), or a component's field
      // as a list of keys (["configuration", "metadata", "namespace"]).
      const json& path = value["path"];
      std::string where = path.is_string() ? path.get<std::string>() : "";
      if (path.is_array()) {
        subject = nameOf(names, subject);
        for (const json& part : path) {
          if (!where.empty()) where += '.';
          where += part.is_string() ? part.get<std::string>() : part.dump();
        }
      }
      subject += " " + where + " = " + value["value"].dump();
    }
    out << "  " << action.value("op", "") << "  " << subject << "\n";
  }
}

void evaluate(Session& session, const EvaluateFlags& flags) {
  json answer;
  if (flags.local) {
    auto registry = localRegistry(flags.models_dir);
    policy::EvaluationResult result =
        policy::evaluateWithRegistry(localDesign(flags, *registry), *registry);
    json actions = json::array();
    for (const auto& action : result.actions) {
      actions.push_back({{"op", action.op}, {"value", action.value}});
    }
    answer = {{"design", std::move(result.design)}, {"actions", std::move(actions)}};
  } else {
    json design = serverDesign(session, flags);
    ApiClient registry(session);
    answer = registry.post("relationships/evaluate", {{"design", std::move(design)}},
                           "Evaluating " + flags.source);
  }
  const auto format = parseOutputFormat(flags.output);
  if (format != OutputFormat::kText) {
    session.out() << renderDocument(answer, format);
  } else {
    printText(session.out(), answer);
  }
}

}  // namespace

void addDesignEvaluateCommand(CLI::App& design, Session& session) {
  auto* command = design.add_subcommand(
      "evaluate", "Find a design's relationships (Service to workload, Namespace, RBAC bindings…)");
  auto flags = std::make_shared<EvaluateFlags>();
  command
      ->add_option("-f,--file,design", flags->source,
                   "A file, archive or http(s) URL, or the name or id of a stored design")
      ->required();
  command->add_option("-s,--source-type", flags->type,
                      "manifest, compose or design (detected when omitted)");
  command->add_flag("--local", flags->local,
                    "Evaluate here against the bundled models; no server needed");
  command->add_option("--models-dir", flags->models_dir,
                      "Models for --local (default: beside mesheryctl)");
  command->add_option("-o,--output", flags->output, "Output format: json or yaml");
  command->callback(
      [&session, flags] { session.setAction([&session, flags] { evaluate(session, *flags); }); });
}

}  // namespace meshery::cli
