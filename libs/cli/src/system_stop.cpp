#include <signal.h>

#include <CLI/CLI.hpp>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "meshery/cli/local_server.hpp"
#include "meshery/core/error.hpp"
#include "progress.hpp"
#include "session.hpp"
#include "system_lifecycle.hpp"

namespace meshery::cli {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(100);
constexpr auto kKillGrace = std::chrono::seconds(5);

/// Waits until `pid` is gone or the deadline passes; true when it is gone.
bool waitForExit(Session& session, int pid, std::chrono::milliseconds timeout, const std::string& message) {
  Progress progress(session.err(), session.interactive(), message);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (processAlive(pid)) {
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(kPollInterval);
    progress.update();
  }
  return true;
}

}  // namespace

void stopServer(Session& session, std::chrono::milliseconds timeout) {
  LocalServer server(session.serverFiles());
  const auto pid = server.runningPid();
  if (!pid) {
    if (server.recordedPid()) {
      session.debug("removing stale pid file " + server.files().pid_file.string());
      server.removePidFile();
    }
    session.out() << "Meshery server is not running.\n";
    return;
  }
  session.out() << "Stopping Meshery server (pid " << *pid << ")\n" << std::flush;
  sendSignal(*pid, SIGTERM);
  if (!waitForExit(session, *pid, timeout, "Waiting for Meshery server to stop")) {
    session.err() << "Warning: meshery-server (pid " << *pid << ") did not stop within "
                  << std::chrono::duration_cast<std::chrono::seconds>(timeout).count()
                  << "s; sending SIGKILL\n";
    sendSignal(*pid, SIGKILL);
    if (!waitForExit(session, *pid, kKillGrace, "Waiting for Meshery server to be killed")) {
      throw Error(ErrorCode::kTimeout, "meshery-server (pid " + std::to_string(*pid) + ") does not exit",
                  "It survived SIGTERM and SIGKILL (it may be stuck in the kernel, e.g. on a hung disk).",
                  "Inspect it with 'ps -o pid,stat,cmd -p " + std::to_string(*pid) +
                      "'; the pid file is kept until it exits.");
    }
  }
  server.removePidFile();
  session.out() << "Meshery server stopped.\n";
}

void addSystemStopCommand(CLI::App& system, Session& session) {
  auto* command = system.add_subcommand("stop", "Stop the Meshery server started on this machine");
  auto timeout = std::make_shared<std::string>("60s");
  command->add_option("--timeout", *timeout, "How long to wait before sending SIGKILL (seconds or e.g. 2m)")
      ->capture_default_str();
  command->callback([&session, timeout] {
    session.setAction([&session, timeout] { stopServer(session, parseTimeoutFlag(*timeout)); });
  });
}

}  // namespace meshery::cli
