// mesheryctl model list/view/search (import, export and generate live beside
// this file): the registry's models over REST.

#include <CLI/CLI.hpp>
#include <memory>

#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "commands.hpp"
#include "api_client.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

std::vector<std::string> modelRow(const nlohmann::json& model) {
  return {field(model, "/name"), field(model, "/category/name"), field(model, "/model/version"),
          field(model, "/components_count"), field(model, "/relationships_count")};
}

const ListView kModelView{
    "models", {"Name", "Category", "Version", "Components", "Relationships"}, modelRow};

void listModels(Session& session, const ListFlags& flags) {
  ApiClient registry(session);
  printList(session, registry.get("models", pageParams(flags)), kModelView, flags);
}

void searchModels(Session& session, const std::string& text, const ListFlags& flags) {
  ApiClient registry(session);
  printList(session, registry.get("models", {{"search", text}, {"pagesize", "all"}}), kModelView,
            flags);
}

void viewModel(Session& session, const std::string& name, const std::string& output) {
  const auto format = parseOutputFormat(output.empty() ? "yaml" : output);
  if (format == OutputFormat::kText) {
    throw Error(ErrorCode::kInvalidArgument, "model view prints a document",
                "-o accepts json or yaml here.", "Use -o json or -o yaml.");
  }
  ApiClient registry(session);
  const auto envelope = registry.get("models/" + percentEncode(name), {{"pagesize", "all"}});
  const auto models = envelope.value("models", nlohmann::json::array());
  if (models.empty()) {
    throw Error(
        ErrorCode::kNotFound, "model '" + name + "' not found",
        "The registry has no model of that name.",
        "Run 'mesheryctl model search " + name + "' or 'mesheryctl model list' to see the models.");
  }
  session.out() << renderDocument(models.size() == 1 ? models.front() : models, format);
}

}  // namespace

void addModelCommand(CLI::App& parent, Session& session) {
  auto* model =
      parent.add_subcommand("model", "List, view, search, import, export and generate models");

  auto* list = model->add_subcommand("list", "List the registry's models, one page at a time");
  auto list_flags = std::make_shared<ListFlags>();
  addListFlags(*list, *list_flags);
  list->callback([&session, list_flags] {
    session.setAction([&session, list_flags] { listModels(session, *list_flags); });
  });

  auto* view = model->add_subcommand("view", "Print a model's definition (YAML unless -o json)");
  auto name = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  view->add_option("name", *name, "Model name, e.g. kubernetes")->required();
  view->add_option("-o,--output", *output, "Output format: yaml (default) or json");
  view->callback([&session, name, output] {
    session.setAction([&session, name, output] { viewModel(session, *name, *output); });
  });

  addSearchCommand(*model, session, "List the models whose name contains a text", searchModels);
  addModelTransferCommands(*model, session);
  addModelGenerateCommand(*model, session);
}

}  // namespace meshery::cli
