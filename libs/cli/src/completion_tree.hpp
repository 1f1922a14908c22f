#pragma once

#include <string>
#include <vector>

namespace meshery::cli {

/// One flag of a command, as shell completion needs it.
struct CompletionFlag {
  std::vector<std::string> short_names;  ///< without the dash, e.g. "o"
  std::vector<std::string> long_names;   ///< without the dashes, e.g. "output"
  std::string description;
  bool takes_value = false;
  std::vector<std::string> values;  ///< known values, when there is a fixed set
};

/// One command of the tree: its full path ("mesheryctl system context").
struct CompletionCommand {
  std::string path;
  std::string description;
  std::vector<std::string> subcommands;  ///< names of the direct children
  std::vector<CompletionFlag> flags;
  std::vector<std::string> argument_values;  ///< fixed values of its positional argument
};

/// Scripts that complete the commands and flags of `commands` (the first
/// entry is the root). Each is self-contained and sourced by the shell.
std::string bashCompletion(const std::vector<CompletionCommand>& commands);
std::string zshCompletion(const std::vector<CompletionCommand>& commands);
std::string fishCompletion(const std::vector<CompletionCommand>& commands);

}  // namespace meshery::cli
