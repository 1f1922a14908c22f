#include "meshery/cli/local_server.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <charconv>
#include <cstring>
#include <fstream>
#include <sstream>

#include "atomic_file.hpp"
#include "meshery/core/error.hpp"
#include "meshery/core/spawn_setup.hpp"

extern char** environ;

namespace meshery::cli {
namespace {

std::string readWholeFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (in) text << in.rdbuf();
  return text.str();
}

/// When `pid` started, from /proc (boot time + start ticks); nullopt if unknown.
std::optional<std::chrono::system_clock::time_point> processStartTime(int pid) {
  const std::string stat = readWholeFile("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos) return std::nullopt;
  std::istringstream fields(stat.substr(close + 2));
  std::string field;
  // After the command name, starttime is the 20th field (field 22 of the line).
  for (int index = 0; index < 20 && fields >> field; ++index) {
  }
  unsigned long long start_ticks = 0;
  if (!(std::istringstream(field) >> start_ticks)) return std::nullopt;
  std::istringstream system_stat(readWholeFile("/proc/stat"));
  std::string key;
  long long boot_seconds = -1;
  while (system_stat >> key) {
    if (key == "btime") {
      system_stat >> boot_seconds;
      break;
    }
  }
  const long ticks_per_second = ::sysconf(_SC_CLK_TCK);
  if (boot_seconds < 0 || ticks_per_second <= 0) return std::nullopt;
  const auto since_boot = std::chrono::milliseconds(start_ticks * 1000 / static_cast<unsigned long long>(ticks_per_second));
  return std::chrono::system_clock::time_point(std::chrono::seconds(boot_seconds)) + since_boot;
}

/// True when the process started no later than the pid file was written
/// (plus slack for the one-second resolution of the boot time): a recycled
/// pid belongs to a process that started after the server ended.
bool startedBeforePidFile(int pid, const std::filesystem::path& pid_file) {
  constexpr auto kSlack = std::chrono::seconds(2);
  const auto started = processStartTime(pid);
  struct stat info {};
  if (!started || ::stat(pid_file.c_str(), &info) != 0) return false;
  const auto written = std::chrono::system_clock::from_time_t(info.st_mtime);
  return *started <= written + kSlack;
}

}  // namespace

ServerFiles ServerFiles::under(const std::filesystem::path& home) {
  ServerFiles files;
  files.home = std::filesystem::absolute(home).lexically_normal();
  files.directory = files.home / "server";
  files.pid_file = files.directory / "meshery-server.pid";
  files.log_file = files.directory / "meshery-server.log";
  return files;
}

LocalServer::LocalServer(ServerFiles files) : files_(std::move(files)) {}

std::optional<int> LocalServer::recordedPid() const {
  std::string text = readWholeFile(files_.pid_file);
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  int pid = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), pid);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || pid <= 1) {
    return std::nullopt;
  }
  return pid;
}

std::optional<int> LocalServer::runningPid() const {
  const auto pid = recordedPid();
  if (!pid || !processAlive(*pid)) return std::nullopt;
  const std::string cmdline = readWholeFile("/proc/" + std::to_string(*pid) + "/cmdline");
  std::string home_argument = "--home";
  home_argument += '\0';
  home_argument += files_.home.string();
  home_argument += '\0';
  if (cmdline.find(home_argument) != std::string::npos) return pid;
  return startedBeforePidFile(*pid, files_.pid_file) ? pid : std::nullopt;
}

int LocalServer::spawn(const std::filesystem::path& binary, const std::vector<std::string>& args) {
  std::error_code error;
  std::filesystem::create_directories(files_.directory, error);
  const int log_fd = ::open(files_.log_file.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    throw Error(ErrorCode::kUnavailable, "cannot open the server log " + files_.log_file.string(),
                std::strerror(errno), "Check that MESHERY_HOME is writable.");
  }
  std::vector<std::string> argv_text{binary.string()};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& item : argv_text) argv.push_back(item.data());
  argv.push_back(nullptr);

  pid_t pid = -1;
  int result = 0;
  {
    const SpawnSetup setup(log_fd, log_fd);
    result = ::posix_spawn(&pid, binary.c_str(), setup.actions(), setup.attributes(), argv.data(), environ);
  }
  ::close(log_fd);
  if (result != 0) {
    throw Error(ErrorCode::kUnavailable, "cannot start " + binary.string(), std::strerror(result),
                "Check that the file is an executable meshery-server, or point MESHERY_SERVER_BIN at one.");
  }
  writeFileAtomically(files_.pid_file, std::to_string(pid) + "\n");
  return pid;
}

std::optional<ServerExit> LocalServer::reapIfExited(int pid) {
  int status = 0;
  const pid_t done = ::waitpid(pid, &status, WNOHANG);
  if (done != pid) return std::nullopt;
  if (WIFSIGNALED(status)) return ServerExit{128 + WTERMSIG(status)};
  return ServerExit{WIFEXITED(status) ? WEXITSTATUS(status) : 1};
}

void LocalServer::removePidFile() const {
  std::error_code error;
  std::filesystem::remove(files_.pid_file, error);
}

std::string LocalServer::logTail(std::size_t lines) const {
  constexpr std::streamoff kWindow = 64 * 1024;
  std::ifstream in(files_.log_file, std::ios::binary | std::ios::ate);
  if (!in) return {};
  const std::streamoff size = in.tellg();
  const std::streamoff start = size > kWindow ? size - kWindow : 0;
  in.seekg(start);
  std::string text(static_cast<std::size_t>(size - start), '\0');
  in.read(text.data(), static_cast<std::streamsize>(text.size()));
  std::size_t cut = text.size();
  if (!text.empty() && text.back() == '\n') --cut;
  for (std::size_t seen = 0; cut > 0; --cut) {
    if (text[cut - 1] == '\n' && ++seen == lines) break;
  }
  return text.substr(cut);
}

bool processAlive(int pid) {
  if (pid <= 0) return false;
  if (::kill(pid, 0) != 0 && errno != EPERM) return false;
  const std::string stat = readWholeFile("/proc/" + std::to_string(pid) + "/stat");
  const auto close = stat.rfind(')');
  if (close == std::string::npos || close + 2 >= stat.size()) return true;
  const char state = stat[close + 2];
  return state != 'Z' && state != 'X';
}

std::optional<std::string> commandLineValue(int pid, const std::string& flag) {
  std::istringstream arguments(readWholeFile("/proc/" + std::to_string(pid) + "/cmdline"));
  std::string argument;
  while (std::getline(arguments, argument, '\0')) {
    if (argument == flag && std::getline(arguments, argument, '\0')) return argument;
  }
  return std::nullopt;
}

bool sendSignal(int pid, int signal_number) { return ::kill(pid, signal_number) == 0; }

}  // namespace meshery::cli
