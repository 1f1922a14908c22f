#pragma once

// Private to libs/kube: running a command with bounded time and output
// (exec credential plugins).

#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace meshery::kube::detail {

struct ProcessRun {
  enum class Outcome { kExited, kNotFound, kTimedOut, kTooMuchOutput, kKilled };
  Outcome outcome = Outcome::kExited;
  int exit_code = 0;
  std::string output;  ///< stdout
  std::string errors;  ///< stderr, at most max_output bytes
};

/// Runs `argv` (argv[0] looked up on PATH unless it has a "/") in its own
/// session, with the current environment plus `env` (replacing variables
/// of the same name), stdin from /dev/null. Past `timeout`, or once stdout
/// passes `max_output` bytes, the session is killed.
ProcessRun runBounded(const std::vector<std::string>& argv,
                      const std::vector<std::pair<std::string, std::string>>& env,
                      std::chrono::milliseconds timeout, std::size_t max_output);

}  // namespace meshery::kube::detail
