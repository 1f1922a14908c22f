#pragma once

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "meshery/core/log.hpp"
#include "meshery/core/settings.hpp"
#include "meshery/http/server.hpp"

namespace meshery::server {

/// Every setting of meshery-server, declared once: flags, MESHERY_* variables,
/// the configuration file and docs/configuration.md all follow this list.
std::vector<SettingSpec> settingSpecs();

/// The resolved configuration of one server process.
struct Options {
  std::filesystem::path home;  ///< MESHERY_HOME (default ~/.meshery)
  std::string database_url;    ///< sqlite:PATH or postgres://…
  log::Format log_format = log::Format::kText;
  log::Level log_level = log::Level::kInfo;
  http::ServerOptions http;
  std::optional<std::filesystem::path> web_root;  ///< static files of the web UI, when present
  /// Model definitions loaded into the registry at boot; nullopt: automatic
  /// (`models` beside the executable, else the build tree's `models`).
  std::optional<std::filesystem::path> models_dir;
};

/// Turns resolved settings into options, validating every value. Throws
/// Error(kInvalidConfiguration) naming the setting and the remedy.
/// `user_home` is $HOME, for the default MESHERY_HOME.
Options resolveOptions(const Settings& settings, const std::filesystem::path& user_home);

/// Reads a configuration file: a YAML mapping of setting names to scalars.
/// Throws Error(kInvalidConfiguration) for unreadable files, malformed YAML
/// (with line and column) and non-scalar values.
Settings::Entries readConfigFile(const std::filesystem::path& file);

}  // namespace meshery::server
