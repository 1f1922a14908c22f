#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>

#include "meshery/cli/config.hpp"
#include "meshery/cli/local_server.hpp"

namespace meshery::cli {

/// Flags that apply to every command (or, for `context_name`, to `system`).
struct GlobalOptions {
  std::string config_path;   ///< --config; empty means $MESHERY_HOME/config.yaml
  bool verbose = false;      ///< -v/--verbose
  std::string context_name;  ///< -c/--context of `system`; empty means current-context
};

/// A context together with its name.
struct NamedContext {
  std::string name;
  Context context;
};

/// What one mesheryctl invocation shares between its commands: the output
/// streams, the global flags, the configuration (loaded on first use) and
/// the action chosen by parsing. Not thread-safe.
class Session {
 public:
  Session(std::ostream& out, std::ostream& err, bool interactive);

  GlobalOptions& options() { return options_; }
  std::ostream& out() { return out_; }
  std::ostream& err() { return err_; }
  /// True when stderr is a terminal: progress may redraw one line.
  [[nodiscard]] bool interactive() const { return interactive_; }
  /// Writes `message` to stderr when --verbose is set.
  void debug(std::string_view message);

  [[nodiscard]] std::filesystem::path configPath() const;
  /// The configuration; the first call reads it (creating the default file
  /// when the default path is missing). Throws Error for unreadable files.
  Config& config();
  /// Writes the configuration back atomically.
  void saveConfig();
  /// The context `system` commands act on: --context, else current-context.
  /// Throws Error(kNotFound / kInvalidConfiguration) when it does not exist.
  NamedContext selectedContext();
  /// The local server's files under the Meshery home folder.
  [[nodiscard]] ServerFiles serverFiles() const;

  /// Records the command to run once parsing is complete.
  void setAction(std::function<void()> action) { action_ = std::move(action); }
  /// Runs the recorded action; false when parsing chose none.
  bool runAction();

 private:
  std::ostream& out_;
  std::ostream& err_;
  bool interactive_;
  GlobalOptions options_;
  std::optional<Config> config_;
  std::function<void()> action_;
};

}  // namespace meshery::cli
