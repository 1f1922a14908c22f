// mesheryctl component list/view/search: the registry's components over REST.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <memory>

#include "commands.hpp"
#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "api_client.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

/// What `component view` narrows by, besides the kind.
struct ComponentFilter {
  std::string kind;
  std::string model;
  std::string api_version;
  std::string output;
};

std::vector<std::string> componentRow(const nlohmann::json& component) {
  return {field(component, "/component/kind"), field(component, "/component/version"),
          field(component, "/model/name"), field(component, "/model/category/name")};
}

const ListView kComponentView{
    "components", {"Kind", "API Version", "Model", "Category"}, componentRow};

/// "components" under every model, or under `model` when it is set.
std::string componentsPath(const std::string& model) {
  return model.empty() ? "components" : "models/" + percentEncode(model) + "/components";
}

void listComponents(Session& session, const ListFlags& flags, const std::string& model) {
  ApiClient registry(session);
  auto params = pageParams(flags);
  params.emplace_back("trim", "true");
  printList(session, registry.get(componentsPath(model), params), kComponentView, flags);
}

void searchComponents(Session& session, const std::string& text, const ListFlags& flags) {
  ApiClient registry(session);
  const QueryParams params{{"search", text}, {"pagesize", "all"}, {"trim", "true"}};
  printList(session, registry.get("components", params), kComponentView, flags);
}

bool sameIgnoringCase(std::string_view left, std::string_view right) {
  return std::equal(
      left.begin(), left.end(), right.begin(), right.end(),
      [](unsigned char a, unsigned char b) { return std::tolower(a) == std::tolower(b); });
}

/// Components of `filter.kind`: the exact kind first, then the kind in any
/// letter case ("deployment" finds Deployment).
nlohmann::json findComponents(ApiClient& registry, const ComponentFilter& filter) {
  QueryParams params{{"pagesize", "all"}};
  if (!filter.api_version.empty()) params.emplace_back("apiVersion", filter.api_version);
  auto exact = registry.get(componentsPath(filter.model) + "/" + percentEncode(filter.kind), params)
                   .value("components", nlohmann::json::array());
  if (!exact.empty()) return exact;
  params.emplace_back("search", filter.kind);
  nlohmann::json found = nlohmann::json::array();
  auto candidates = registry.get(componentsPath(filter.model), params)
                        .value("components", nlohmann::json::array());
  for (auto& component : candidates) {
    if (sameIgnoringCase(field(component, "/component/kind"), filter.kind))
      found.push_back(std::move(component));
  }
  return found;
}

void viewComponent(Session& session, const ComponentFilter& filter) {
  const auto format = parseOutputFormat(filter.output.empty() ? "yaml" : filter.output);
  if (format == OutputFormat::kText) {
    throw Error(ErrorCode::kInvalidArgument, "component view prints a document",
                "-o accepts json or yaml here.", "Use -o json or -o yaml.");
  }
  ApiClient registry(session);
  const auto found = findComponents(registry, filter);
  if (found.empty()) {
    throw Error(
        ErrorCode::kNotFound, "component '" + filter.kind + "' not found",
        "No component of that kind" +
            (filter.model.empty() ? "" : " in model '" + filter.model + "'") +
            (filter.api_version.empty() ? "" : " with API version " + filter.api_version) + ".",
        "Run 'mesheryctl component search " + filter.kind + "' to see matching components.");
  }
  if (found.size() > 1) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& component : found) rows.push_back(componentRow(component));
    session.err() << renderTable(kComponentView.headers, rows);
    throw Error(ErrorCode::kInvalidArgument,
                std::to_string(found.size()) + " components match '" + filter.kind + "'",
                "The kind exists in several API versions or models (listed above).",
                "Narrow it with --api-version V or --model NAME.");
  }
  session.out() << renderDocument(found.front(), format);
}

void addViewCommand(CLI::App& component, Session& session) {
  auto* view =
      component.add_subcommand("view", "Print a component's definition (YAML unless -o json)");
  auto filter = std::make_shared<ComponentFilter>();
  view->add_option("kind", filter->kind, "Component kind, e.g. Deployment")->required();
  view->add_option("--model", filter->model, "Only components of this model");
  view->add_option("--api-version", filter->api_version, "Only this API version, e.g. apps/v1");
  view->add_option("-o,--output", filter->output, "Output format: yaml (default) or json");
  view->callback([&session, filter] {
    session.setAction([&session, filter] { viewComponent(session, *filter); });
  });
}

}  // namespace

void addComponentCommand(CLI::App& parent, Session& session) {
  auto* component =
      parent.add_subcommand("component", "List, view and search the components of the registry");
  component->alias("components");

  auto* list = component->add_subcommand("list", "List components, one page at a time");
  auto list_flags = std::make_shared<ListFlags>();
  auto model = std::make_shared<std::string>();
  addListFlags(*list, *list_flags);
  list->add_option("--model", *model, "Only components of this model");
  list->callback([&session, list_flags, model] {
    session.setAction(
        [&session, list_flags, model] { listComponents(session, *list_flags, *model); });
  });

  addViewCommand(*component, session);

  addSearchCommand(*component, session, "List the components whose kind contains a text",
                   searchComponents);
}

}  // namespace meshery::cli
