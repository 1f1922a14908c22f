#include "meshery_test/postgres_server.hpp"

#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <sstream>
#include <stdexcept>
#include <system_error>
#include <vector>

#include "meshery_test/free_port.hpp"

namespace meshery::test {
namespace {

constexpr const char* kUser = "postgres";

bool hasServerBinaries(const std::filesystem::path& bin) {
  return std::filesystem::exists(bin / "initdb") && std::filesystem::exists(bin / "postgres") &&
         std::filesystem::exists(bin / "pg_ctl") && std::filesystem::exists(bin / "pg_isready");
}

/// Numeric order of version directories ("9.6" < "15").
double versionOf(const std::filesystem::path& dir) {
  try {
    return std::stod(dir.filename().string());
  } catch (const std::exception&) {
    return 0;
  }
}

void chownTo(const std::filesystem::path& path, const passwd& user) {
  if (::chown(path.c_str(), user.pw_uid, user.pw_gid) != 0) {
    throw std::runtime_error("cannot chown " + path.string() + " to " + kUser);
  }
}

struct SharedServer {
  std::mutex mutex;
  std::unique_ptr<PostgresServer> server;
  std::string failure;
};

SharedServer& sharedServer() {
  static SharedServer shared;
  return shared;
}

}  // namespace

std::optional<std::filesystem::path> PostgresServer::findBinaries() {
  std::error_code error;
  std::vector<std::filesystem::path> candidates;
  for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", error)) {
    if (hasServerBinaries(entry.path() / "bin")) candidates.push_back(entry.path());
  }
  if (candidates.empty()) return std::nullopt;
  auto newest =
      std::max_element(candidates.begin(), candidates.end(),
                       [](const auto& a, const auto& b) { return versionOf(a) < versionOf(b); });
  return *newest / "bin";
}

PostgresServer::PostgresServer(std::filesystem::path bin_dir)
    : bin_dir_(std::move(bin_dir)),
      data_dir_(root_.path() / "data"),
      socket_dir_(root_.path() / "socket"),
      log_file_(root_.path() / "postgres.log") {
  std::filesystem::create_directories(socket_dir_);
  if (::geteuid() == 0) {
    const passwd* user = ::getpwnam(kUser);
    if (user == nullptr) throw std::runtime_error("running as root, but there is no postgres user");
    run_as_ = kUser;
    chownTo(root_.path(), *user);
    chownTo(socket_dir_, *user);
  }
  initialise();
  // freePort() can race with another process taking the port: try a few.
  for (int attempt = 0; attempt < 3; ++attempt) {
    port_ = freePort();
    if (start()) return;
  }
  throw std::runtime_error("PostgreSQL did not start; its log:\n" + log());
}

PostgresServer::~PostgresServer() {
  if (process_ && process_->running()) {
    ProcessOptions stop = tool("pg_ctl");
    stop.args.insert(stop.args.end(), {"stop", "-D", data_dir_.string(), "-m", "fast", "-w"});
    run(stop, std::chrono::seconds(30));
    process_->wait(std::chrono::seconds(10));
  }
}

ProcessOptions PostgresServer::tool(const std::string& name) const {
  ProcessOptions options;
  options.args = {(bin_dir_ / name).string()};
  options.run_as_user = run_as_;
  options.env = {{"LC_ALL", "C.UTF-8"}, {"PGTZ", "UTC"}};
  return options;
}

void PostgresServer::initialise() {
  ProcessOptions initdb = tool("initdb");
  initdb.args.insert(initdb.args.end(), {"-D", data_dir_.string(), "-U", kUser, "-A", "trust", "-E",
                                         "UTF8", "--locale=C", "--no-sync"});
  RunResult result = run(initdb, std::chrono::seconds(120));
  if (result.exit_code != 0) throw std::runtime_error("initdb failed:\n" + result.output);
}

bool PostgresServer::start() {
  ProcessOptions postgres = tool("postgres");
  postgres.args.insert(postgres.args.end(),
                       {"-D", data_dir_.string(), "-p", std::to_string(port_), "-k",
                        socket_dir_.string(), "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off",
                        "-c", "synchronous_commit=off", "-c", "full_page_writes=off"});
  postgres.output_file = log_file_;
  process_ = std::make_unique<Process>(postgres);
  ProcessOptions ready = tool("pg_isready");
  ready.run_as_user.reset();
  ready.args.insert(ready.args.end(), {"-h", "127.0.0.1", "-p", std::to_string(port_), "-U", kUser,
                                       "-d", "postgres", "-t", "1"});
  bool accepting = false;
  eventually(
      [&] {
        if (!process_->running()) return true;
        accepting = run(ready, std::chrono::seconds(5)).exit_code == 0;
        return accepting;
      },
      std::chrono::seconds(60));
  return accepting;
}

std::string PostgresServer::url(std::string_view database) const {
  return "postgres://postgres@127.0.0.1:" + std::to_string(port_) + "/" + std::string(database);
}

std::string PostgresServer::createDatabase(const std::string& name) {
  ProcessOptions createdb = tool("createdb");
  createdb.run_as_user.reset();
  createdb.args.insert(createdb.args.end(),
                       {"-h", "127.0.0.1", "-p", std::to_string(port_), "-U", kUser, name});
  RunResult result = run(createdb, std::chrono::seconds(60));
  if (result.exit_code != 0)
    throw std::runtime_error("createdb " + name + " failed:\n" + result.output);
  return url(name);
}

std::string PostgresServer::log() const {
  std::ifstream file(log_file_);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

PostgresServer* PostgresServer::shared(std::string& why_missing) {
  SharedServer& shared = sharedServer();
  std::lock_guard lock(shared.mutex);
  if (shared.server) return shared.server.get();
  if (!shared.failure.empty()) throw std::runtime_error(shared.failure);
  auto bin_dir = findBinaries();
  if (!bin_dir) {
    why_missing =
        "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin "
        "(install the Debian package 'postgresql')";
    return nullptr;
  }
  try {
    shared.server = std::make_unique<PostgresServer>(*bin_dir);
  } catch (const std::exception& error) {
    shared.failure = error.what();
    throw;
  }
  return shared.server.get();
}

void PostgresServer::stopShared() {
  SharedServer& shared = sharedServer();
  std::lock_guard lock(shared.mutex);
  shared.server.reset();
}

bool postgresRequired() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string_view(ci) == "true";
}

}  // namespace meshery::test
