#include "go_time.hpp"

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <limits>

namespace meshery::gotmpl::sprig {
namespace {

constexpr std::array<std::string_view, 12> kMonths = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 7> kDays = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                   "Thursday", "Friday", "Saturday"};

// Days since 1970-01-01 of a civil date, and back (H. Hinnant's algorithms).
std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

unsigned daysInMonth(std::int64_t year, unsigned month) {
  static constexpr std::array<unsigned, 12> kLengths = {31, 28, 31, 30, 31, 30,
                                                        31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : kLengths[month - 1];
}

struct Civil {
  std::int64_t year;
  unsigned month;
  unsigned day;
};

Civil civilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2), m, d};
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

void appendInt(std::string& out, std::int64_t value, int width, char pad = '0') {
  if (value < 0) {
    out += '-';
    value = -value;
  }
  const std::string digits = std::to_string(value);
  for (int i = static_cast<int>(digits.size()); i < width; ++i) out += pad;
  out += digits;
}

enum class Std {
  kNone,
  kLongMonth,
  kMonth,
  kNumMonth,
  kZeroMonth,
  kLongWeekDay,
  kWeekDay,
  kDay,
  kUnderDay,
  kZeroDay,
  kUnderYearDay,
  kZeroYearDay,
  kHour,
  kHour12,
  kZeroHour12,
  kMinute,
  kZeroMinute,
  kSecond,
  kZeroSecond,
  kLongYear,
  kYear,
  kPM,
  kpm,
  kTZ,
  kISO8601TZ,
  kISO8601SecondsTZ,
  kISO8601ShortTZ,
  kISO8601ColonTZ,
  kISO8601ColonSecondsTZ,
  kNumTZ,
  kNumSecondsTz,
  kNumShortTZ,
  kNumColonTZ,
  kNumColonSecondsTZ,
  kFracSecond0,
  kFracSecond9,
};

struct Chunk {
  std::string_view prefix;
  Std std = Std::kNone;
  int digits = 0;  // fractional seconds
  char separator = '.';
  std::string_view suffix;
};

bool startsWithAt(std::string_view s, std::size_t i, std::string_view what) {
  return s.substr(i).starts_with(what);
}

// Go's nextStdChunk.
Chunk nextChunk(std::string_view layout) {
  for (std::size_t i = 0; i < layout.size(); ++i) {
    const auto chunk = [&](Std std, std::size_t length) {
      return Chunk{layout.substr(0, i), std, 0, '.', layout.substr(i + length)};
    };
    switch (layout[i]) {
      case 'J':
        if (startsWithAt(layout, i, "Jan")) {
          return startsWithAt(layout, i, "January") ? chunk(Std::kLongMonth, 7)
                                                    : chunk(Std::kMonth, 3);
        }
        break;
      case 'M':
        if (startsWithAt(layout, i, "Mon")) {
          return startsWithAt(layout, i, "Monday") ? chunk(Std::kLongWeekDay, 6)
                                                   : chunk(Std::kWeekDay, 3);
        }
        if (startsWithAt(layout, i, "MST")) return chunk(Std::kTZ, 3);
        break;
      case '0':
        if (i + 1 < layout.size() && layout[i + 1] >= '1' && layout[i + 1] <= '6') {
          static constexpr Std k0x[] = {Std::kZeroMonth,  Std::kZeroDay,    Std::kZeroHour12,
                                        Std::kZeroMinute, Std::kZeroSecond, Std::kYear};
          return chunk(k0x[layout[i + 1] - '1'], 2);
        }
        if (startsWithAt(layout, i, "002")) return chunk(Std::kZeroYearDay, 3);
        break;
      case '1':
        if (startsWithAt(layout, i, "15")) return chunk(Std::kHour, 2);
        return chunk(Std::kNumMonth, 1);
      case '2':
        if (startsWithAt(layout, i, "2006")) return chunk(Std::kLongYear, 4);
        return chunk(Std::kDay, 1);
      case '_':
        if (startsWithAt(layout, i, "_2")) {
          if (startsWithAt(layout, i, "_2006"))
            return Chunk{layout.substr(0, i + 1), Std::kLongYear, 0, '.', layout.substr(i + 5)};
          return chunk(Std::kUnderDay, 2);
        }
        if (startsWithAt(layout, i, "__2")) return chunk(Std::kUnderYearDay, 3);
        break;
      case '3':
        return chunk(Std::kHour12, 1);
      case '4':
        return chunk(Std::kMinute, 1);
      case '5':
        return chunk(Std::kSecond, 1);
      case 'P':
        if (startsWithAt(layout, i, "PM")) return chunk(Std::kPM, 2);
        break;
      case 'p':
        if (startsWithAt(layout, i, "pm")) return chunk(Std::kpm, 2);
        break;
      case '-':
        if (startsWithAt(layout, i, "-070000")) return chunk(Std::kNumSecondsTz, 7);
        if (startsWithAt(layout, i, "-07:00:00")) return chunk(Std::kNumColonSecondsTZ, 9);
        if (startsWithAt(layout, i, "-0700")) return chunk(Std::kNumTZ, 5);
        if (startsWithAt(layout, i, "-07:00")) return chunk(Std::kNumColonTZ, 6);
        if (startsWithAt(layout, i, "-07")) return chunk(Std::kNumShortTZ, 3);
        break;
      case 'Z':
        if (startsWithAt(layout, i, "Z070000")) return chunk(Std::kISO8601SecondsTZ, 7);
        if (startsWithAt(layout, i, "Z07:00:00")) return chunk(Std::kISO8601ColonSecondsTZ, 9);
        if (startsWithAt(layout, i, "Z0700")) return chunk(Std::kISO8601TZ, 5);
        if (startsWithAt(layout, i, "Z07:00")) return chunk(Std::kISO8601ColonTZ, 6);
        if (startsWithAt(layout, i, "Z07")) return chunk(Std::kISO8601ShortTZ, 3);
        break;
      case '.':
      case ',':
        if (i + 1 < layout.size() && (layout[i + 1] == '0' || layout[i + 1] == '9')) {
          const char digit = layout[i + 1];
          std::size_t j = i + 1;
          while (j < layout.size() && layout[j] == digit) ++j;
          if (!(j < layout.size() && layout[j] >= '0' && layout[j] <= '9')) {
            return Chunk{layout.substr(0, i), digit == '0' ? Std::kFracSecond0 : Std::kFracSecond9,
                         static_cast<int>(j - i - 1), layout[i], layout.substr(j)};
          }
        }
        break;
      default:
        break;
    }
  }
  return Chunk{layout, Std::kNone, 0, '.', {}};
}

void appendZone(std::string& out, int offset, bool colon, bool seconds, bool short_form) {
  int zone = offset / 60;
  int absolute = offset;
  if (zone < 0) {
    out += '-';
    zone = -zone;
    absolute = -absolute;
  } else {
    out += '+';
  }
  appendInt(out, zone / 60, 2);
  if (short_form) return;
  if (colon) out += ':';
  appendInt(out, zone % 60, 2);
  if (seconds) {
    if (colon) out += ':';
    appendInt(out, absolute % 60, 2);
  }
}

}  // namespace

std::string formatTime(const GoTime& time, std::string_view layout) {
  const ZoneOffset zone =
      time.location.tzif.empty() && !time.location.fixed_offset
          ? ZoneOffset{time.location.name == "Local" ? "UTC" : time.location.name, 0}
          : zoneAt(time.location, time.seconds);
  const std::int64_t local = time.seconds + zone.seconds;
  const std::int64_t days = floorDiv(local, 86400);
  const std::int64_t second_of_day = local - days * 86400;
  const Civil civil = civilFromDays(days);
  const int hour = static_cast<int>(second_of_day / 3600);
  const int minute = static_cast<int>(second_of_day / 60 % 60);
  const int second = static_cast<int>(second_of_day % 60);
  const int weekday =
      static_cast<int>(floorDiv(days + 4, 1) % 7 + 7) % 7;  // 1970-01-01 was a Thursday
  const std::int64_t yday = days - daysFromCivil(civil.year, 1, 1) + 1;
  std::string out;
  while (!layout.empty()) {
    const Chunk chunk = nextChunk(layout);
    out += chunk.prefix;
    if (chunk.std == Std::kNone) break;
    layout = chunk.suffix;
    switch (chunk.std) {
      case Std::kYear:
        appendInt(out, ((civil.year % 100) + 100) % 100, 2);
        break;
      case Std::kLongYear:
        appendInt(out, civil.year, 4);
        break;
      case Std::kMonth:
        out += kMonths[civil.month - 1].substr(0, 3);
        break;
      case Std::kLongMonth:
        out += kMonths[civil.month - 1];
        break;
      case Std::kNumMonth:
        appendInt(out, civil.month, 0);
        break;
      case Std::kZeroMonth:
        appendInt(out, civil.month, 2);
        break;
      case Std::kWeekDay:
        out += kDays[static_cast<std::size_t>(weekday)].substr(0, 3);
        break;
      case Std::kLongWeekDay:
        out += kDays[static_cast<std::size_t>(weekday)];
        break;
      case Std::kDay:
        appendInt(out, civil.day, 0);
        break;
      case Std::kUnderDay:
        appendInt(out, civil.day, 2, ' ');
        break;
      case Std::kZeroDay:
        appendInt(out, civil.day, 2);
        break;
      case Std::kUnderYearDay:
        appendInt(out, yday, 3, ' ');
        break;
      case Std::kZeroYearDay:
        appendInt(out, yday, 3);
        break;
      case Std::kHour:
        appendInt(out, hour, 2);
        break;
      case Std::kHour12:
        appendInt(out, hour % 12 == 0 ? 12 : hour % 12, 0);
        break;
      case Std::kZeroHour12:
        appendInt(out, hour % 12 == 0 ? 12 : hour % 12, 2);
        break;
      case Std::kMinute:
        appendInt(out, minute, 0);
        break;
      case Std::kZeroMinute:
        appendInt(out, minute, 2);
        break;
      case Std::kSecond:
        appendInt(out, second, 0);
        break;
      case Std::kZeroSecond:
        appendInt(out, second, 2);
        break;
      case Std::kPM:
        out += hour >= 12 ? "PM" : "AM";
        break;
      case Std::kpm:
        out += hour >= 12 ? "pm" : "am";
        break;
      case Std::kISO8601TZ:
      case Std::kISO8601ColonTZ:
      case Std::kISO8601SecondsTZ:
      case Std::kISO8601ShortTZ:
      case Std::kISO8601ColonSecondsTZ:
        if (zone.seconds == 0) {
          out += 'Z';
          break;
        }
        [[fallthrough]];
      case Std::kNumTZ:
      case Std::kNumSecondsTz:
      case Std::kNumShortTZ:
      case Std::kNumColonTZ:
      case Std::kNumColonSecondsTZ: {
        const bool colon = chunk.std == Std::kISO8601ColonTZ || chunk.std == Std::kNumColonTZ ||
                           chunk.std == Std::kISO8601ColonSecondsTZ ||
                           chunk.std == Std::kNumColonSecondsTZ;
        const bool seconds =
            chunk.std == Std::kISO8601SecondsTZ || chunk.std == Std::kNumSecondsTz ||
            chunk.std == Std::kISO8601ColonSecondsTZ || chunk.std == Std::kNumColonSecondsTZ;
        const bool short_form = chunk.std == Std::kISO8601ShortTZ || chunk.std == Std::kNumShortTZ;
        appendZone(out, zone.seconds, colon, seconds, short_form);
        break;
      }
      case Std::kTZ:
        if (!zone.name.empty()) {
          out += zone.name;
        } else {
          appendZone(out, zone.seconds, false, false, false);
        }
        break;
      case Std::kFracSecond0:
      case Std::kFracSecond9: {
        std::string digits = std::to_string(1'000'000'000 + time.nanos)
                                 .substr(1, static_cast<std::size_t>(chunk.digits));
        if (chunk.std == Std::kFracSecond9) {
          while (!digits.empty() && digits.back() == '0') digits.pop_back();
          if (digits.empty()) break;
        }
        out += chunk.separator;
        out += digits;
        break;
      }
      case Std::kNone:
        break;
    }
  }
  return out;
}

std::optional<GoTime> parseTime(std::string_view full_layout, std::string_view full_text,
                                const Location& location, std::string* error) {
  std::string_view layout = full_layout;
  std::string_view text = full_text;
  const auto quote = [](std::string_view s) { return "\"" + std::string(s) + "\""; };
  const auto fail = [&](std::string_view value_elem,
                        std::string_view layout_elem) -> std::optional<GoTime> {
    if (error != nullptr) {
      *error = "parsing time " + quote(full_text) + " as " + quote(full_layout) +
               ": cannot parse " + quote(value_elem) + " as " + quote(layout_elem);
    }
    return std::nullopt;
  };
  std::int64_t year = 0;  // Go's default year, as in "0000-01-01 07:32:00"
  unsigned month = 1;
  unsigned day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::int32_t nanos = 0;
  bool pm = false;
  bool pm_set = false;
  std::optional<int> offset;
  bool zulu = false;  // "Z": UTC itself, not an offset of zero
  const auto number = [&](int min_digits, int max_digits, std::int64_t& value) {
    int count = 0;
    bool negative = false;
    if (!text.empty() && text[0] == '-' && max_digits >= 4) {
      negative = true;
      text.remove_prefix(1);
    }
    value = 0;
    while (count < max_digits && !text.empty() && text[0] >= '0' && text[0] <= '9') {
      value = value * 10 + (text[0] - '0');
      text.remove_prefix(1);
      ++count;
    }
    if (negative) value = -value;
    return count >= min_digits;
  };
  const auto name = [&](const auto& names, std::size_t length, unsigned& index) {
    for (std::size_t i = 0; i < names.size(); ++i) {
      const std::string_view candidate = length == 0 ? names[i] : names[i].substr(0, length);
      if (text.size() >= candidate.size()) {
        bool same = true;
        for (std::size_t j = 0; j < candidate.size(); ++j) {
          if (std::tolower(static_cast<unsigned char>(text[j])) !=
              std::tolower(static_cast<unsigned char>(candidate[j])))
            same = false;
        }
        if (same) {
          index = static_cast<unsigned>(i);
          text.remove_prefix(candidate.size());
          return true;
        }
      }
    }
    return false;
  };
  while (!layout.empty()) {
    const Chunk chunk = nextChunk(layout);
    if (!text.starts_with(chunk.prefix)) return fail(text, chunk.prefix);
    text.remove_prefix(chunk.prefix.size());
    if (chunk.std == Std::kNone) {
      layout = {};
      break;
    }
    const std::string_view element = layout.substr(
        chunk.prefix.size(), layout.size() - chunk.prefix.size() - chunk.suffix.size());
    const std::string_view value_before = text;
    layout = chunk.suffix;
    std::int64_t v = 0;
    unsigned index = 0;
    const bool ok = [&]() -> bool {
      switch (chunk.std) {
        case Std::kYear:
          if (!number(2, 2, v)) return false;
          year = v >= 69 ? v + 1900 : v + 2000;
          break;
        case Std::kLongYear:
          if (!number(4, 4, v)) return false;
          year = v;
          break;
        case Std::kMonth:
          if (!name(kMonths, 3, index)) return false;
          month = index + 1;
          break;
        case Std::kLongMonth:
          if (!name(kMonths, 0, index)) return false;
          month = index + 1;
          break;
        case Std::kNumMonth:
        case Std::kZeroMonth:
          if (!number(chunk.std == Std::kZeroMonth ? 2 : 1, 2, v) || v < 1 || v > 12) return false;
          month = static_cast<unsigned>(v);
          break;
        case Std::kWeekDay:
          if (!name(kDays, 3, index)) return false;
          break;
        case Std::kLongWeekDay:
          if (!name(kDays, 0, index)) return false;
          break;
        case Std::kDay:
        case Std::kUnderDay:
        case Std::kZeroDay:
          if (chunk.std == Std::kUnderDay && !text.empty() && text[0] == ' ') text.remove_prefix(1);
          if (!number(chunk.std == Std::kZeroDay ? 2 : 1, 2, v) || v < 1 || v > 31) return false;
          day = static_cast<unsigned>(v);
          break;
        case Std::kHour:
          if (!number(1, 2, v) || v > 23) return false;
          hour = static_cast<int>(v);
          break;
        case Std::kHour12:
        case Std::kZeroHour12:
          if (!number(chunk.std == Std::kZeroHour12 ? 2 : 1, 2, v) || v > 12) return false;
          hour = static_cast<int>(v);
          break;
        case Std::kMinute:
        case Std::kZeroMinute:
          if (!number(chunk.std == Std::kZeroMinute ? 2 : 1, 2, v) || v > 59) return false;
          minute = static_cast<int>(v);
          break;
        case Std::kSecond:
        case Std::kZeroSecond:
          if (!number(chunk.std == Std::kZeroSecond ? 2 : 1, 2, v) || v > 59) return false;
          second = static_cast<int>(v);
          // Go reads a fractional second after seconds even when the layout has none.
          if (text.size() >= 2 && (text[0] == '.' || text[0] == ',') && text[1] >= '0' &&
              text[1] <= '9' &&
              !(nextChunk(layout).prefix.empty() && (nextChunk(layout).std == Std::kFracSecond0 ||
                                                     nextChunk(layout).std == Std::kFracSecond9))) {
            text.remove_prefix(1);
            std::string digits;
            while (!text.empty() && text[0] >= '0' && text[0] <= '9') {
              digits += text[0];
              text.remove_prefix(1);
            }
            nanos = static_cast<std::int32_t>(std::stol((digits + "000000000").substr(0, 9)));
          }
          break;
        case Std::kPM:
        case Std::kpm:
          if (text.size() < 2) return false;
          pm_set = true;
          pm = (text[0] == 'P' || text[0] == 'p');
          text.remove_prefix(2);
          break;
        case Std::kFracSecond0:
        case Std::kFracSecond9: {
          const bool fraction = text.size() >= 2 && (text[0] == '.' || text[0] == ',') &&
                                text[1] >= '0' && text[1] <= '9';
          if (!fraction && chunk.std == Std::kFracSecond9) break;  // optional, as in Go
          if (text.empty() || (text[0] != '.' && text[0] != ',')) return false;
          text.remove_prefix(1);
          std::string digits;
          while (!text.empty() && text[0] >= '0' && text[0] <= '9') {
            digits += text[0];
            text.remove_prefix(1);
          }
          nanos = static_cast<std::int32_t>(std::stol((digits + "000000000").substr(0, 9)));
          break;
        }
        case Std::kTZ:
          while (!text.empty() && std::isupper(static_cast<unsigned char>(text[0])) != 0)
            text.remove_prefix(1);
          break;
        default: {
          if (!text.empty() && text[0] == 'Z' &&
              (chunk.std == Std::kISO8601TZ || chunk.std == Std::kISO8601ColonTZ ||
               chunk.std == Std::kISO8601SecondsTZ || chunk.std == Std::kISO8601ShortTZ ||
               chunk.std == Std::kISO8601ColonSecondsTZ)) {
            text.remove_prefix(1);
            offset = 0;
            zulu = true;
            break;
          }
          if (text.empty() || (text[0] != '+' && text[0] != '-')) return false;
          const int sign = text[0] == '-' ? -1 : 1;
          text.remove_prefix(1);
          std::int64_t hh = 0;
          std::int64_t mm = 0;
          std::int64_t ss = 0;
          if (!number(2, 2, hh)) return false;
          const bool colon = chunk.std == Std::kISO8601ColonTZ || chunk.std == Std::kNumColonTZ ||
                             chunk.std == Std::kISO8601ColonSecondsTZ ||
                             chunk.std == Std::kNumColonSecondsTZ;
          const bool with_seconds =
              chunk.std == Std::kISO8601SecondsTZ || chunk.std == Std::kNumSecondsTz ||
              chunk.std == Std::kISO8601ColonSecondsTZ || chunk.std == Std::kNumColonSecondsTZ;
          const auto field = [&](std::int64_t& value) {  // [":"] and two digits
            if (colon && (text.empty() || text[0] != ':')) return false;
            if (colon) text.remove_prefix(1);
            return number(2, 2, value);
          };
          if (chunk.std != Std::kISO8601ShortTZ && chunk.std != Std::kNumShortTZ && !field(mm))
            return false;
          if (with_seconds && !field(ss)) return false;
          if (hh > 24 || mm > 60 || ss > 60)
            return false;  // Go allows 24 and 60, as people write them
          offset = sign * static_cast<int>(hh * 3600 + mm * 60 + ss);
          break;
        }
      }
      return true;
    }();
    if (!ok) return fail(value_before, element);
  }
  if (!text.empty()) {
    if (error != nullptr)
      *error = "parsing time " + quote(full_text) + ": extra text: " + quote(text);
    return std::nullopt;
  }
  if (pm_set) {
    if (pm && hour < 12) hour += 12;
    if (!pm && hour == 12) hour = 0;
  }
  if (day > daysInMonth(year, month)) {
    if (error != nullptr) *error = "parsing time " + quote(full_text) + ": day out of range";
    return std::nullopt;
  }
  const std::int64_t local =
      daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
  GoTime time;
  time.nanos = nanos;
  if (zulu) {
    time.seconds = local;
    time.location = Location{"UTC", ""};
  } else if (offset) {
    time.seconds = local - *offset;
    time.location =
        zoneAt(location, time.seconds).seconds == *offset ? location : Location{"", "", *offset};
  } else {
    time.location = location;
    time.seconds = local - zoneAt(location, local).seconds;
  }
  return time;
}

}  // namespace meshery::gotmpl::sprig
