#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace CLI {
class App;
}

namespace meshery::cli {

class Session;

/// Each function adds one noun or verb (and its flags) under `parent`; the
/// command's callback records its action in `session`.
void addVersionCommand(CLI::App& parent, Session& session);
void addCompletionCommand(CLI::App& parent, Session& session);
void addSystemCommand(CLI::App& parent, Session& session);
/// Adds the registry nouns (`model`, `component`, `relationship`) under `parent`.
void addModelCommand(CLI::App& parent, Session& session);
void addDesignCommand(CLI::App& parent, Session& session);
/// `chart template`: Helm charts rendered in-process.
void addChartCommand(CLI::App& parent, Session& session);
/// `model import` and `model export`.
void addModelTransferCommands(CLI::App& model, Session& session);
/// `model generate`.
void addModelGenerateCommand(CLI::App& model, Session& session);
void addComponentCommand(CLI::App& parent, Session& session);
/// `connection list|view|delete`.
void addConnectionCommand(CLI::App& parent, Session& session);
/// `system config --kubeconfig FILE`: connect a kubeconfig's clusters.
void addSystemConfigCommand(CLI::App& system, Session& session);
void addRelationshipCommand(CLI::App& parent, Session& session);
void addSystemStartCommand(CLI::App& system, Session& session);
void addSystemStopCommand(CLI::App& system, Session& session);
void addSystemRestartCommand(CLI::App& system, Session& session);
void addSystemStatusCommand(CLI::App& system, Session& session);
void addSystemLogsCommand(CLI::App& system, Session& session);
void addSystemContextCommand(CLI::App& system, Session& session);
void addContextListCommand(CLI::App& context, Session& session);
void addContextViewCommand(CLI::App& context, Session& session);

/// The value of a --timeout flag: a Go duration ("90s", "2m") or a whole
/// number of seconds. Throws Error(kInvalidArgument).
std::chrono::milliseconds parseTimeoutFlag(std::string_view text);

}  // namespace meshery::cli
