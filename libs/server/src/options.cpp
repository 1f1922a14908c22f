#include "meshery/server/options.hpp"

#include <arpa/inet.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <thread>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::server {
namespace {

Error invalid(const std::string& setting, const std::string& message, const std::string& remedy) {
  return Error(ErrorCode::kInvalidConfiguration, message, "setting '" + setting + "'", remedy);
}

/// Whether an IPv4/IPv6 address is a loopback address; nullopt if malformed.
std::optional<bool> isLoopback(const std::string& text) {
  in_addr v4{};
  if (inet_pton(AF_INET, text.c_str(), &v4) == 1) return (ntohl(v4.s_addr) >> 24) == 127;
  in6_addr v6{};
  if (inet_pton(AF_INET6, text.c_str(), &v6) == 1) return IN6_IS_ADDR_LOOPBACK(&v6) != 0;
  return std::nullopt;
}

std::size_t cores() { return std::max(1U, std::thread::hardware_concurrency()); }

}  // namespace

std::vector<SettingSpec> settingSpecs() {
  return {
      {"config", "", "YAML file of settings (default: $MESHERY_HOME/server/config.yaml if present)"},
      {"home", "", "data folder (default: ~/.meshery)"},
      {"address", "127.0.0.1", "address to listen on; non-loopback needs an authenticating provider"},
      {"port", "9081", "TCP port to listen on (0: any free port)"},
      {"database", "", "sqlite:PATH or postgres://USER@HOST:PORT/DB (default: sqlite:$MESHERY_HOME/server/meshery.db)"},
      {"log-format", "text", "text or json"},
      {"log-level", "info", "trace, debug, info, warn, error or off"},
      {"access-log", "true", "log every request (true or false)"},
      {"io-threads", "0", "threads for network I/O (0: one per core)"},
      {"blocking-threads", "4", "threads for blocking work (database, files)"},
      {"max-event-streams", "16", "concurrent Server-Sent Event streams (503 beyond)"},
      {"max-body-bytes", "33554432", "largest accepted request body"},
      {"max-header-bytes", "65536", "largest accepted request head (413 above it)"},
      {"header-timeout", "10s", "time to receive a request head"},
      {"body-timeout", "60s", "time to receive a request body after its head"},
      {"idle-timeout", "60s", "keep-alive connection idle time"},
      {"drain-timeout", "15s", "time in-flight requests get on shutdown"},
      {"web-root", "", "folder of the web UI's static files (default: web/dist when present)"},
      {"models-dir", "", "model definitions to load at start (default: models/ by the binary or build)"},
  };
}

Options resolveOptions(const Settings& settings, const std::filesystem::path& user_home) {
  Options options;
  options.home = settings.get("home").empty() ? user_home / ".meshery"
                                              : std::filesystem::path(settings.get("home"));
  options.database_url = settings.get("database").empty()
                             ? "sqlite:" + (options.home / "server" / "meshery.db").string()
                             : settings.get("database");
  options.log_format = log::parseFormat(settings.get("log-format"));
  options.log_level = log::parseLevel(settings.get("log-level"));

  http::ServerOptions& http = options.http;
  http.address = settings.get("address");
  auto loopback = isLoopback(http.address);
  if (!loopback) {
    throw invalid("address", "'" + http.address + "' is not an IP address",
                  "use an IPv4 or IPv6 address such as 127.0.0.1 or ::1");
  }
  if (!*loopback) {
    throw invalid("address", "listening on " + http.address + " needs an authenticating provider",
                  "the Local provider has no login, so it only serves loopback; use 127.0.0.1 "
                  "(and a reverse proxy with authentication if others must reach it)");
  }
  http.port = static_cast<std::uint16_t>(settings.getInt("port", 0, 65535));
  const std::string& access_log = settings.get("access-log");
  if (access_log != "true" && access_log != "false") {
    throw invalid("access-log", "access-log must be true or false", "set --access-log=false");
  }
  http.access_log = access_log == "true";
  auto io_threads = static_cast<std::size_t>(settings.getInt("io-threads", 0, 64));
  http.io_threads = io_threads == 0 ? cores() : io_threads;
  http.blocking_threads = static_cast<std::size_t>(settings.getInt("blocking-threads", 1, 256));
  http.max_event_streams = static_cast<std::size_t>(settings.getInt("max-event-streams", 1, 1024));
  http.max_body_bytes =
      static_cast<std::size_t>(settings.getInt("max-body-bytes", 1024, std::int64_t{1} << 34));
  http.max_header_bytes =
      static_cast<std::size_t>(settings.getInt("max-header-bytes", 1024, 1024 * 1024));
  http.header_timeout = settings.getDuration("header-timeout");
  http.body_timeout = settings.getDuration("body-timeout");
  http.idle_timeout = settings.getDuration("idle-timeout");
  http.drain_timeout = settings.getDuration("drain-timeout");
  if (!settings.get("web-root").empty()) options.web_root = settings.get("web-root");
  if (!settings.get("models-dir").empty()) options.models_dir = settings.get("models-dir");
  return options;
}

Settings::Entries readConfigFile(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::kInvalidConfiguration, "cannot read the configuration file " + file.string(),
                "the file does not exist or is not readable",
                "check the path given with --config (or MESHERY_CONFIG)");
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json root;
  try {
    root = yaml::parse(text.str());
  } catch (const Error& error) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "the configuration file " + file.string() + " is not valid YAML",
                error.message() + (error.cause().empty() ? "" : ": " + error.cause()),
                "fix the YAML at the line and column shown", error.position());
  }
  Settings::Entries entries;
  if (root.is_null()) return entries;
  if (!root.is_object()) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "the configuration file " + file.string() + " must be a mapping",
                "its top level is not 'name: value' pairs", "write one 'setting: value' per line");
  }
  for (const auto& [name, value] : root.items()) {
    if (value.is_object() || value.is_array()) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  "setting '" + name + "' in " + file.string() + " must be a single value",
                  "it is a list or a mapping", "write it as 'name: value'");
    }
    entries.emplace_back(name, value.is_string() ? value.get<std::string>()
                               : value.is_null() ? std::string()
                                                 : value.dump());
  }
  return entries;
}

}  // namespace meshery::server
