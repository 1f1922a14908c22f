#pragma once

// Go's time.Time as a template value (what Sprig's `now` and `toDate` give):
// for libraries that decode times themselves, such as Helm's fromToml.

#include <optional>
#include <string>
#include <string_view>

#include "meshery/gotmpl/value.hpp"

namespace meshery::gotmpl {

/// Where a parsed time without an explicit offset is placed: Go's
/// time.Local, or time.FixedZone(name, offset_seconds).
struct TimeZone {
  std::string name;                 ///< the fixed zone's name; ignored for Local
  std::optional<int> fixed_offset;  ///< nullopt: time.Local
};

/// time.ParseInLocation(layout, text, zone) as a time.Time value, or nullopt
/// when `text` does not match `layout`.
std::optional<Value> parseTimeValue(std::string_view layout, std::string_view text,
                                    const TimeZone& zone);

/// The offset east of UTC, in seconds, that time.Local has now.
int localOffsetNow();

}  // namespace meshery::gotmpl
