#include <CLI/CLI.hpp>
#include <map>
#include <memory>

#include "commands.hpp"
#include "completion_tree.hpp"
#include "meshery/core/error.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

/// Values offered after flags whose set of values is fixed, by long name.
const std::map<std::string, std::vector<std::string>>& flagValues() {
  static const std::map<std::string, std::vector<std::string>> kValues{
      {"output", {"json", "yaml"}}, {"platform", {"docker", "local", "kubernetes"}}};
  return kValues;
}

/// Values of positional arguments, by command path.
const std::map<std::string, std::vector<std::string>>& argumentValues() {
  static const std::map<std::string, std::vector<std::string>> kValues{
      {"mesheryctl completion", {"bash", "zsh", "fish"}}, {"mesheryctl system logs", {"meshery"}}};
  return kValues;
}

CompletionFlag describeFlag(const CLI::Option& option) {
  CompletionFlag flag;
  flag.short_names = option.get_snames();
  flag.long_names = option.get_lnames();
  flag.description = option.get_description();
  flag.takes_value = option.get_type_size() != 0;
  for (const auto& name : flag.long_names) {
    if (auto found = flagValues().find(name); found != flagValues().end()) flag.values = found->second;
  }
  return flag;
}

void collect(const CLI::App& app, const std::string& path, std::vector<CompletionCommand>& out) {
  CompletionCommand command;
  command.path = path;
  command.description = app.get_description();
  if (auto found = argumentValues().find(path); found != argumentValues().end()) {
    command.argument_values = found->second;
  }
  for (const auto* option : app.get_options()) {
    if (option->nonpositional()) command.flags.push_back(describeFlag(*option));
  }
  const auto children = app.get_subcommands([](const CLI::App*) { return true; });
  for (const auto* child : children) command.subcommands.push_back(child->get_name());
  out.push_back(std::move(command));
  for (const auto* child : children) collect(*child, path + " " + child->get_name(), out);
}

void printCompletion(Session& session, const CLI::App& root, const std::string& shell) {
  std::vector<CompletionCommand> commands;
  collect(root, root.get_name(), commands);
  if (shell == "bash") {
    session.out() << bashCompletion(commands);
  } else if (shell == "zsh") {
    session.out() << zshCompletion(commands);
  } else if (shell == "fish") {
    session.out() << fishCompletion(commands);
  } else {
    throw Error(ErrorCode::kInvalidArgument, "unsupported shell '" + shell + "'",
                "Completion scripts exist for bash, zsh and fish.",
                "Run 'mesheryctl completion bash', 'mesheryctl completion zsh' or 'mesheryctl completion fish'.");
  }
}

}  // namespace

void addCompletionCommand(CLI::App& parent, Session& session) {
  auto* command = parent.add_subcommand(
      "completion", "Print a shell completion script (bash, zsh or fish); e.g. source <(mesheryctl completion bash)");
  auto shell = std::make_shared<std::string>();
  command->add_option("shell", *shell, "bash, zsh or fish")->required();
  const CLI::App* root = &parent;
  command->callback([&session, shell, root] {
    session.setAction([&session, shell, root] { printCompletion(session, *root, *shell); });
  });
}

}  // namespace meshery::cli
