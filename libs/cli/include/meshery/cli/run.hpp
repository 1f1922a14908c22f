#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace meshery::cli {

/// Runs mesheryctl with the process's arguments, writing to stdout/stderr.
/// Returns the process exit code: 0 on success, non-zero on any failure.
int run(int argc, char** argv);

/// Runs mesheryctl with `args` (without the program name) against the given
/// streams; progress indicators are plain lines because the streams are not
/// terminals. Reads the environment (MESHERY_HOME, HOME). Not thread-safe:
/// one invocation at a time per process.
int run(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

}  // namespace meshery::cli
