#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meshery {

/// One setting, declared once: its name (kebab-case, also the flag and the
/// key in a configuration file), default and help text. The environment
/// variable is derived: "log-level" → MESHERY_LOG_LEVEL.
struct SettingSpec {
  std::string name;
  std::string default_value;
  std::string help;
};

/// Where a setting's value came from; later sources override earlier ones.
enum class SettingOrigin { kDefault, kFile, kEnvironment, kFlag };

/// Resolved settings: defaults < configuration file < MESHERY_* environment
/// < command-line flags. Unknown keys in a file or flags are rejected with a
/// clear error. Not thread-safe while being applied; read-only afterwards.
class Settings {
 public:
  using EnvironmentLookup = std::function<std::optional<std::string>(const std::string&)>;
  using Entries = std::vector<std::pair<std::string, std::string>>;

  explicit Settings(std::vector<SettingSpec> specs);

  /// Applies the entries of a configuration file (already parsed); `source`
  /// names the file in errors. Throws Error(kInvalidConfiguration).
  void applyFile(const Entries& entries, std::string_view source);
  /// Applies MESHERY_<NAME> variables that are set.
  void applyEnvironment(const EnvironmentLookup& lookup);
  /// Applies one command-line flag. Throws for an unknown name.
  void applyFlag(std::string_view name, std::string value);

  [[nodiscard]] const std::string& get(std::string_view name) const;
  /// The value as an integer within [min, max]; throws a clear error otherwise.
  [[nodiscard]] std::int64_t getInt(std::string_view name, std::int64_t min, std::int64_t max) const;
  /// The value as a Go-style duration ("250ms", "30s", "1m30s", "2h").
  [[nodiscard]] std::chrono::milliseconds getDuration(std::string_view name) const;
  [[nodiscard]] SettingOrigin origin(std::string_view name) const;
  [[nodiscard]] const std::vector<SettingSpec>& specs() const { return specs_; }

  /// "log-level" → "MESHERY_LOG_LEVEL".
  static std::string environmentName(std::string_view name);

 private:
  struct Value {
    std::string text;
    SettingOrigin origin = SettingOrigin::kDefault;
  };
  std::size_t indexOf(std::string_view name, std::string_view source) const;

  std::vector<SettingSpec> specs_;
  std::vector<Value> values_;
};

/// Parses a Go-style duration; nullopt if malformed or negative.
std::optional<std::chrono::milliseconds> parseDuration(std::string_view text);

}  // namespace meshery
