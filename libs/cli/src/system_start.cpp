#include <CLI/CLI.hpp>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "meshery/cli/endpoint.hpp"
#include "meshery/cli/local_server.hpp"
#include "meshery/core/error.hpp"
#include "progress.hpp"
#include "server_probe.hpp"
#include "session.hpp"
#include "system_lifecycle.hpp"

namespace meshery::cli {
namespace {

constexpr auto kPollInterval = std::chrono::milliseconds(200);
constexpr std::size_t kLogTailLines = 20;

void requireLocalPlatform(const std::string& platform) {
  if (platform.empty() || platform == "docker" || platform == "local") return;
  if (platform == "kubernetes") {
    throw Error(ErrorCode::kInvalidArgument, "platform 'kubernetes' is not available yet",
                "This mesheryctl runs Meshery server as a local process; deploying it to a "
                "Kubernetes cluster is not implemented.",
                "Use --platform docker (or local), or a context whose platform is docker.");
  }
  throw Error(ErrorCode::kInvalidArgument, "unknown platform '" + platform + "'",
              "Supported platforms are docker and local (both run meshery-server on this machine).",
              "Use --platform docker or --platform local.");
}

Endpoint localEndpoint(const NamedContext& selected) {
  auto endpoint = parseEndpoint(selected.context.endpoint);
  if (endpoint.scheme != "http" || !endpoint.isLoopback()) {
    throw Error(ErrorCode::kInvalidArgument,
                "context '" + selected.name + "' does not point at this machine",
                "Its endpoint " + selected.context.endpoint +
                    " is not an http:// URL on localhost, 127.0.0.1 or ::1; 'system start' runs a "
                    "plain-HTTP server on this machine only.",
                "Switch to a local context, or create one: mesheryctl system context create "
                "local2 --url http://localhost:9081 --set");
  }
  return endpoint;
}

enum class WaitOutcome { kReady, kExited, kTimedOut };

WaitOutcome waitForReady(Session& session, ServerProbe& probe, LocalServer& server, int pid,
                         std::chrono::milliseconds timeout, std::optional<ServerExit>& exit) {
  Progress progress(session.err(), session.interactive(), "Waiting for Meshery server to be ready");
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    if (probe.ready()) return WaitOutcome::kReady;
    exit = server.reapIfExited(pid);
    if (exit || !processAlive(pid)) return WaitOutcome::kExited;
    if (std::chrono::steady_clock::now() >= deadline) return WaitOutcome::kTimedOut;
    std::this_thread::sleep_for(kPollInterval);
    progress.update();
  }
}

std::vector<std::string> serverArguments(const Endpoint& endpoint, const ServerFiles& files) {
  const std::string address = endpoint.host == "localhost" ? "127.0.0.1" : endpoint.host;
  return {"--address", address, "--port", std::to_string(endpoint.port), "--home", files.home.string()};
}

void confirmRunning(Session& session, ServerProbe& probe, LocalServer& server, int pid,
                    const StartOptions& options, const std::string& url) {
  std::optional<ServerExit> exit;
  switch (waitForReady(session, probe, server, pid, options.timeout, exit)) {
    case WaitOutcome::kReady:
      session.out() << "Meshery server is running at " << url << " (pid " << pid << ")\n";
      return;
    case WaitOutcome::kExited:
      server.removePidFile();
      throw Error(ErrorCode::kUnavailable,
                  "meshery-server exited during start-up" +
                      (exit ? " with exit code " + std::to_string(exit->exit_code) : std::string()),
                  "Last lines of " + server.files().log_file.string() + ":\n" + server.logTail(kLogTailLines),
                  "Fix the problem shown in the log (for example a port already in use: pick another "
                  "port in the context's endpoint) and run 'mesheryctl system start' again.");
    case WaitOutcome::kTimedOut:
      break;
  }
  throw Error(ErrorCode::kTimeout,
              "Meshery server did not become ready within " +
                  std::to_string(std::chrono::duration_cast<std::chrono::seconds>(options.timeout).count()) + "s",
              "It is still running (pid " + std::to_string(pid) + "). Last lines of its log:\n" +
                  server.logTail(kLogTailLines),
              "Check 'mesheryctl system logs', retry with a longer --timeout, or stop it with "
              "'mesheryctl system stop'.");
}

}  // namespace

void checkStartable(Session& session, const StartOptions& options) {
  const auto selected = session.selectedContext();
  requireLocalPlatform(options.platform.empty() ? selected.context.platform : options.platform);
  localEndpoint(selected);
}

void startServer(Session& session, const StartOptions& options) {
  checkStartable(session, options);
  const auto selected = session.selectedContext();
  const auto endpoint = localEndpoint(selected);
  const auto url = endpoint.baseUrl();
  LocalServer server(session.serverFiles());
  ServerProbe probe(endpoint, std::chrono::seconds(2));

  if (const auto pid = server.runningPid()) {
    const auto port = commandLineValue(*pid, "--port");
    if (port && *port != std::to_string(endpoint.port)) {
      throw Error(ErrorCode::kConflict,
                  "a local Meshery server already runs on port " + *port + " (pid " + std::to_string(*pid) + ")",
                  "Context '" + selected.name + "' expects port " + std::to_string(endpoint.port) +
                      "; one MESHERY_HOME has one local server.",
                  "Stop it with 'mesheryctl system stop', or switch to the context it serves.");
    }
    session.out() << "Meshery server is already running (pid " << *pid << ")\n";
    confirmRunning(session, probe, server, *pid, options, url);
    return;
  }
  if (server.recordedPid()) {
    session.debug("removing stale pid file " + server.files().pid_file.string());
    server.removePidFile();
  }
  if (probe.ready()) {
    session.out() << "A Meshery server not started by mesheryctl already answers at " << url
                  << "; nothing to start.\n";
    return;
  }
  const auto binary = findServerBinary();
  const auto args = serverArguments(endpoint, server.files());
  session.debug("starting " + binary.string() + " with log " + server.files().log_file.string());
  const int pid = server.spawn(binary, args);
  session.out() << "Starting Meshery server (pid " << pid << ") for context '" << selected.name << "'\n"
                << std::flush;
  confirmRunning(session, probe, server, pid, options, url);
}

void addSystemStartCommand(CLI::App& system, Session& session) {
  auto* command = system.add_subcommand("start", "Start Meshery server on this machine");
  auto timeout = std::make_shared<std::string>("60s");
  auto options = std::make_shared<StartOptions>();
  command->add_option("--timeout", *timeout, "How long to wait for readiness (seconds or e.g. 2m)")
      ->capture_default_str();
  command->add_option("-p,--platform", options->platform, "Platform: docker or local (a local process)");
  command->add_flag("--skip-browser")->description("Accepted for compatibility; mesheryctl never opens a browser");
  command->add_flag("--skip-update")->description("Accepted for compatibility; there is no image to update");
  command->callback([&session, timeout, options] {
    session.setAction([&session, timeout, options] {
      options->timeout = parseTimeoutFlag(*timeout);
      startServer(session, *options);
    });
  });
}

}  // namespace meshery::cli
