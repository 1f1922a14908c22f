#include "session.hpp"

#include "meshery/cli/paths.hpp"
#include "meshery/core/error.hpp"

namespace meshery::cli {

Session::Session(std::ostream& out, std::ostream& err, bool interactive)
    : out_(out), err_(err), interactive_(interactive) {}

void Session::debug(std::string_view message) {
  if (options_.verbose) err_ << "debug: " << message << '\n';
}

std::filesystem::path Session::configPath() const {
  return options_.config_path.empty() ? defaultConfigPath() : std::filesystem::path(options_.config_path);
}

Config& Session::config() {
  if (config_) return *config_;
  const auto path = configPath();
  if (!options_.config_path.empty()) {
    config_ = Config::load(path);
  } else {
    bool created = false;
    config_ = Config::loadOrCreate(path, &created);
    if (created) debug("created the default configuration " + path.string());
  }
  debug("using configuration " + path.string());
  return *config_;
}

void Session::saveConfig() {
  config().save(configPath());
  debug("wrote " + configPath().string());
}

NamedContext Session::selectedContext() {
  auto& configuration = config();
  std::string name = options_.context_name;
  if (name.empty()) {
    name = configuration.currentContextName();
    if (name.empty()) {
      throw Error(ErrorCode::kInvalidConfiguration, "no current context is set",
                  configPath().string() + " has no 'current-context'.",
                  "Choose one with 'mesheryctl system context switch NAME', or pass -c NAME.");
    }
  }
  return NamedContext{name, configuration.context(name)};
}

ServerFiles Session::serverFiles() const { return ServerFiles::under(mesheryHome()); }

bool Session::runAction() {
  if (!action_) return false;
  action_();
  return true;
}

}  // namespace meshery::cli
