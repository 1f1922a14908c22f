#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "meshery/cli/endpoint.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/build_info.hpp"
#include "meshery/core/error.hpp"
#include "server_probe.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

std::string textField(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return "-";
  return found->is_string() ? found->get<std::string>() : found->dump();
}

struct ServerAnswer {
  nlohmann::json version;  ///< null when the server did not answer
  std::string endpoint;
  std::string problem;
};

ServerAnswer askServer(Session& session) {
  ServerAnswer answer;
  try {
    const auto endpoint_text = session.config().context(session.config().currentContextName()).endpoint;
    answer.endpoint = endpoint_text;
    ServerProbe probe(parseEndpoint(endpoint_text));
    answer.version = probe.version();
  } catch (const Error& error) {
    answer.problem = error.message() + (error.cause().empty() ? "" : " (" + error.cause() + ")");
  }
  return answer;
}

void printVersion(Session& session, const std::string& output) {
  const auto format = parseOutputFormat(output);
  const auto& build = buildInfo();
  const nlohmann::json client{{"version", build.version},
                              {"commitsha", build.commit_sha},
                              {"release_channel", build.release_channel}};
  const auto server = askServer(session);
  if (format != OutputFormat::kText) {
    nlohmann::json document{{"client", client}, {"server", server.version}};
    if (!server.problem.empty()) document["server_error"] = server.problem;
    session.out() << renderDocument(document, format);
    return;
  }
  std::vector<std::vector<std::string>> rows{
      {"Client", std::string(build.version), std::string(build.commit_sha), std::string(build.release_channel)}};
  if (!server.version.is_null()) {
    rows.push_back({"Server", textField(server.version, "build"), textField(server.version, "commitsha"),
                    textField(server.version, "release_channel")});
  }
  session.out() << renderTable({"Category", "Version", "GitSHA", "Channel"}, rows);
  if (!server.problem.empty()) {
    session.err() << "Note: the Meshery server is not reachable"
                  << (server.endpoint.empty() ? "" : " at " + server.endpoint) << ": " << server.problem
                  << "\nRun 'mesheryctl system start' to start a local server.\n";
  } else if (server.version.is_object() && server.version.value("outdated", false)) {
    session.out() << "A newer Meshery release is available: " << textField(server.version, "latest") << '\n';
  }
}

}  // namespace

void addVersionCommand(CLI::App& parent, Session& session) {
  auto* command = parent.add_subcommand("version", "Print the client and server versions");
  auto output = std::make_shared<std::string>();
  command->add_option("-o,--output", *output, "Output format: json or yaml");
  command->callback([&session, output] { session.setAction([&session, output] { printVersion(session, *output); }); });
}

}  // namespace meshery::cli
