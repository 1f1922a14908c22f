#include "meshery/cli/run.hpp"

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <iostream>

#include "commands.hpp"
#include "meshery/core/error.hpp"
#include "meshery/core/log.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

void printError(std::ostream& err, const Error& error) {
  err << "Error: " << error.message() << '\n';
  if (!error.cause().empty()) err << "Cause: " << error.cause() << '\n';
  if (!error.remedy().empty()) err << "Remedy: " << error.remedy() << '\n';
}

CLI::App* deepestSelected(CLI::App& app) {
  CLI::App* current = &app;
  for (auto selected = current->get_subcommands(); !selected.empty(); selected = current->get_subcommands()) {
    current = selected.front();
  }
  return current;
}

std::string commandPath(const CLI::App* app) {
  std::string path;
  for (; app != nullptr; app = app->get_parent()) path = app->get_name() + (path.empty() ? "" : " " + path);
  return path;
}

void buildCommandTree(CLI::App& app, Session& session) {
  app.fallthrough();
  app.add_option("--config", session.options().config_path,
                 "Path to the mesheryctl configuration (default $MESHERY_HOME/config.yaml)");
  app.add_flag("-v,--verbose", session.options().verbose, "Print debug information to stderr");
  addSystemCommand(app, session);
  addModelCommand(app, session);
  addDesignCommand(app, session);
  addChartCommand(app, session);
  addComponentCommand(app, session);
  addConnectionCommand(app, session);
  addRelationshipCommand(app, session);
  addVersionCommand(app, session);
  addCompletionCommand(app, session);
}

int runParsed(CLI::App& app, Session& session, std::vector<std::string> args) {
  std::reverse(args.begin(), args.end());
  try {
    app.parse(args);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help, session.out(), session.err());
  } catch (const CLI::ParseError& error) {
    const auto* failing = deepestSelected(app);
    printError(session.err(), Error(ErrorCode::kInvalidArgument, error.what(), {},
                                    "Run '" + commandPath(failing) + " --help' for usage."));
    return 1;
  }
  log::configure(log::Format::kText, session.options().verbose ? log::Level::kDebug : log::Level::kWarn);
  if (!session.runAction()) {
    const auto* selected = deepestSelected(app);
    session.out() << selected->help(selected->get_parent() == nullptr ? "" : commandPath(selected->get_parent()));
  }
  return 0;
}

int runWith(const std::vector<std::string>& args, std::ostream& out, std::ostream& err, bool interactive) {
  Session session(out, err, interactive);
  CLI::App app("Meshery's command line interface: manage the lifecycle of Meshery and its contexts",
               "mesheryctl");
  try {
    buildCommandTree(app, session);
    const int code = runParsed(app, session, args);
    out.flush();
    return code;
  } catch (const Error& error) {
    out.flush();
    printError(err, error);
  } catch (const std::exception& error) {
    out.flush();
    printError(err, Error(ErrorCode::kInternal, error.what()));
  }
  return 1;
}

}  // namespace

int run(int argc, char** argv) {
  std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
  return runWith(args, std::cout, std::cerr, ::isatty(STDERR_FILENO) == 1);
}

int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  return runWith(args, out, err, false);
}

}  // namespace meshery::cli
