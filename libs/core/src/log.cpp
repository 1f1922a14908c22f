#include "meshery/core/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <ctime>

#include "meshery/core/error.hpp"
#include "meshery/core/json_text.hpp"

namespace meshery::log {
namespace {

std::atomic<Format> g_format{Format::kText};
std::atomic<Level> g_level{Level::kInfo};

spdlog::level::level_enum toSpdlog(Level level) {
  switch (level) {
    case Level::kTrace: return spdlog::level::trace;
    case Level::kDebug: return spdlog::level::debug;
    case Level::kInfo: return spdlog::level::info;
    case Level::kWarn: return spdlog::level::warn;
    case Level::kError: return spdlog::level::err;
    case Level::kOff: return spdlog::level::off;
  }
  return spdlog::level::info;
}

std::string_view levelName(Level level) {
  static constexpr std::string_view kNames[] = {"trace", "debug", "info", "warn", "error", "off"};
  return kNames[static_cast<int>(level)];
}

std::string utcNow() {
  auto now = std::chrono::system_clock::now();
  auto seconds = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()) % 1000;
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis.count()));
  return buffer;
}

bool needsQuotes(std::string_view value) {
  if (value.empty()) return true;
  for (char c : value) {
    if (c == ' ' || c == '"' || c == '=' || static_cast<unsigned char>(c) < 0x20) return true;
  }
  return false;
}

}  // namespace

void configure(Format format, Level level) {
  auto logger = std::make_shared<spdlog::logger>(
      "meshery", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  logger->set_pattern(format == Format::kJson ? "%v" : "%Y-%m-%dT%H:%M:%S.%e %^%-5l%$ %v");
  logger->set_level(toSpdlog(level));
  logger->flush_on(spdlog::level::warn);
  spdlog::set_default_logger(logger);
  g_format = format;
  g_level = level;
}

Format parseFormat(std::string_view text) {
  if (text == "text") return Format::kText;
  if (text == "json") return Format::kJson;
  throw Error(ErrorCode::kInvalidConfiguration, "unknown log format '" + std::string(text) + "'",
              "the log format must be 'text' or 'json'", "set --log-format text or json");
}

Level parseLevel(std::string_view text) {
  for (int i = 0; i <= static_cast<int>(Level::kOff); ++i) {
    if (levelName(static_cast<Level>(i)) == text) return static_cast<Level>(i);
  }
  if (text == "warning") return Level::kWarn;
  throw Error(ErrorCode::kInvalidConfiguration, "unknown log level '" + std::string(text) + "'",
              "the level must be one of trace, debug, info, warn, error, off",
              "set --log-level to one of those names");
}

bool enabled(Level level) { return level >= g_level.load(std::memory_order_relaxed); }

std::string render(Format format, Level level, std::string_view message, Fields fields) {
  std::string line;
  if (format == Format::kJson) {
    line = R"({"time":")" + utcNow() + R"(","level":")" + std::string(levelName(level)) +
           R"(","msg":)";
    appendJsonString(line, message);
    for (const auto& [key, value] : fields) {
      line.push_back(',');
      appendJsonString(line, key);
      line.push_back(':');
      appendJsonString(line, value);
    }
    line.push_back('}');
    return line;
  }
  line.append(message);
  for (const auto& [key, value] : fields) {
    line.push_back(' ');
    line.append(key);
    line.push_back('=');
    if (needsQuotes(value)) {
      appendJsonString(line, value);
    } else {
      line.append(value);
    }
  }
  return line;
}

void write(Level level, std::string_view message, Fields fields) {
  if (!enabled(level)) return;
  spdlog::default_logger_raw()->log(toSpdlog(level), "{}",
                                    render(g_format.load(), level, message, fields));
}

}  // namespace meshery::log
