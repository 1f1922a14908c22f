// meshery-server's configuration: flags > MESHERY_* environment > YAML file,
// and clear errors with exit code 2 for bad settings.

#include <gtest/gtest.h>

#include <fstream>

#include "meshery/http/client.hpp"
#include "meshery_test/free_port.hpp"
#include "meshery_test/process.hpp"
#include "meshery_test/server_process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {
namespace {

RunResult runServer(const TempDir& home, std::vector<std::string> args,
                    std::map<std::string, std::string> env = {}) {
  ProcessOptions options;
  options.args = {builtBinary("meshery-server").string()};
  options.args.insert(options.args.end(), args.begin(), args.end());
  options.env = std::move(env);
  options.env["MESHERY_HOME"] = home.path().string();
  return run(std::move(options), std::chrono::seconds(20));
}

TEST(ServerConfig, UnknownKeyInConfigFileIsRejected) {
  TempDir home;
  auto file = home.path() / "meshery.yaml";
  std::ofstream(file) << "port: 9999\nprot: 1\n";
  auto result = runServer(home, {"--config", file.string()});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("unknown setting 'prot'"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("Remedy:"), std::string::npos);
}

TEST(ServerConfig, MalformedConfigFileNamesTheLine) {
  TempDir home;
  auto file = home.path() / "meshery.yaml";
  std::ofstream(file) << "port: 9999\nlog-level: [unclosed\n";
  auto result = runServer(home, {"--config", file.string()});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("not valid YAML"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("line"), std::string::npos) << result.output;
}

TEST(ServerConfig, NonLoopbackAddressNeedsAnAuthenticatingProvider) {
  TempDir home;
  auto result = runServer(home, {"--address", "0.0.0.0", "--port", "0"});
  EXPECT_EQ(result.exit_code, 2) << result.output;
  EXPECT_NE(result.output.find("authenticating provider"), std::string::npos) << result.output;
}

TEST(ServerConfig, InvalidValuesAndUnknownFlagsAreRejected) {
  TempDir home;
  EXPECT_EQ(runServer(home, {"--port", "99999"}).exit_code, 2);
  EXPECT_EQ(runServer(home, {"--idle-timeout", "soon"}).exit_code, 2);
  EXPECT_EQ(runServer(home, {"--log-format", "xml"}).exit_code, 2);
  EXPECT_EQ(runServer(home, {"--no-such-flag"}).exit_code, 2);
  auto database = runServer(home, {"--database", "mysql://x"});
  EXPECT_EQ(database.exit_code, 2) << database.output;
}

TEST(ServerConfig, FileEnvironmentAndFlagsApplyInOrder) {
  TempDir home;
  std::filesystem::create_directories(home.path() / "server");
  // The default file location; its log-format is overridden by the environment.
  std::ofstream(home.path() / "server" / "config.yaml")
      << "log-format: text\nlog-level: debug\ndatabase: sqlite:" << (home.path() / "file.db").string() << "\n";
  std::uint16_t port = freePort();
  ProcessOptions options;
  options.args = {builtBinary("meshery-server").string(), "--database",
                  "sqlite:" + (home.path() / "flag.db").string()};
  options.env = {{"MESHERY_HOME", home.path().string()},
                 {"MESHERY_PORT", std::to_string(port)},
                 {"MESHERY_LOG_FORMAT", "json"}};
  Process server(std::move(options));
  http::Client client("http://127.0.0.1:" + std::to_string(port), {std::chrono::milliseconds(1000)});
  ASSERT_TRUE(eventually([&] {
    try {
      return client.get("/healthz/ready").status == 200;
    } catch (const Error&) {
      return false;
    }
  }, std::chrono::seconds(20))) << server.output();
  EXPECT_TRUE(std::filesystem::exists(home.path() / "flag.db"));
  EXPECT_FALSE(std::filesystem::exists(home.path() / "file.db"));
  server.signal(SIGTERM);
  EXPECT_EQ(server.wait(std::chrono::seconds(20)), 0);
  // JSON log lines (environment) at debug level (file).
  std::string output = server.output();
  auto first_line = output.substr(0, output.find('\n'));
  auto parsed = nlohmann::json::parse(first_line, nullptr, false);
  ASSERT_FALSE(parsed.is_discarded()) << output;
  EXPECT_TRUE(parsed.contains("level"));
  EXPECT_NE(output.find(R"("msg":"meshery-server listening")"), std::string::npos) << output;
}

TEST(ServerConfig, HelpAndVersionExitZero) {
  TempDir home;
  auto help = runServer(home, {"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.output.find("--database"), std::string::npos);
  EXPECT_NE(help.output.find("MESHERY_DATABASE"), std::string::npos);
  auto version = runServer(home, {"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.output.rfind("v", 0), 0U) << version.output;
}

TEST(ServerConfig, PortInUseFailsWithARemedy) {
  TempDir home;
  TempDir other_home;
  ServerProcess first(home.path());
  ASSERT_TRUE(first.start()) << first.log();
  auto second = runServer(other_home, {"--port", std::to_string(first.port())});
  EXPECT_EQ(second.exit_code, 1) << second.output;
  EXPECT_NE(second.output.find("cannot listen"), std::string::npos) << second.output;
  EXPECT_EQ(first.stop(), 0);
}

}  // namespace
}  // namespace meshery::test
