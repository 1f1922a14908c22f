#include "meshery/server/options.hpp"

#include <boost/asio/ip/address.hpp>
#include <yaml-cpp/yaml.h>

#include <thread>

#include "meshery/core/error.hpp"

namespace meshery::server {
namespace {

Error invalid(const std::string& setting, const std::string& message, const std::string& remedy) {
  return Error(ErrorCode::kInvalidConfiguration, message, "setting '" + setting + "'", remedy);
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
      {"max-body-bytes", "33554432", "largest accepted request body"},
      {"header-timeout", "10s", "time to receive a request head"},
      {"idle-timeout", "60s", "keep-alive connection idle time"},
      {"drain-timeout", "15s", "time in-flight requests get on shutdown"},
      {"web-root", "", "folder of the web UI's static files (default: web/dist when present)"},
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
  boost::system::error_code ec;
  auto address = boost::asio::ip::make_address(http.address, ec);
  if (ec) {
    throw invalid("address", "'" + http.address + "' is not an IP address",
                  "use an IPv4 or IPv6 address such as 127.0.0.1 or ::1");
  }
  if (!address.is_loopback()) {
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
  http.max_body_bytes =
      static_cast<std::size_t>(settings.getInt("max-body-bytes", 1024, std::int64_t{1} << 34));
  http.header_timeout = settings.getDuration("header-timeout");
  http.idle_timeout = settings.getDuration("idle-timeout");
  http.drain_timeout = settings.getDuration("drain-timeout");
  if (!settings.get("web-root").empty()) options.web_root = settings.get("web-root");
  return options;
}

Settings::Entries readConfigFile(const std::filesystem::path& file) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(file.string());
  } catch (const YAML::BadFile&) {
    throw Error(ErrorCode::kInvalidConfiguration, "cannot read the configuration file " + file.string(),
                "the file does not exist or is not readable",
                "check the path given with --config (or MESHERY_CONFIG)");
  } catch (const YAML::ParserException& error) {
    throw Error(ErrorCode::kInvalidConfiguration, "the configuration file " + file.string() +
                    " is not valid YAML",
                error.msg, "fix the YAML at the line and column shown",
                SourcePosition{static_cast<std::uint32_t>(error.mark.line + 1),
                               static_cast<std::uint32_t>(error.mark.column + 1)});
  }
  Settings::Entries entries;
  if (root.IsNull()) return entries;
  if (!root.IsMap()) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "the configuration file " + file.string() + " must be a mapping",
                "its top level is not 'name: value' pairs", "write one 'setting: value' per line");
  }
  for (const auto& entry : root) {
    auto name = entry.first.as<std::string>();
    if (!entry.second.IsScalar()) {
      throw Error(ErrorCode::kInvalidConfiguration,
                  "setting '" + name + "' in " + file.string() + " must be a single value",
                  "it is a list or a mapping", "write it as 'name: value'",
                  SourcePosition{static_cast<std::uint32_t>(entry.first.Mark().line + 1),
                                 static_cast<std::uint32_t>(entry.first.Mark().column + 1)});
    }
    entries.emplace_back(name, entry.second.Scalar());
  }
  return entries;
}

}  // namespace meshery::server
