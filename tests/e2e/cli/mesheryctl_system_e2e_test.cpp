// mesheryctl system start/status/version/logs/stop/restart against the
// built meshery-server.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "mesheryctl_fixture.hpp"

namespace meshery::test {
namespace {

using CliSystemE2e = MesheryctlE2e;

TEST_F(CliSystemE2e, StartStatusVersionLogsStop) {
  auto started = mesheryctl({"system", "start", "--skip-browser"});
  ASSERT_EQ(started.exit_code, 0) << started.output;
  EXPECT_TRUE(contains(started.output, "Meshery server is running at " + url_)) << started.output;
  const int pid = pidOnFile();
  ASSERT_GT(pid, 1);

  auto status = mesheryctl({"system", "status"});
  ASSERT_EQ(status.exit_code, 0) << status.output;
  EXPECT_TRUE(contains(status.output, "running (pid " + std::to_string(pid) + ")")) << status.output;
  EXPECT_TRUE(contains(status.output, "Version:   v")) << status.output;

  auto status_json = mesheryctl({"system", "status", "-o", "json"});
  ASSERT_EQ(status_json.exit_code, 0) << status_json.output;
  const auto document = nlohmann::json::parse(status_json.output);
  EXPECT_EQ(document["running"], true);
  EXPECT_EQ(document["ready"], true);
  EXPECT_EQ(document["pid"], pid);
  EXPECT_TRUE(document["version"]["build"].get<std::string>().starts_with("v"));

  auto version = mesheryctl({"version"});
  ASSERT_EQ(version.exit_code, 0) << version.output;
  EXPECT_TRUE(contains(version.output, "Client")) << version.output;
  EXPECT_TRUE(contains(version.output, "Server")) << version.output;
  auto version_json = mesheryctl({"version", "-o", "json"});
  ASSERT_EQ(version_json.exit_code, 0) << version_json.output;
  EXPECT_EQ(nlohmann::json::parse(version_json.output)["server"]["build"], document["version"]["build"]);

  auto logs = mesheryctl({"system", "logs"});
  ASSERT_EQ(logs.exit_code, 0) << logs.output;
  EXPECT_FALSE(logs.output.empty());

  auto stopped = mesheryctl({"system", "stop"});
  ASSERT_EQ(stopped.exit_code, 0) << stopped.output;
  EXPECT_TRUE(contains(stopped.output, "Meshery server stopped.")) << stopped.output;
  EXPECT_FALSE(std::filesystem::exists(home_ / "server" / "meshery-server.pid"));

  auto after = mesheryctl({"system", "status", "-o", "yaml"});
  ASSERT_EQ(after.exit_code, 0) << after.output;
  EXPECT_TRUE(contains(after.output, "running: false")) << after.output;
  EXPECT_TRUE(contains(mesheryctl({"system", "status"}).output, "not running"));
}

TEST_F(CliSystemE2e, StartingTwiceIsIdempotentAndRestartReplacesTheProcess) {
  ASSERT_EQ(mesheryctl({"system", "start"}).exit_code, 0);
  const int first = pidOnFile();
  auto again = mesheryctl({"system", "start"});
  ASSERT_EQ(again.exit_code, 0) << again.output;
  EXPECT_TRUE(contains(again.output, "already running")) << again.output;
  EXPECT_EQ(pidOnFile(), first);

  const auto other_url = "http://localhost:" + std::to_string(freePort());
  ASSERT_EQ(mesheryctl({"system", "context", "create", "other", "--url", other_url}).exit_code, 0);
  auto conflicting = mesheryctl({"system", "start", "-c", "other"});
  EXPECT_NE(conflicting.exit_code, 0);
  EXPECT_TRUE(contains(conflicting.output, "already runs on port " + std::to_string(port_))) << conflicting.output;

  auto restarted = mesheryctl({"system", "restart"});
  ASSERT_EQ(restarted.exit_code, 0) << restarted.output;
  EXPECT_NE(pidOnFile(), first);
  EXPECT_EQ(mesheryctl({"system", "stop"}).exit_code, 0);
}

TEST_F(CliSystemE2e, StopWhenNotRunningSucceedsAndClearsAStalePidFile) {
  auto stopped = mesheryctl({"system", "stop"});
  ASSERT_EQ(stopped.exit_code, 0) << stopped.output;
  EXPECT_TRUE(contains(stopped.output, "not running")) << stopped.output;

  ProcessOptions gone;
  gone.args = {"/bin/true"};
  Process exited(gone);
  ASSERT_TRUE(exited.wait(std::chrono::seconds(10)));
  std::filesystem::create_directories(home_ / "server");
  writeFile(home_ / "server" / "meshery-server.pid", std::to_string(exited.pid()) + "\n");
  ASSERT_EQ(mesheryctl({"system", "stop"}).exit_code, 0);
  EXPECT_FALSE(std::filesystem::exists(home_ / "server" / "meshery-server.pid"));
}

TEST_F(CliSystemE2e, ServerThatCannotBindFailsWithItsLog) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = htons(port_);
  ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  auto started = mesheryctl({"system", "start", "--timeout", "30s"});
  ::close(fd);
  EXPECT_NE(started.exit_code, 0) << started.output;
  EXPECT_TRUE(contains(started.output, "Error: meshery-server exited during start-up")) << started.output;
  EXPECT_TRUE(contains(started.output, "Remedy: ")) << started.output;
}

TEST_F(CliSystemE2e, KubernetesPlatformIsRefused) {
  auto started = mesheryctl({"system", "start", "-p", "kubernetes"});
  EXPECT_NE(started.exit_code, 0);
  EXPECT_TRUE(contains(started.output, "Error: platform 'kubernetes' is not available yet")) << started.output;
  EXPECT_EQ(pidOnFile(), 0);
}

TEST_F(CliSystemE2e, LogsFollowUntilInterrupted) {
  ASSERT_EQ(mesheryctl({"system", "start"}).exit_code, 0);
  Process follower(options({"system", "logs", "-f"}));
  EXPECT_TRUE(eventually([&] { return !follower.output().empty(); }));
  follower.signal(SIGINT);
  EXPECT_EQ(follower.wait(std::chrono::seconds(10)), 0) << follower.output();
  EXPECT_EQ(mesheryctl({"system", "stop"}).exit_code, 0);
}

}  // namespace
}  // namespace meshery::test
