#include <CLI/CLI.hpp>
#include <memory>

#include "commands.hpp"
#include "meshery/cli/endpoint.hpp"
#include "meshery/core/error.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

struct CreateOptions {
  std::string name;
  std::string url;
  std::string platform;
  std::vector<std::string> components;
  bool set_current = false;
};

void requireKnownPlatform(const std::string& platform) {
  if (platform == "docker" || platform == "local" || platform == "kubernetes") return;
  throw Error(ErrorCode::kInvalidArgument, "unknown platform '" + platform + "'",
              "A context's platform is docker, local or kubernetes.",
              "Pass --platform docker (a local process), local, or kubernetes.");
}

void createContext(Session& session, const CreateOptions& options) {
  auto& config = session.config();
  if (config.hasContext(options.name)) {
    throw Error(ErrorCode::kAlreadyExists, "context '" + options.name + "' already exists",
                "The configuration " + session.configPath().string() + " already has a context of that name.",
                "Choose another name, or delete it first with 'mesheryctl system context delete " +
                    options.name + "'.");
  }
  Context context = defaultContext();
  if (!options.url.empty()) {
    parseEndpoint(options.url);
    context.endpoint = options.url;
  }
  if (!options.platform.empty()) {
    requireKnownPlatform(options.platform);
    context.platform = options.platform;
  }
  context.components = options.components;
  config.setContext(options.name, context);
  if (options.set_current) config.setCurrentContext(options.name);
  session.saveConfig();
  session.out() << "Added context '" << options.name << "' (" << context.endpoint << ").\n";
  if (options.set_current) session.out() << "Current context is now '" << options.name << "'.\n";
}

void switchContext(Session& session, const std::string& name) {
  auto& config = session.config();
  if (config.currentContextName() == name && config.hasContext(name)) {
    session.out() << "Already using context '" << name << "'.\n";
    return;
  }
  config.setCurrentContext(name);
  session.saveConfig();
  session.out() << "Switched to context '" << name << "'.\n";
}

void deleteContext(Session& session, const std::string& name) {
  auto& config = session.config();
  config.requireContext(name);
  std::string successor;
  if (config.currentContextName() == name) {
    for (const auto& candidate : config.contextNames()) {
      if (candidate != name) {
        successor = candidate;
        break;
      }
    }
    if (successor.empty()) {
      throw Error(ErrorCode::kConflict, "cannot delete '" + name + "', the only context",
                  "mesheryctl always needs a current context.",
                  "Create another context first: mesheryctl system context create NAME --url URL --set");
    }
  }
  config.removeContext(name);
  if (!successor.empty()) config.setCurrentContext(successor);
  session.saveConfig();
  session.out() << "Deleted context '" << name << "'.\n";
  if (!successor.empty()) session.out() << "Current context is now '" << successor << "'.\n";
}

void addCreate(CLI::App& context, Session& session) {
  auto* command = context.add_subcommand("create", "Add a context");
  auto options = std::make_shared<CreateOptions>();
  command->add_option("name", options->name, "Name of the new context")->required();
  command->add_option("-u,--url", options->url, "Endpoint of its Meshery server (default http://localhost:9081)");
  command->add_option("-p,--platform", options->platform, "Platform: docker (default), local or kubernetes");
  command->add_option("-a,--components,--adapters", options->components, "Components to deploy")->delimiter(',');
  command->add_flag("-s,--set", options->set_current, "Make it the current context");
  command->callback([&session, options] { session.setAction([&session, options] { createContext(session, *options); }); });
}

void addNamed(CLI::App& context, Session& session, const char* verb, const char* help,
              void (*action)(Session&, const std::string&)) {
  auto* command = context.add_subcommand(verb, help);
  auto name = std::make_shared<std::string>();
  command->add_option("name", *name, "Name of the context")->required();
  command->callback([&session, name, action] { session.setAction([&session, name, action] { action(session, *name); }); });
}

}  // namespace

void addSystemContextCommand(CLI::App& system, Session& session) {
  auto* context = system.add_subcommand("context", "Manage contexts: the Meshery servers mesheryctl talks to");
  addCreate(*context, session);
  addContextListCommand(*context, session);
  addNamed(*context, session, "switch", "Make a context the current one", switchContext);
  addContextViewCommand(*context, session);
  addNamed(*context, session, "delete", "Delete a context (the current one passes to another)", deleteContext);
}

}  // namespace meshery::cli
