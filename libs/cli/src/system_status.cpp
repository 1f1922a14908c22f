#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "meshery/cli/endpoint.hpp"
#include "meshery/cli/local_server.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "server_probe.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

nlohmann::json collectStatus(Session& session) {
  const auto selected = session.selectedContext();
  const auto endpoint = parseEndpoint(selected.context.endpoint);
  LocalServer server(session.serverFiles());
  const auto pid = server.runningPid();
  ServerProbe probe(endpoint, std::chrono::seconds(2));
  const bool ready = probe.ready();
  nlohmann::json version = nullptr;
  if (pid || ready) {
    try {
      version = probe.version();
    } catch (const Error& error) {
      session.debug("version request failed: " + error.message());
    }
  }
  return nlohmann::json{{"context", selected.name},
                        {"platform", selected.context.platform},
                        {"endpoint", selected.context.endpoint},
                        {"running", pid.has_value() || ready},
                        {"pid", pid ? nlohmann::json(*pid) : nlohmann::json(nullptr)},
                        {"ready", ready},
                        {"version", version},
                        {"log_file", server.files().log_file.string()}};
}

std::string versionText(const nlohmann::json& version) {
  if (!version.is_object()) return "unknown";
  std::string text = version.value("build", std::string("unknown"));
  if (version.contains("commitsha")) text += " (commit " + version.value("commitsha", std::string()) + ")";
  return text;
}

void printStatus(Session& session, const std::string& output) {
  const auto format = parseOutputFormat(output);
  const auto status = collectStatus(session);
  if (format != OutputFormat::kText) {
    session.out() << renderDocument(status, format);
    return;
  }
  auto& out = session.out();
  out << "Context:   " << status["context"].get<std::string>() << " (platform "
      << status["platform"].get<std::string>() << ")\n"
      << "Endpoint:  " << status["endpoint"].get<std::string>() << '\n';
  if (!status["running"].get<bool>()) {
    out << "Status:    not running\n"
        << "Start it with 'mesheryctl system start'.\n";
    return;
  }
  out << "Status:    running"
      << (status["pid"].is_null() ? std::string(" (not started by mesheryctl)")
                                  : " (pid " + status["pid"].dump() + ")")
      << '\n'
      << "Ready:     " << (status["ready"].get<bool>() ? "yes" : "no") << '\n'
      << "Version:   " << versionText(status["version"]) << '\n'
      << "Log file:  " << status["log_file"].get<std::string>() << '\n';
}

}  // namespace

void addSystemStatusCommand(CLI::App& system, Session& session) {
  auto* command = system.add_subcommand("status", "Show whether Meshery server runs, its version and readiness");
  auto output = std::make_shared<std::string>();
  command->add_option("-o,--output", *output, "Output format: json or yaml");
  command->callback([&session, output] { session.setAction([&session, output] { printStatus(session, *output); }); });
}

}  // namespace meshery::cli
