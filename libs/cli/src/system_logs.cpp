#include <signal.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <fstream>
#include <memory>
#include <thread>

#include "commands.hpp"
#include "meshery/cli/local_server.hpp"
#include "meshery/core/error.hpp"
#include "session.hpp"

namespace meshery::cli {
namespace {

constexpr auto kFollowInterval = std::chrono::milliseconds(250);

volatile std::sig_atomic_t interrupted = 0;

extern "C" void onInterrupt(int /*signal_number*/) { interrupted = 1; }

/// Installs SIGINT/SIGTERM handlers for the lifetime of the object so that
/// following ends cleanly (exit 0) instead of killing the process.
class InterruptGuard {
 public:
  InterruptGuard() {
    interrupted = 0;
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &previous_int_);
    ::sigaction(SIGTERM, &action, &previous_term_);
  }
  ~InterruptGuard() {
    ::sigaction(SIGINT, &previous_int_, nullptr);
    ::sigaction(SIGTERM, &previous_term_, nullptr);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

 private:
  struct sigaction previous_int_ {};
  struct sigaction previous_term_ {};
};

/// Copies the file from `offset` to `out`; returns the new offset. Starts
/// over when the file shrank (it was truncated or replaced).
std::uintmax_t copyFrom(const std::filesystem::path& path, std::uintmax_t offset, std::ostream& out) {
  std::error_code error;
  const auto size = std::filesystem::file_size(path, error);
  if (error) return offset;
  if (size < offset) offset = 0;
  if (size == offset) return offset;
  std::ifstream in(path, std::ios::binary);
  in.seekg(static_cast<std::streamoff>(offset));
  char buffer[16 * 1024];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    out.write(buffer, in.gcount());
    offset += static_cast<std::uintmax_t>(in.gcount());
  }
  out.flush();
  return offset;
}

void printLogs(Session& session, const std::string& component, bool follow) {
  if (!component.empty() && component != "meshery" && component != "meshery-server") {
    throw Error(ErrorCode::kInvalidArgument, "unknown component '" + component + "'",
                "The local platform runs one component: meshery (meshery-server).",
                "Run 'mesheryctl system logs' or 'mesheryctl system logs meshery'.");
  }
  const auto log_file = session.serverFiles().log_file;
  std::error_code error;
  if (!std::filesystem::exists(log_file, error)) {
    throw Error(ErrorCode::kNotFound, "there is no Meshery server log yet",
                log_file.string() + " does not exist: the server was never started from this home folder.",
                "Start it with 'mesheryctl system start'.");
  }
  auto offset = copyFrom(log_file, 0, session.out());
  if (!follow) return;
  InterruptGuard guard;
  while (interrupted == 0) {
    std::this_thread::sleep_for(kFollowInterval);
    offset = copyFrom(log_file, offset, session.out());
  }
}

}  // namespace

void addSystemLogsCommand(CLI::App& system, Session& session) {
  auto* command = system.add_subcommand("logs", "Print the Meshery server log (-f to follow it)");
  auto component = std::make_shared<std::string>();
  auto follow = std::make_shared<bool>(false);
  command->add_option("component", *component, "Component whose log to print (meshery)");
  command->add_flag("-f,--follow", *follow, "Keep printing new lines until interrupted");
  command->callback([&session, component, follow] {
    session.setAction([&session, component, follow] { printLogs(session, *component, *follow); });
  });
}

}  // namespace meshery::cli
