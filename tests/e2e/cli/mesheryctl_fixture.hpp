#pragma once

// Drives the built mesheryctl binary with a temporary MESHERY_HOME whose
// config.yaml has one context, "e2e", on a free loopback port.

#include <gtest/gtest.h>
#include <signal.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "meshery_test/free_port.hpp"
#include "meshery_test/process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {

class MesheryctlE2e : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(home_);
    writeFile(home_ / "config.yaml", "contexts:\n  e2e:\n    endpoint: " + url_ +
                                         "\n    platform: docker\ncurrent-context: e2e\n");
  }

  /// Kills a server a failed test left behind, so no process outlives it.
  void TearDown() override {
    const auto pid = pidOnFile();
    if (pid > 1) ::kill(pid, SIGKILL);
  }

  [[nodiscard]] ProcessOptions options(std::vector<std::string> args) const {
    ProcessOptions options;
    options.args = {builtBinary("mesheryctl").string()};
    options.args.insert(options.args.end(), args.begin(), args.end());
    // An empty MESHERY_SERVER_BIN makes mesheryctl find the server in the build tree.
    options.env = {{"MESHERY_HOME", home_.string()}, {"MESHERY_SERVER_BIN", ""}};
    return options;
  }

  RunResult mesheryctl(std::vector<std::string> args) {
    return run(options(std::move(args)), std::chrono::seconds(120));
  }

  [[nodiscard]] int pidOnFile() const {
    std::ifstream in(home_ / "server" / "meshery-server.pid");
    int pid = 0;
    in >> pid;
    return pid;
  }

  static void writeFile(const std::filesystem::path& path, const std::string& text) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream(path) << text;
  }

  static std::string readFile(const std::filesystem::path& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
  }

  static bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
  }

  TempDir dir_;
  std::filesystem::path home_ = dir_.path() / "home";
  std::uint16_t port_ = freePort();
  std::string url_ = "http://localhost:" + std::to_string(port_);
};

}  // namespace meshery::test
