#pragma once

#include <chrono>
#include <functional>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meshery::test {

struct ProcessOptions {
  std::vector<std::string> args;  ///< argv[0] is the executable path
  std::map<std::string, std::string> env;  ///< added to (and overriding) this process's environment
  std::optional<std::filesystem::path> cwd;
  std::optional<std::filesystem::path> output_file;  ///< stdout+stderr go here (default: captured)
  std::optional<std::string> run_as_user;  ///< setuid to this user (root only), e.g. "postgres"
};

/// A child process. The destructor kills it (SIGKILL) if still running.
class Process {
 public:
  explicit Process(ProcessOptions options);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  [[nodiscard]] int pid() const { return pid_; }
  void signal(int signal_number) const;
  /// Waits for exit up to `timeout`; the exit code (128+signal when killed), or nullopt.
  std::optional<int> wait(std::chrono::milliseconds timeout);
  [[nodiscard]] bool running();
  /// Everything the child wrote so far to stdout/stderr (captured mode only).
  std::string output();

 private:
  int pid_ = -1;
  int output_fd_ = -1;
  std::string captured_;
  std::optional<int> exit_code_;
};

/// Runs a command to completion and returns (exit code, stdout+stderr).
struct RunResult {
  int exit_code = -1;
  std::string output;
};
RunResult run(ProcessOptions options, std::chrono::milliseconds timeout = std::chrono::seconds(60));

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds timeout = std::chrono::seconds(10));

/// Path of a built binary: <build dir>/apps/<name>/<name>, the build dir being
/// $MESHERY_BUILD_DIR (set by ctest) or the one this support library was built in.
std::filesystem::path builtBinary(const std::string& name);

}  // namespace meshery::test
