#include "bounded_process.hpp"

#include "meshery/core/spawn_setup.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <optional>
#include <thread>

extern char** environ;

namespace meshery::kube::detail {
namespace {

using Clock = std::chrono::steady_clock;

/// A pipe whose ends close with it.
class Pipe {
 public:
  Pipe() {
    if (::pipe2(ends_.data(), O_CLOEXEC) != 0) ends_ = {-1, -1};
  }
  ~Pipe() {
    closeRead();
    closeWrite();
  }
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;

  [[nodiscard]] bool ok() const { return ends_[0] >= 0; }
  [[nodiscard]] int read() const { return ends_[0]; }
  [[nodiscard]] int write() const { return ends_[1]; }
  void closeRead() { closeEnd(0); }
  void closeWrite() { closeEnd(1); }

 private:
  void closeEnd(int end) {
    if (ends_[end] >= 0) ::close(ends_[end]);
    ends_[end] = -1;
  }
  std::array<int, 2> ends_{-1, -1};
};

std::vector<std::string> environmentWith(
    const std::vector<std::pair<std::string, std::string>>& env) {
  std::vector<std::string> out;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string variable(*entry);
    const std::string name = variable.substr(0, variable.find('='));
    const bool replaced = std::any_of(env.begin(), env.end(),
                                      [&](const auto& pair) { return pair.first == name; });
    if (!replaced) out.push_back(variable);
  }
  for (const auto& [name, value] : env) out.push_back(name + "=" + value);
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& each : strings) out.push_back(each.data());
  out.push_back(nullptr);
  return out;
}

/// Waits for `pid` until `deadline`; its exit status, or nullopt.
std::optional<int> reap(pid_t pid, Clock::time_point deadline) {
  for (;;) {
    int status = 0;
    const pid_t done = ::waitpid(pid, &status, WNOHANG);
    if (done == pid) return status;
    if (done < 0 && errno != EINTR) return 0;
    if (Clock::now() >= deadline) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
}

}  // namespace

ProcessRun runBounded(const std::vector<std::string>& argv_in,
                      const std::vector<std::pair<std::string, std::string>>& env,
                      std::chrono::milliseconds timeout, std::size_t max_output) {
  ProcessRun run;
  Pipe out;
  Pipe err;
  if (!out.ok() || !err.ok()) {
    run.outcome = ProcessRun::Outcome::kKilled;
    run.errors = std::string("pipe: ") + std::strerror(errno);
    return run;
  }
  std::vector<std::string> argv_strings = argv_in;
  std::vector<std::string> env_strings = environmentWith(env);
  auto argv = pointers(argv_strings);
  auto envp = pointers(env_strings);
  pid_t pid = 0;
  const SpawnSetup setup(out.write(), err.write());  // its own session: a timeout kills it all
  const int spawned =
      ::posix_spawnp(&pid, argv[0], setup.actions(), setup.attributes(), argv.data(), envp.data());
  if (spawned != 0) {
    run.outcome = ProcessRun::Outcome::kNotFound;
    run.errors = std::strerror(spawned);
    return run;
  }
  out.closeWrite();
  err.closeWrite();
  const auto deadline = Clock::now() + timeout;
  std::array<pollfd, 2> fds{{{out.read(), POLLIN, 0}, {err.read(), POLLIN, 0}}};
  std::array<char, 8192> buffer{};
  int open = 2;
  while (open > 0 && run.outcome == ProcessRun::Outcome::kExited) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    if (left <= 0) {
      run.outcome = ProcessRun::Outcome::kTimedOut;
      break;
    }
    const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(left));
    if (ready < 0 && errno != EINTR) break;
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      const ssize_t got = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (got <= 0) {
        if (got < 0 && errno == EINTR) continue;
        fds[i].fd = -1;
        --open;
        continue;
      }
      std::string& sink = i == 0 ? run.output : run.errors;
      const std::size_t keep =
          std::min(static_cast<std::size_t>(got), max_output - std::min(max_output, sink.size()));
      sink.append(buffer.data(), keep);
      if (i == 0 && keep < static_cast<std::size_t>(got))
        run.outcome = ProcessRun::Outcome::kTooMuchOutput;
    }
  }
  if (run.outcome != ProcessRun::Outcome::kExited) {
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
    reap(pid, Clock::now() + std::chrono::seconds(5));
    return run;
  }
  const auto status = reap(pid, deadline);
  if (!status) {
    ::kill(-pid, SIGKILL);
    reap(pid, Clock::now() + std::chrono::seconds(5));
    run.outcome = ProcessRun::Outcome::kTimedOut;
    return run;
  }
  if (WIFEXITED(*status)) {
    run.exit_code = WEXITSTATUS(*status);
  } else {
    run.outcome = ProcessRun::Outcome::kKilled;
    run.exit_code = WIFSIGNALED(*status) ? 128 + WTERMSIG(*status) : -1;
  }
  return run;
}

}  // namespace meshery::kube::detail
