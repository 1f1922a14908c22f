#include "meshery/cli/local_server.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "meshery_test/temp_dir.hpp"

namespace meshery::cli {
namespace {

TEST(CliLocalServer, FilesLiveUnderTheServerFolder) {
  const auto files = ServerFiles::under("/tmp/meshery-home");
  EXPECT_EQ(files.pid_file, "/tmp/meshery-home/server/meshery-server.pid");
  EXPECT_EQ(files.log_file, "/tmp/meshery-home/server/meshery-server.log");
}

TEST(CliLocalServer, ReadsThePidFile) {
  test::TempDir dir;
  LocalServer server(ServerFiles::under(dir.path()));
  EXPECT_FALSE(server.recordedPid());
  std::filesystem::create_directories(server.files().directory);
  std::ofstream(server.files().pid_file) << "garbage\n";
  EXPECT_FALSE(server.recordedPid());
  std::ofstream(server.files().pid_file) << "4242\n";
  EXPECT_EQ(server.recordedPid(), 4242);
  server.removePidFile();
  EXPECT_FALSE(std::filesystem::exists(server.files().pid_file));
}

TEST(CliLocalServer, ARecycledPidIsNotTheServer) {
  test::TempDir dir;
  LocalServer server(ServerFiles::under(dir.path()));
  std::filesystem::create_directories(server.files().directory);
  std::ofstream(server.files().pid_file) << ::getpid() << "\n";
  EXPECT_TRUE(processAlive(::getpid()));
  // The pid file predates this process, which has no --home argument: the
  // pid was reused by another process.
  std::filesystem::last_write_time(server.files().pid_file,
                                   std::filesystem::file_time_type::clock::now() - std::chrono::hours(1));
  EXPECT_FALSE(server.runningPid());
}

TEST(CliLocalServer, ZombiesCountAsDead) {
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) ::_exit(0);
  for (int attempt = 0; attempt < 500 && processAlive(child); ++attempt) ::usleep(10'000);
  EXPECT_FALSE(processAlive(child));
  int status = 0;
  ::waitpid(child, &status, 0);
}

TEST(CliLocalServer, LogTailReturnsTheLastLines) {
  test::TempDir dir;
  LocalServer server(ServerFiles::under(dir.path()));
  EXPECT_EQ(server.logTail(3), "");
  std::filesystem::create_directories(server.files().directory);
  std::ofstream(server.files().log_file) << "one\ntwo\nthree\nfour\n";
  EXPECT_EQ(server.logTail(2), "three\nfour\n");
  EXPECT_EQ(server.logTail(10), "one\ntwo\nthree\nfour\n");
}

TEST(CliLocalServer, SpawnsDetachedAndRecordsThePid) {
  test::TempDir dir;
  LocalServer server(ServerFiles::under(dir.path()));
  const int pid = server.spawn("/bin/sh", {"-c", "echo started; echo oops >&2; exit 3"});
  EXPECT_EQ(server.recordedPid(), pid);
  std::optional<ServerExit> exit;
  for (int attempt = 0; attempt < 500 && !exit; ++attempt) {
    exit = server.reapIfExited(pid);
    if (!exit) ::usleep(10'000);
  }
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->exit_code, 3);
  EXPECT_EQ(server.logTail(5), "started\noops\n");
}

TEST(CliLocalServer, SpawnedServerRunsInItsOwnSession) {
  test::TempDir dir;
  LocalServer server(ServerFiles::under(dir.path()));
  const int pid = server.spawn("/bin/sleep", {"30"});
  EXPECT_EQ(::getsid(pid), pid);
  EXPECT_TRUE(processAlive(pid));
  EXPECT_TRUE(sendSignal(pid, SIGTERM));
  std::optional<ServerExit> exit;
  for (int attempt = 0; attempt < 500 && !exit; ++attempt) {
    exit = server.reapIfExited(pid);
    if (!exit) ::usleep(10'000);
  }
  ASSERT_TRUE(exit);
  EXPECT_EQ(exit->exit_code, 128 + SIGTERM);
}

}  // namespace
}  // namespace meshery::cli
