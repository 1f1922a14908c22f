// mesheryctl relationship list/view/search: the registry's relationship
// definitions over REST. The API has no kind/type/subType filter, so search
// filters client-side.

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cctype>
#include <memory>

#include "meshery/cli/output.hpp"
#include "meshery/core/error.hpp"
#include "commands.hpp"
#include "api_client.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

/// The flags of `relationship search`; empty ones do not filter.
struct RelationshipFilter {
  std::string kind;
  std::string type;
  std::string sub_type;
  std::string model;
  std::string output;
};

std::vector<std::string> relationshipRow(const nlohmann::json& relationship) {
  return {field(relationship, "/kind"), field(relationship, "/type"),
          field(relationship, "/subType"), field(relationship, "/model/name"),
          field(relationship, "/version")};
}

const ListView kRelationshipView{
    "relationships", {"Kind", "Type", "SubType", "Model", "Version"}, relationshipRow};

bool containsIgnoringCase(std::string_view text, std::string_view needle) {
  const auto found = std::search(
      text.begin(), text.end(), needle.begin(), needle.end(),
      [](unsigned char a, unsigned char b) { return std::tolower(a) == std::tolower(b); });
  return found != text.end();
}

void listRelationships(Session& session, const ListFlags& flags) {
  ApiClient registry(session);
  printList(session, registry.get("relationships", pageParams(flags)), kRelationshipView, flags);
}

/// Throws Error(kNotFound) unless the registry has a model called `name`.
void requireModel(ApiClient& registry, const std::string& name) {
  if (!registry.get("models/" + percentEncode(name), {})
           .value("models", nlohmann::json::array())
           .empty())
    return;
  throw Error(ErrorCode::kNotFound, "model '" + name + "' not found",
              "The registry has no model of that name.",
              "Run 'mesheryctl model list' to see the models.");
}

void viewRelationships(Session& session, const std::string& model, const std::string& output) {
  const auto format = parseOutputFormat(output.empty() ? "yaml" : output);
  if (format == OutputFormat::kText) {
    throw Error(ErrorCode::kInvalidArgument, "relationship view prints a document",
                "-o accepts json or yaml here.", "Use -o json or -o yaml.");
  }
  ApiClient registry(session);
  requireModel(registry, model);
  const auto relationships =
      registry.get("models/" + percentEncode(model) + "/relationships", {{"pagesize", "all"}})
          .value("relationships", nlohmann::json::array());
  if (relationships.empty() && output.empty()) {
    session.out() << "Model '" << model << "' has no relationships.\n";
    return;
  }
  session.out() << renderDocument(relationships, format);
}

void searchRelationships(Session& session, const RelationshipFilter& filter) {
  if (filter.kind.empty() && filter.type.empty() && filter.sub_type.empty() &&
      filter.model.empty()) {
    throw Error(ErrorCode::kInvalidArgument, "relationship search needs a filter",
                "None of --kind, --type, --subtype or --model was given.",
                "Pass at least one, e.g. 'mesheryctl relationship search --kind hierarchical'.");
  }
  ApiClient registry(session);
  if (!filter.model.empty()) requireModel(registry, filter.model);
  const std::string path = filter.model.empty()
                               ? "relationships"
                               : "models/" + percentEncode(filter.model) + "/relationships";
  nlohmann::json matches = nlohmann::json::array();
  auto candidates =
      registry.get(path, {{"pagesize", "all"}}).value("relationships", nlohmann::json::array());
  for (auto& relationship : candidates) {
    if (containsIgnoringCase(field(relationship, "/kind"), filter.kind) &&
        containsIgnoringCase(field(relationship, "/type"), filter.type) &&
        containsIgnoringCase(field(relationship, "/subType"), filter.sub_type)) {
      matches.push_back(std::move(relationship));
    }
  }
  const nlohmann::json envelope{{"total_count", matches.size()},
                                {"relationships", std::move(matches)}};
  ListFlags flags;
  flags.output = filter.output;
  printList(session, envelope, kRelationshipView, flags);
}

void addSearchCommand(CLI::App& relationship, Session& session) {
  auto* search =
      relationship.add_subcommand("search", "List relationships by kind, type, subtype or model");
  auto filter = std::make_shared<RelationshipFilter>();
  search->add_option("--kind", filter->kind,
                     "Kind contains this text (hierarchical, edge, sibling)");
  search->add_option("--type", filter->type,
                     "Type contains this text (e.g. parent, binding, non-binding)");
  search->add_option("--subtype", filter->sub_type,
                     "SubType contains this text (e.g. inventory, network)");
  search->add_option("--model", filter->model, "Only relationships of this model");
  search->add_option("-o,--output", filter->output, "Output format: json or yaml");
  search->callback([&session, filter] {
    session.setAction([&session, filter] { searchRelationships(session, *filter); });
  });
}

}  // namespace

void addRelationshipCommand(CLI::App& parent, Session& session) {
  auto* relationship = parent.add_subcommand(
      "relationship", "List, view and search the relationship definitions of the registry");
  relationship->alias("relationships");

  auto* list =
      relationship->add_subcommand("list", "List relationship definitions, one page at a time");
  auto list_flags = std::make_shared<ListFlags>();
  addListFlags(*list, *list_flags);
  list->callback([&session, list_flags] {
    session.setAction([&session, list_flags] { listRelationships(session, *list_flags); });
  });

  auto* view = relationship->add_subcommand(
      "view", "Print the relationships of a model (YAML unless -o json)");
  auto model = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  view->add_option("model", *model, "Model name, e.g. kubernetes")->required();
  view->add_option("-o,--output", *output, "Output format: yaml (default) or json");
  view->callback([&session, model, output] {
    session.setAction([&session, model, output] { viewRelationships(session, *model, *output); });
  });

  addSearchCommand(*relationship, session);
}

}  // namespace meshery::cli
