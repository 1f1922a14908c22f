#include "meshery_test/server_process.hpp"

#include <csignal>
#include <fstream>
#include <sstream>

#include "meshery/http/client.hpp"
#include "meshery_test/free_port.hpp"

namespace meshery::test {

ServerProcess::ServerProcess(std::filesystem::path home, std::vector<std::string> extra_args)
    : home_(std::move(home)), extra_args_(std::move(extra_args)) {}

ServerProcess::~ServerProcess() = default;

bool ServerProcess::start(std::chrono::milliseconds timeout) {
  port_ = freePort();
  ProcessOptions options;
  options.args = {builtBinary("meshery-server").string(), "--port", std::to_string(port_)};
  options.args.insert(options.args.end(), extra_args_.begin(), extra_args_.end());
  options.env = {{"MESHERY_HOME", home_.string()}};
  options.output_file = home_ / "server-test.log";
  std::filesystem::create_directories(home_);
  process_ = std::make_unique<Process>(std::move(options));
  http::Client client(url(), {std::chrono::milliseconds(1000)});
  return eventually(
      [&] {
        if (!process_->running()) return true;
        try {
          return client.get("/healthz/ready").status == 200;
        } catch (const Error&) {
          return false;
        }
      },
      timeout) &&
         process_->running();
}

std::optional<int> ServerProcess::stop(std::chrono::milliseconds timeout) {
  process_->signal(SIGTERM);
  return process_->wait(timeout);
}

std::string ServerProcess::log() const {
  std::ifstream in(home_ / "server-test.log");
  std::stringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace meshery::test
