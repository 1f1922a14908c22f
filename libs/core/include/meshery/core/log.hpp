#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace meshery::log {

enum class Format { kText, kJson };
enum class Level { kTrace, kDebug, kInfo, kWarn, kError, kOff };

/// One key=value pair of a structured log line.
using Field = std::pair<std::string_view, std::string_view>;
using Fields = std::initializer_list<Field>;

/// Configures the process-wide logger (stderr). Call once at start-up, before
/// other threads log; later calls replace the sink. Thread-safe afterwards.
void configure(Format format, Level level);

/// Parses "text"/"json" and "trace".."off"; throws Error(kInvalidConfiguration).
Format parseFormat(std::string_view text);
Level parseLevel(std::string_view text);

/// Writes one structured line: text form `message key=value …`, JSON form
/// `{"time":…,"level":…,"msg":…,"key":"value",…}` with proper escaping.
void write(Level level, std::string_view message, Fields fields = {});

inline void debug(std::string_view m, Fields f = {}) { write(Level::kDebug, m, f); }
inline void info(std::string_view m, Fields f = {}) { write(Level::kInfo, m, f); }
inline void warn(std::string_view m, Fields f = {}) { write(Level::kWarn, m, f); }
inline void error(std::string_view m, Fields f = {}) { write(Level::kError, m, f); }

/// True when lines at this level are written (skip building costly fields).
bool enabled(Level level);

/// Renders one line without writing it (exposed for tests).
std::string render(Format format, Level level, std::string_view message, Fields fields);

}  // namespace meshery::log
