#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "meshery/store/store.hpp"

namespace meshery::store {

/// "2024-05-01T12:34:56.123456Z": UTC with microseconds (finer digits are
/// dropped, rounding towards the past). For years 0–9999 the text sorts in
/// time order, which the SQLite schema relies on.
std::string formatTimestamp(Timestamp time);

/// Parses formatTimestamp()'s output and PostgreSQL's ISO output
/// ("2024-05-01 12:34:56.123+00", any UTC offset, 0–9 fraction digits).
/// Nullopt when `text` is not such a timestamp.
std::optional<Timestamp> parseTimestamp(std::string_view text);

}  // namespace meshery::store
