#include "meshery_test/process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace meshery::test {
namespace {

std::vector<std::string> mergedEnvironment(const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> merged;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text = *entry;
    auto eq = text.find('=');
    if (eq != std::string::npos) merged[text.substr(0, eq)] = text.substr(eq + 1);
  }
  for (const auto& [key, value] : extra) merged[key] = value;
  std::vector<std::string> out;
  for (const auto& [key, value] : merged) out.push_back(key + "=" + value);
  return out;
}

int decodeStatus(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

}  // namespace

Process::Process(ProcessOptions options) {
  if (options.args.empty()) throw std::invalid_argument("Process needs argv[0]");
  std::vector<std::string> env = mergedEnvironment(options.env);
  std::vector<char*> argv;
  for (auto& arg : options.args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (auto& entry : env) envp.push_back(entry.data());
  envp.push_back(nullptr);

  int pipe_fds[2] = {-1, -1};
  int file_fd = -1;
  if (options.output_file) {
    file_fd = ::open(options.output_file->c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (file_fd < 0) throw std::runtime_error("cannot open " + options.output_file->string());
  } else if (::pipe2(pipe_fds, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe failed");
  }
  uid_t uid = 0;
  gid_t gid = 0;
  if (options.run_as_user) {
    passwd* user = ::getpwnam(options.run_as_user->c_str());
    if (user == nullptr) throw std::runtime_error("no such user " + *options.run_as_user);
    uid = user->pw_uid;
    gid = user->pw_gid;
  }
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    int out = file_fd >= 0 ? file_fd : pipe_fds[1];
    ::dup2(out, STDOUT_FILENO);
    ::dup2(out, STDERR_FILENO);
    int null_fd = ::open("/dev/null", O_RDONLY);
    ::dup2(null_fd, STDIN_FILENO);
    ::setpgid(0, 0);
    if (options.cwd && ::chdir(options.cwd->c_str()) != 0) ::_exit(126);
    if (options.run_as_user && (::setgid(gid) != 0 || ::setuid(uid) != 0)) ::_exit(126);
    ::execve(argv[0], argv.data(), envp.data());
    ::_exit(127);
  }
  if (file_fd >= 0) ::close(file_fd);
  if (pipe_fds[1] >= 0) {
    ::close(pipe_fds[1]);
    output_fd_ = pipe_fds[0];
    ::fcntl(output_fd_, F_SETFL, O_NONBLOCK);
  }
}

Process::~Process() {
  if (!exit_code_ && pid_ > 0) {
    ::kill(-pid_, SIGKILL);
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
  }
  if (output_fd_ >= 0) ::close(output_fd_);
}

void Process::signal(int signal_number) const {
  if (!exit_code_) ::kill(pid_, signal_number);
}

std::string Process::output() {
  if (output_fd_ >= 0) {
    char buffer[65536];
    for (;;) {
      ssize_t n = ::read(output_fd_, buffer, sizeof buffer);
      if (n <= 0) break;
      captured_.append(buffer, static_cast<std::size_t>(n));
    }
  }
  return captured_;
}

std::optional<int> Process::wait(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!exit_code_) {
    int status = 0;
    pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = decodeStatus(status);
      break;
    }
    if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
    output();  // keep the pipe drained so the child never blocks on a full pipe
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  output();
  return exit_code_;
}

bool Process::running() { return !wait(std::chrono::milliseconds(0)).has_value(); }

RunResult run(ProcessOptions options, std::chrono::milliseconds timeout) {
  Process process(std::move(options));
  auto code = process.wait(timeout);
  RunResult result;
  result.exit_code = code.value_or(-1);
  result.output = process.output();
  return result;
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return condition();
}

std::filesystem::path builtBinary(const std::string& name) {
  const char* build_dir = std::getenv("MESHERY_BUILD_DIR");
  std::filesystem::path root = build_dir != nullptr ? build_dir : MESHERY_TEST_BUILD_DIR;
  return root / "apps" / name / name;
}

}  // namespace meshery::test
