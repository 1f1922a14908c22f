#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "session.hpp"
#include "system_lifecycle.hpp"

namespace meshery::cli {

void addSystemRestartCommand(CLI::App& system, Session& session) {
  auto* command = system.add_subcommand("restart", "Stop, then start Meshery server on this machine");
  auto timeout = std::make_shared<std::string>("60s");
  auto options = std::make_shared<StartOptions>();
  command->add_option("--timeout", *timeout, "Deadline for stopping and for readiness (seconds or e.g. 2m)")
      ->capture_default_str();
  command->add_option("-p,--platform", options->platform, "Platform: docker or local (a local process)");
  command->add_flag("--skip-browser")->description("Accepted for compatibility; mesheryctl never opens a browser");
  command->callback([&session, timeout, options] {
    session.setAction([&session, timeout, options] {
      options->timeout = parseTimeoutFlag(*timeout);
      checkStartable(session, *options);
      stopServer(session, options->timeout);
      startServer(session, *options);
    });
  });
}

}  // namespace meshery::cli
