// mesheryctl connection list/view/delete, and system config --kubeconfig:
// connect every context of a kubeconfig (its files read and inlined here,
// as `kubectl config view --flatten` would) and show what became of each.

#include <CLI/CLI.hpp>
#include <memory>

#include "api_client.hpp"
#include "commands.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "meshery/core/uuid.hpp"
#include "meshery/kube/kubeconfig.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

using nlohmann::json;

constexpr std::string_view kApi = "/api/";

std::vector<std::string> connectionRow(const json& connection) {
  return {field(connection, "/id"), field(connection, "/name"), field(connection, "/kind"),
          field(connection, "/status"), field(connection, "/metadata/server"),
          field(connection, "/metadata/server_version")};
}

const ListView kConnectionView{
    "connections", {"ID", "Name", "Kind", "Status", "Server", "Version"}, connectionRow};

struct ConnectionFilter {
  ListFlags list;
  std::vector<std::string> kinds;
  std::vector<std::string> statuses;
};

void listConnections(Session& session, const ConnectionFilter& filter) {
  ApiClient api(session, kApi);
  QueryParams params = pageParams(filter.list);
  for (const std::string& kind : filter.kinds) params.emplace_back("kind", kind);
  for (const std::string& status : filter.statuses) params.emplace_back("status", status);
  printList(session, api.get("integrations/connections", params), kConnectionView, filter.list);
}

/// The connection an argument names: its id, or its exact name.
json findConnection(ApiClient& api, const std::string& name_or_id) {
  if (Uuid::parse(name_or_id)) return api.get("integrations/connections/" + name_or_id, {});
  const json page =
      api.get("integrations/connections", {{"search", name_or_id}, {"pagesize", "all"}});
  json found = json::array();
  for (const json& connection : page.value("connections", json::array())) {
    if (connection.value("name", "") == name_or_id) found.push_back(connection);
  }
  if (found.size() == 1) return found.front();
  throw Error(found.empty() ? ErrorCode::kNotFound : ErrorCode::kInvalidArgument,
              found.empty() ? "connection '" + name_or_id + "' not found"
                            : "several connections are named '" + name_or_id + "'",
              found.empty() ? "No connection has this id or name."
                            : "Connections of different kinds share the name.",
              "Run 'mesheryctl connection list' and use the connection's ID.");
}

void viewConnection(Session& session, const std::string& name_or_id, const std::string& output) {
  const auto format = parseOutputFormat(output.empty() ? "yaml" : output);
  if (format == OutputFormat::kText) {
    throw Error(ErrorCode::kInvalidArgument, "connection view prints a document",
                "-o accepts json or yaml here.", "Use -o json or -o yaml.");
  }
  ApiClient api(session, kApi);
  session.out() << renderDocument(findConnection(api, name_or_id), format);
}

void deleteConnection(Session& session, const std::string& name_or_id) {
  ApiClient api(session, kApi);
  const json connection = findConnection(api, name_or_id);
  api.remove("integrations/connections/" + connection.value("id", ""));
  session.out() << "Connection " << connection.value("name", "") << " ("
                << connection.value("kind", "") << ") deleted\n";
}

/// The answer of POST /api/system/kubernetes, one row per context.
void printContextOutcomes(Session& session, const json& answer) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, result] :
       {std::pair{"connectedContexts", "connected"}, std::pair{"registeredContexts", "registered"},
        std::pair{"ignoredContexts", "ignored"}, std::pair{"erroredContexts", "errored"}}) {
    for (const json& context : answer.value(key, json::array())) {
      std::string detail = context.value("error", context.value("reason", ""));
      if (detail.empty()) detail = context.value("version", "");
      rows.push_back({context.value("name", ""), result, context.value("server", ""), detail});
    }
  }
  session.out() << renderTable({"Context", "Result", "Server", "Version or reason"}, rows);
}

struct KubeconfigUpload {
  std::string file;
  std::vector<std::string> contexts;
  std::string output;
};

void uploadKubeconfig(Session& session, const KubeconfigUpload& upload) {
  const kube::FlattenedKubeconfig flattened = kube::flatten(kube::loadKubeconfig(upload.file));
  for (const auto& [context, reason] : flattened.skipped)
    session.err() << "skipped context " << context << ": " << reason << "\n";
  if (flattened.document["contexts"].empty()) {
    throw Error(ErrorCode::kInvalidArgument, "no context of " + upload.file + " can be used",
                "every context failed to resolve here (listed above)",
                "fix the kubeconfig: kubectl config view --kubeconfig " + upload.file);
  }
  ApiClient api(session, kApi);
  const json body = {{"kubeconfig", flattened.document.dump()}, {"contexts", upload.contexts}};
  const auto answer = postForText(session, api, "system/kubernetes", body,
                                  "Connecting the kubeconfig's contexts", upload.output);
  if (answer) printContextOutcomes(session, *answer);
}

}  // namespace

void addConnectionCommand(CLI::App& parent, Session& session) {
  auto* connection = parent.add_subcommand("connection", "Manage connections (Kubernetes clusters…)");
  connection->require_subcommand(1);

  auto* list = connection->add_subcommand("list", "List connections");
  auto filter = std::make_shared<ConnectionFilter>();
  addListFlags(*list, filter->list);
  list->add_option("--kind", filter->kinds, "Only connections of these kinds, e.g. kubernetes");
  list->add_option("--status", filter->statuses, "Only connections in these states, e.g. connected");
  list->callback([&session, filter] {
    session.setAction([&session, filter] { listConnections(session, *filter); });
  });

  auto* view = connection->add_subcommand("view", "Print a connection (YAML unless -o json)");
  auto name = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  view->add_option("connection", *name, "The connection's ID or name")->required();
  view->add_option("-o,--output", *output, "Output format: yaml (default) or json");
  view->callback([&session, name, output] {
    session.setAction([&session, name, output] { viewConnection(session, *name, *output); });
  });

  auto* remove = connection->add_subcommand("delete", "Delete a connection");
  auto target = std::make_shared<std::string>();
  remove->add_option("connection", *target, "The connection's ID or name")->required();
  remove->callback([&session, target] {
    session.setAction([&session, target] { deleteConnection(session, *target); });
  });
}

void addSystemConfigCommand(CLI::App& system, Session& session) {
  auto* config = system.add_subcommand(
      "config", "Connect the Kubernetes clusters of a kubeconfig (every context, or those named)");
  auto upload = std::make_shared<KubeconfigUpload>();
  config->add_option("--kubeconfig", upload->file, "The kubeconfig file, e.g. ~/.kube/config")
      ->required();
  config->add_option("--context", upload->contexts, "Only these contexts (repeatable)");
  config->add_option("-o,--output", upload->output, "Output format: json or yaml");
  config->callback([&session, upload] {
    session.setAction([&session, upload] { uploadKubeconfig(session, *upload); });
  });
}

}  // namespace meshery::cli
