#include "meshery/core/settings.hpp"

#include <cctype>
#include <charconv>

#include "meshery/core/error.hpp"

namespace meshery {

Settings::Settings(std::vector<SettingSpec> specs) : specs_(std::move(specs)) {
  values_.reserve(specs_.size());
  for (const auto& spec : specs_) values_.push_back({spec.default_value, SettingOrigin::kDefault});
}

std::string Settings::environmentName(std::string_view name) {
  std::string env = "MESHERY_";
  for (char c : name) {
    env.push_back(c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  }
  return env;
}

std::size_t Settings::indexOf(std::string_view name, std::string_view source) const {
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    if (specs_[i].name == name) return i;
  }
  std::string known;
  for (const auto& spec : specs_) known += (known.empty() ? "" : ", ") + spec.name;
  throw Error(ErrorCode::kInvalidConfiguration,
              "unknown setting '" + std::string(name) + "' in " + std::string(source),
              "the name is misspelt or belongs to another version",
              "use one of: " + known);
}

void Settings::applyFile(const Entries& entries, std::string_view source) {
  for (const auto& [name, value] : entries) {
    values_[indexOf(name, source)] = {value, SettingOrigin::kFile};
  }
}

void Settings::applyEnvironment(const EnvironmentLookup& lookup) {
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    if (auto value = lookup(environmentName(specs_[i].name))) {
      values_[i] = {*value, SettingOrigin::kEnvironment};
    }
  }
}

void Settings::applyFlag(std::string_view name, std::string value) {
  values_[indexOf(name, "command-line flags")] = {std::move(value), SettingOrigin::kFlag};
}

const std::string& Settings::get(std::string_view name) const {
  return values_[indexOf(name, "the program")].text;
}

SettingOrigin Settings::origin(std::string_view name) const {
  return values_[indexOf(name, "the program")].origin;
}

std::int64_t Settings::getInt(std::string_view name, std::int64_t min, std::int64_t max) const {
  const std::string& text = get(name);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < min || value > max) {
    throw Error(ErrorCode::kInvalidConfiguration,
                "setting '" + std::string(name) + "' has the invalid value '" + text + "'",
                "it must be an integer from " + std::to_string(min) + " to " + std::to_string(max),
                "set --" + std::string(name) + " (or " + environmentName(name) +
                    ") to a value in that range");
  }
  return value;
}

std::chrono::milliseconds Settings::getDuration(std::string_view name) const {
  const std::string& text = get(name);
  if (auto value = parseDuration(text)) return *value;
  throw Error(ErrorCode::kInvalidConfiguration,
              "setting '" + std::string(name) + "' has the invalid duration '" + text + "'",
              "durations are a number with a unit: ms, s, m or h (e.g. 500ms, 30s, 1m30s)",
              "set --" + std::string(name) + " to a duration such as 30s");
}

std::optional<std::chrono::milliseconds> parseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text == "0") return std::chrono::milliseconds(0);
  double total_ms = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t start = i;
    while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.'))
      ++i;
    if (start == i) return std::nullopt;
    double number = 0;
    auto [end, ec] = std::from_chars(text.data() + start, text.data() + i, number);
    if (ec != std::errc() || end != text.data() + i) return std::nullopt;
    std::size_t unit_start = i;
    while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i]))) ++i;
    std::string_view unit = text.substr(unit_start, i - unit_start);
    double scale = 0;
    if (unit == "ms") scale = 1;
    else if (unit == "s") scale = 1000;
    else if (unit == "m") scale = 60'000;
    else if (unit == "h") scale = 3'600'000;
    else return std::nullopt;
    total_ms += number * scale;
  }
  return std::chrono::milliseconds(static_cast<std::int64_t>(total_ms));
}

}  // namespace meshery
