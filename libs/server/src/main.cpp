#include "meshery/server/main.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <cstdlib>
#include <map>

#include "meshery/api/provider.hpp"
#include "meshery/api/registry_restore.hpp"
#include "meshery/api/routes.hpp"
#include "meshery/core/build_info.hpp"
#include "meshery/core/error.hpp"
#include "meshery/core/heap.hpp"
#include "meshery/core/log.hpp"
#include "meshery/http/metrics.hpp"
#include "meshery/http/server.hpp"
#include "meshery/http/static_files.hpp"
#include "meshery/registry/registry.hpp"
#include "meshery/server/options.hpp"
#include "meshery/store/secret_box.hpp"
#include "meshery/store/store.hpp"
#include "cluster_discovery.hpp"
#include "model_loading.hpp"

namespace meshery::server {
namespace {

std::optional<std::string> environment(const std::string& name) {
  const char* value = std::getenv(name.c_str());
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

/// The configuration file: --config, else MESHERY_CONFIG, else
/// $MESHERY_HOME/server/config.yaml when it exists.
std::optional<std::filesystem::path> configFile(const std::map<std::string, std::string>& flags,
                                                const std::filesystem::path& user_home) {
  if (auto it = flags.find("config"); it != flags.end()) return it->second;
  if (auto value = environment(Settings::environmentName("config"))) return *value;
  std::filesystem::path home = user_home / ".meshery";
  if (auto it = flags.find("home"); it != flags.end()) home = it->second;
  else if (auto value = environment(Settings::environmentName("home"))) home = *value;
  auto candidate = home / "server" / "config.yaml";
  std::error_code ec;
  if (std::filesystem::exists(candidate, ec)) return candidate;
  return std::nullopt;
}

std::optional<std::filesystem::path> webRoot(const Options& options) {
  if (options.web_root) return options.web_root;
  std::error_code ec;
  auto candidate = std::filesystem::current_path(ec) / "web" / "dist";
  if (!ec && std::filesystem::exists(candidate / "index.html", ec)) return candidate;
  return std::nullopt;
}

int serve(const Options& options) {
  tuneHeapForDocuments();
  log::configure(options.log_format, options.log_level);
  auto store = store::openStore(options.database_url);
  api::LocalProvider provider;
  provider.seed(*store);
  http::Metrics metrics;
  registry::Registry registry;
  auto models_dir = modelsDirectory(options.models_dir);
  if (models_dir) loadModels(*models_dir, registry);
  // Imported models and status changes, on top of the bundled models.
  api::RestoredRegistry restored = api::restoreRegistry(*store, registry);
  if (restored.definitions + restored.statuses + restored.damaged > 0) {
    log::info("registry restored from the store",
              {{"definitions", std::to_string(restored.definitions)},
               {"statuses", std::to_string(restored.statuses)},
               {"damaged", std::to_string(restored.damaged)}});
  }
  api::Services services{*store, provider, metrics, registry, api::loadOpenApi()};
  // Connection credentials are sealed under a key only this server's home holds.
  const auto secrets = store::SecretBox::fromKeyFile(options.home / "server" / "credentials.key");
  services.secrets = &secrets;
  events::Bus bus;
  EmbeddedMeshSync meshsync(*store, secrets, bus);
  services.discovery = &meshsync;
  http::Router router;
  api::registerRoutes(router, services);
  auto web_root = webRoot(options);
  if (web_root) router.setFallback(http::staticFiles(*web_root), {http::Dispatch::kBlocking, 0, "web UI"});

  http::Server server(options.http, std::move(router), &metrics);
  server.stopOnSignals();
  server.start();
  std::string url = "http://" + options.http.address + ":" + std::to_string(server.port());
  log::info("meshery-server listening",
            {{"url", url},
             {"version", buildInfo().version},
             {"store", store->backend()},
             {"home", options.home.string()},
             {"web_ui", web_root ? web_root->string() : "none"},
             {"models", models_dir ? models_dir->string() : "none"}});
  meshsync.startConnected();
  server.wait();
  meshsync.stopAll();
  log::info("meshery-server stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Settings settings(settingSpecs());
  CLI::App app{"meshery-server: the Meshery cloud native manager's server"};
  app.set_version_flag("--version", std::string(buildInfo().version) + " (" +
                                        std::string(buildInfo().commit_sha) + ")");
  std::map<std::string, std::string> flags;
  for (const auto& spec : settings.specs()) {
    app.add_option_function<std::string>(
        "--" + spec.name, [&flags, name = spec.name](const std::string& value) { flags[name] = value; },
        spec.help + " [env " + Settings::environmentName(spec.name) + ", default '" +
            spec.default_value + "']");
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error) == 0 ? 0 : 2;
  }
  try {
    std::filesystem::path user_home = environment("HOME").value_or("/root");
    if (auto file = configFile(flags, user_home)) settings.applyFile(readConfigFile(*file), file->string());
    settings.applyEnvironment(environment);
    for (const auto& [name, value] : flags) settings.applyFlag(name, value);
    return serve(resolveOptions(settings, user_home));
  } catch (const Error& error) {
    std::fprintf(stderr, "Error: %s\n", error.message().c_str());
    if (error.position()) {
      std::fprintf(stderr, "Position: line %u, column %u\n", error.position()->line,
                   error.position()->column);
    }
    if (!error.cause().empty()) std::fprintf(stderr, "Cause: %s\n", error.cause().c_str());
    if (!error.remedy().empty()) std::fprintf(stderr, "Remedy: %s\n", error.remedy().c_str());
    return error.code() == ErrorCode::kInvalidConfiguration ? 2 : 1;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "Error: %s\n", error.what());
    return 1;
  }
}

}  // namespace meshery::server
