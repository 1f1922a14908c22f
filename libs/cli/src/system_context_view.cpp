#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "meshery/cli/output.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

struct ViewOptions {
  std::string name;
  bool all = false;
  std::string output;
};

nlohmann::json allContexts(const Config& config) {
  return nlohmann::json{{"contexts", config.document().at("contexts")},
                        {"current-context", config.currentContextName()}};
}

void listContexts(Session& session, const std::string& output) {
  const auto format = parseOutputFormat(output);
  const auto& config = session.config();
  if (format != OutputFormat::kText) {
    session.out() << renderDocument(allContexts(config), format);
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& name : config.contextNames()) {
    const auto context = config.context(name);
    rows.push_back({name == config.currentContextName() ? "*" : "", name, context.endpoint, context.platform});
  }
  session.out() << renderTable({"Current", "Name", "Endpoint", "Platform"}, rows);
}

void viewContext(Session& session, const ViewOptions& options) {
  const auto format = parseOutputFormat(options.output);
  const auto& config = session.config();
  if (options.all) {
    session.out() << renderDocument(allContexts(config), format == OutputFormat::kJson ? format : OutputFormat::kYaml);
    return;
  }
  std::string name = options.name;
  if (name.empty()) name = session.options().context_name;
  if (name.empty()) name = config.currentContextName();
  const auto document = config.contextDocument(name);
  if (format != OutputFormat::kText) {
    session.out() << renderDocument(document, format);
    return;
  }
  session.out() << "Context: " << name << (name == config.currentContextName() ? " (current)" : "") << '\n'
                << renderYaml(document);
}

}  // namespace

void addContextListCommand(CLI::App& context, Session& session) {
  auto* command = context.add_subcommand("list", "List the contexts; * marks the current one");
  auto output = std::make_shared<std::string>();
  command->add_option("-o,--output", *output, "Output format: json or yaml");
  command->callback([&session, output] { session.setAction([&session, output] { listContexts(session, *output); }); });
}

void addContextViewCommand(CLI::App& context, Session& session) {
  auto* command = context.add_subcommand("view", "Show a context (default: the current one)");
  auto options = std::make_shared<ViewOptions>();
  command->add_option("name", options->name, "Context to show (or -c NAME)");
  command->add_flag("-a,--all", options->all, "Show every context");
  command->add_option("-o,--output", options->output, "Output format: json or yaml");
  command->callback([&session, options] { session.setAction([&session, options] { viewContext(session, *options); }); });
}

}  // namespace meshery::cli
