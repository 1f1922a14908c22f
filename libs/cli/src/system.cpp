#include <CLI/CLI.hpp>
#include <charconv>

#include "commands.hpp"
#include "meshery/core/error.hpp"
#include "meshery/core/settings.hpp"
#include "session.hpp"

namespace meshery::cli {

void addSystemCommand(CLI::App& parent, Session& session) {
  auto* system = parent.add_subcommand("system", "Meshery lifecycle management: start, stop, status, logs, contexts");
  system->add_option("-c,--context", session.options().context_name,
                     "Context to act on instead of current-context");
  addSystemStartCommand(*system, session);
  addSystemStopCommand(*system, session);
  addSystemRestartCommand(*system, session);
  addSystemStatusCommand(*system, session);
  addSystemLogsCommand(*system, session);
  addSystemContextCommand(*system, session);
  addSystemConfigCommand(*system, session);
}

std::chrono::milliseconds parseTimeoutFlag(std::string_view text) {
  unsigned seconds = 0;
  const auto* end = text.data() + text.size();
  if (auto [ptr, ec] = std::from_chars(text.data(), end, seconds); ec == std::errc() && ptr == end) {
    if (seconds > 0) return std::chrono::seconds(seconds);
  } else if (auto duration = parseDuration(text); duration && duration->count() > 0) {
    return *duration;
  }
  throw Error(ErrorCode::kInvalidArgument, "invalid --timeout '" + std::string(text) + "'",
              "The timeout must be a positive duration.",
              "Give seconds (--timeout 90) or a duration (--timeout 2m).");
}

}  // namespace meshery::cli
