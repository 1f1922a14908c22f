#pragma once

#include <chrono>
#include <string>

namespace meshery::cli {

class Session;

/// Flags of `system start` (and `system restart`).
struct StartOptions {
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};  ///< readiness deadline
  std::string platform;  ///< -p/--platform; empty means the context's platform
};

/// Checks that `system start` can act on the selected context with these
/// options (context exists, platform is local, endpoint is on this machine);
/// throws the Error start would throw. Lets restart fail before stopping.
void checkStartable(Session& session, const StartOptions& options);

/// Starts the local meshery-server for the selected context and waits until
/// it is ready. Idempotent: a running server is reported, not restarted.
/// Throws Error when it cannot start or does not become ready in time.
void startServer(Session& session, const StartOptions& options);

/// Stops the local meshery-server: SIGTERM, wait up to `timeout`, then
/// SIGKILL with a warning. Succeeds (and says so) when none is running.
void stopServer(Session& session, std::chrono::milliseconds timeout);

}  // namespace meshery::cli
