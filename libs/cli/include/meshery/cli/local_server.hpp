#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace meshery::cli {

/// Files of the local server below the Meshery home folder.
struct ServerFiles {
  std::filesystem::path home;       ///< passed to the server as --home
  std::filesystem::path directory;  ///< <home>/server
  std::filesystem::path pid_file;   ///< <home>/server/meshery-server.pid
  std::filesystem::path log_file;   ///< <home>/server/meshery-server.log

  static ServerFiles under(const std::filesystem::path& home);
};

/// How a spawned server ended, when it has.
struct ServerExit {
  int exit_code = 0;  ///< 128 + signal number when killed by a signal
};

/// Process-level control of the meshery-server that mesheryctl runs on this
/// machine: pid file, detached spawning, signals, the log file. No HTTP.
/// Not thread-safe.
class LocalServer {
 public:
  explicit LocalServer(ServerFiles files);

  /// The pid in the pid file, when the file exists and holds a number.
  [[nodiscard]] std::optional<int> recordedPid() const;
  /// recordedPid() when that process is alive (zombies count as dead) and
  /// is the server: its command line carries this home folder, or (for
  /// wrappers that exec something else) it started before the pid file was
  /// written. A recycled pid is thus not mistaken for the server.
  [[nodiscard]] std::optional<int> runningPid() const;

  /// Starts `binary args…` detached (new session, stdin /dev/null, stdout
  /// and stderr appended to the log file) and records its pid. Throws
  /// Error(kUnavailable) when it cannot be started.
  int spawn(const std::filesystem::path& binary, const std::vector<std::string>& args);
  /// For a process spawned by this object: its exit, once it has ended
  /// (reaps it). nullopt while it runs or for other processes.
  std::optional<ServerExit> reapIfExited(int pid);

  void removePidFile() const;
  /// The last `lines` lines of the log file ("" when there is none).
  [[nodiscard]] std::string logTail(std::size_t lines) const;
  [[nodiscard]] const ServerFiles& files() const { return files_; }

 private:
  ServerFiles files_;
};

/// True when `pid` exists and is not a zombie.
bool processAlive(int pid);

/// The value that followed `flag` (e.g. "--port") on the command line of
/// `pid`; nullopt when the flag is absent or the process is gone.
std::optional<std::string> commandLineValue(int pid, const std::string& flag);

/// Sends `signal_number` to `pid`; false when the process is gone.
bool sendSignal(int pid, int signal_number);

/// Locates the meshery-server executable: $MESHERY_SERVER_BIN, else beside
/// the running executable, else ../meshery-server/meshery-server relative to
/// it (the build tree), else PATH. Throws Error(kNotFound) saying where it looked.
std::filesystem::path findServerBinary();

}  // namespace meshery::cli
