#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "meshery_test/process.hpp"

namespace meshery::test {

/// The built meshery-server, started on 127.0.0.1 and a free port with
/// `home` as MESHERY_HOME, its output in home/server-test.log. start()
/// waits for /healthz/ready; the destructor kills it if still running.
class ServerProcess {
 public:
  ServerProcess(std::filesystem::path home, std::vector<std::string> extra_args = {});
  ~ServerProcess();

  /// Starts and waits (polling) until ready; false if it exited or timed out.
  bool start(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  /// SIGTERM, then waits for exit; the exit code or nullopt on timeout.
  std::optional<int> stop(std::chrono::milliseconds timeout = std::chrono::seconds(20));
  void signal(int signal_number) { process_->signal(signal_number); }
  std::optional<int> wait(std::chrono::milliseconds timeout) { return process_->wait(timeout); }

  [[nodiscard]] std::uint16_t port() const { return port_; }
  [[nodiscard]] std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// What the server wrote to stdout/stderr so far.
  [[nodiscard]] std::string log() const;

 private:
  std::filesystem::path home_;
  std::vector<std::string> extra_args_;
  std::uint16_t port_ = 0;
  std::unique_ptr<Process> process_;
};

}  // namespace meshery::test
