#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::cli {

/// One entry of `contexts` in config.yaml: where a Meshery server is and how
/// mesheryctl manages it. Empty strings are omitted when written.
struct Context {
  std::string endpoint;                 ///< e.g. "http://localhost:9081"
  std::string token;                    ///< name of an entry in `tokens`
  std::string platform;                 ///< "docker", "local" or "kubernetes"
  std::vector<std::string> components;  ///< adapters/components to deploy
  std::string channel;                  ///< "stable" or "edge"
  std::string version;                  ///< "latest" or a release tag
  std::string provider;                 ///< e.g. "Local", "Meshery"

  friend bool operator==(const Context&, const Context&) = default;
};

/// One entry of `tokens`: a named credential file (relative to the home folder).
struct Token {
  std::string name;
  std::string location;
};

/// The name of the context mesheryctl writes when it creates a config file.
inline constexpr std::string_view kDefaultContextName = "local";

/// The context written into a new config file (Meshery's template context,
/// with the local provider of this implementation).
Context defaultContext();

/// mesheryctl's configuration file (`~/.meshery/config.yaml`) in Meshery's
/// format. Keeps the whole document so that keys it does not know survive a
/// rewrite (comments do not). Value type; not thread-safe.
class Config {
 public:
  /// A configuration with only the default `local` context, current.
  static Config defaults();
  /// Parses YAML text; `source` names it in errors. Throws
  /// Error(kInvalidConfiguration) with the position for malformed YAML or a
  /// document that is not shaped like a config file.
  static Config parse(std::string_view yaml_text, std::string_view source);
  /// Reads `path`. Throws Error(kNotFound) when it does not exist.
  static Config load(const std::filesystem::path& path);
  /// Reads `path`, first writing defaults() there (and creating its folder)
  /// when it does not exist. `created` is set to whether that happened.
  static Config loadOrCreate(const std::filesystem::path& path, bool* created = nullptr);

  /// The document as YAML (keys sorted, like Meshery's viper writes them).
  [[nodiscard]] std::string serialize() const;
  /// Writes atomically: a temporary file in the same folder, flushed, then
  /// renamed over `path` (a symlink is followed). New files are mode 0600.
  void save(const std::filesystem::path& path) const;

  /// Context names, sorted.
  [[nodiscard]] std::vector<std::string> contextNames() const;
  [[nodiscard]] bool hasContext(std::string_view name) const;
  /// Throws Error(kNotFound), listing the known names, when `name` is absent.
  void requireContext(std::string_view name) const;
  /// The named context; throws Error(kNotFound) listing the known names.
  [[nodiscard]] Context context(std::string_view name) const;
  /// The raw document of one context (known and unknown keys).
  [[nodiscard]] nlohmann::json contextDocument(std::string_view name) const;
  /// Adds or replaces a context; unknown keys of an existing entry are kept.
  void setContext(const std::string& name, const Context& context);
  /// Removes a context. Throws Error(kNotFound). Does not touch current-context.
  void removeContext(std::string_view name);

  /// `current-context`, empty when unset.
  [[nodiscard]] std::string currentContextName() const;
  /// Sets `current-context`; throws Error(kNotFound) for an unknown name.
  void setCurrentContext(const std::string& name);

  [[nodiscard]] std::vector<Token> tokens() const;
  /// The whole document.
  [[nodiscard]] const nlohmann::json& document() const { return document_; }

 private:
  explicit Config(nlohmann::json document) : document_(std::move(document)) {}
  nlohmann::json document_;
};

}  // namespace meshery::cli
