#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "meshery_test/process.hpp"
#include "meshery_test/temp_dir.hpp"

namespace meshery::test {

/// A throw-away PostgreSQL server: `initdb` into a temp dir, then `postgres`
/// on 127.0.0.1 and a free port, fsync off, trust authentication for the
/// `postgres` superuser. When the test runs as root, the server runs as the
/// `postgres` user (PostgreSQL refuses root) and the temp dir is chowned to it.
/// The destructor stops it (`pg_ctl stop -m fast`) and removes the data.
class PostgresServer {
 public:
  /// The newest /usr/lib/postgresql/<version>/bin holding initdb, postgres
  /// and pg_ctl, or nullopt when PostgreSQL is not installed.
  static std::optional<std::filesystem::path> findBinaries();

  /// Initialises and starts a server, polling until it accepts connections.
  /// Throws std::runtime_error (with the server log) when it does not start.
  explicit PostgresServer(std::filesystem::path bin_dir);
  ~PostgresServer();
  PostgresServer(const PostgresServer&) = delete;
  PostgresServer& operator=(const PostgresServer&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  /// postgres://postgres@127.0.0.1:PORT/<database>
  [[nodiscard]] std::string url(std::string_view database = "postgres") const;
  /// Creates an empty database and returns its url(). Throws std::runtime_error.
  std::string createDatabase(const std::string& name);

  /// The server shared by all tests of this binary, started on first use.
  /// Nullptr when PostgreSQL is not installed, with the reason in
  /// `why_missing`. Throws when it is installed but does not start.
  static PostgresServer* shared(std::string& why_missing);
  /// Stops the shared server (e.g. from a gtest Environment's TearDown).
  static void stopShared();

 private:
  [[nodiscard]] ProcessOptions tool(const std::string& name) const;
  void initialise();
  bool start();
  [[nodiscard]] std::string log() const;

  std::filesystem::path bin_dir_;
  TempDir root_;
  std::filesystem::path data_dir_;
  std::filesystem::path socket_dir_;
  std::filesystem::path log_file_;
  std::optional<std::string> run_as_;
  std::uint16_t port_ = 0;
  std::unique_ptr<Process> process_;
};

/// True when the environment variable CI is "true": a missing PostgreSQL
/// must then fail the tests that need it instead of skipping them.
bool postgresRequired();

}  // namespace meshery::test
