#pragma once

// Private: Go's time.Time as Sprig's date functions use it: an instant with
// a zone, formatted and parsed with Go's reference layouts
// ("2006-01-02T15:04:05Z07:00"), zones from the system's tz database.

#include <cstdint>
#include <optional>
#include <string>

namespace meshery::gotmpl::sprig {

/// A zone at one instant: its abbreviation and offset east of UTC.
struct ZoneOffset {
  std::string name;
  int seconds = 0;
};

/// A named location ("UTC", "Local", "Europe/Paris"): nullopt when unknown.
/// "Local" is $TZ, else /etc/localtime, else UTC. A location with
/// `fixed_offset` is Go's time.FixedZone(name, offset): always that offset,
/// shown under that name (or as "-0700" when the name is empty).
struct Location {
  std::string name;
  std::string tzif;  // the zoneinfo file's bytes; empty for UTC
  std::optional<int> fixed_offset{};
};
std::optional<Location> loadLocation(const std::string& name);
ZoneOffset zoneAt(const Location& location, std::int64_t unix_seconds);

/// An instant: seconds and nanoseconds since the Unix epoch, shown in `location`.
struct GoTime {
  std::int64_t seconds = 0;
  std::int32_t nanos = 0;
  Location location{"UTC", ""};
};

/// time.Time.Format.
std::string formatTime(const GoTime& time, std::string_view layout);
/// time.ParseInLocation; nullopt when the text does not match the layout,
/// with Go's message in `error` ("parsing time ... cannot parse ...").
/// "Z" gives UTC; a numeric offset gives `location` when that is its offset
/// at that instant, else an unnamed fixed zone, as Go does.
std::optional<GoTime> parseTime(std::string_view layout, std::string_view text,
                                const Location& location, std::string* error = nullptr);
/// time.ParseDuration, in nanoseconds; nullopt on bad syntax, with Go's
/// message in `error` ("time: unknown unit ...").
std::optional<std::int64_t> parseDuration(std::string_view text, std::string* error = nullptr);
/// time.Duration.String.
std::string durationText(std::int64_t nanoseconds);

}  // namespace meshery::gotmpl::sprig
