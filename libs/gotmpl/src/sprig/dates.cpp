// Sprig's date functions (date.go): now, date, dateInZone, dateModify,
// ago, duration, durationRound, htmlDate, htmlDateInZone, toDate, unixEpoch,
// over Go's time.Time (go_time.hpp) and the injected clock.

#include <chrono>
#include <ctime>

#include "go_time.hpp"
#include "meshery/gotmpl/time_value.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;
using Clock = std::function<std::chrono::system_clock::time_point()>;

GoTime fromClock(const Clock& clock) {
  const auto since_epoch = clock().time_since_epoch();
  const auto nanos = std::chrono::duration_cast<std::chrono::nanoseconds>(since_epoch).count();
  GoTime time;
  time.seconds = nanos / 1'000'000'000 - (nanos % 1'000'000'000 < 0 ? 1 : 0);
  time.nanos = static_cast<std::int32_t>(nanos - time.seconds * 1'000'000'000);
  time.location = loadLocation("Local").value_or(Location{"UTC", ""});
  return time;
}

/// time.Time as templates see it.
class TimeObject : public Object {
 public:
  explicit TimeObject(GoTime time) : time_(std::move(time)) {}
  [[nodiscard]] const GoTime& time() const { return time_; }
  [[nodiscard]] std::string typeName() const override { return "time.Time"; }
  [[nodiscard]] std::optional<Value> field(std::string_view) const override { return std::nullopt; }
  [[nodiscard]] std::optional<Function> method(std::string_view name) const override {
    const GoTime t = time_;
    const auto constant = [](Value value) {
      return Function{{}, false, [value](CallContext&, std::vector<Value>&) { return value; }};
    };
    if (name == "Unix") return constant(Value::integer(t.seconds, IntType::kInt64));
    if (name == "UnixNano")
      return constant(Value::integer(t.seconds * 1'000'000'000 + t.nanos, IntType::kInt64));
    if (name == "String") return constant(Value::string(text()));
    if (name == "Year") return constant(Value::integer(std::stoll(formatTime(t, "2006"))));
    if (name == "Day") return constant(Value::integer(std::stoll(formatTime(t, "2"))));
    if (name == "Hour") return constant(Value::integer(std::stoll(formatTime(t, "15"))));
    if (name == "Minute") return constant(Value::integer(std::stoll(formatTime(t, "4"))));
    if (name == "Second") return constant(Value::integer(std::stoll(formatTime(t, "5"))));
    if (name == "Month") return constant(Value::string(formatTime(t, "January")));
    if (name == "UTC") {
      GoTime utc = t;
      utc.location = Location{"UTC", ""};
      return constant(Value::object(std::make_shared<TimeObject>(utc)));
    }
    if (name == "Format") {
      return Function{{P::kString}, false, [t](CallContext&, std::vector<Value>& args) {
                        return Value::string(formatTime(t, args[0].asString()));
                      }};
    }
    return std::nullopt;
  }
  [[nodiscard]] std::string text() const override {
    return formatTime(time_, "2006-01-02 15:04:05.999999999 -0700 MST");
  }
  [[nodiscard]] std::optional<std::string> marshalJson() const override {
    std::string text = formatTime(time_, "2006-01-02T15:04:05.999999999Z07:00");
    if (text.size() < 4 || text[0] == '-' || text[4] != '-')  // Go refuses years outside 0-9999
      throw FunctionError(
          "json: error calling MarshalJSON for type time.Time: "
          "Time.MarshalJSON: year outside of range [0,9999]");
    return "\"" + text + "\"";
  }

 private:
  GoTime time_;
};

Value timeValue(GoTime time) {
  return Value::object(std::make_shared<TimeObject>(std::move(time)));
}

const TimeObject* asTime(const Value& value) {
  if (value.kind() != Kind::kObject) return nullptr;
  return dynamic_cast<const TimeObject*>(&value.asObject());
}

// Sprig's dateInZone: a time, or Unix seconds (int, int32, int64); anything
// else means now.
std::string dateInZone(const Clock& clock, const std::string& layout, const Value& date,
                       const std::string& zone) {
  GoTime time = fromClock(clock);
  if (const auto* t = asTime(date)) {
    time = t->time();
  } else if (date.kind() == Kind::kInt && !date.isUnsigned() && date.intType() != IntType::kUint8) {
    time.seconds = date.asInt();
    time.nanos = 0;
  }
  time.location = loadLocation(zone).value_or(Location{"UTC", ""});
  return formatTime(time, layout);
}

std::int64_t sinceNanos(const Clock& clock, const GoTime& time) {
  const GoTime now = fromClock(clock);
  return (now.seconds - time.seconds) * 1'000'000'000 + (now.nanos - time.nanos);
}

std::int64_t roundToSecond(std::int64_t nanos) {
  const std::int64_t second = 1'000'000'000;
  const std::int64_t remainder = nanos % second;
  if (remainder == 0) return nanos;
  if (nanos < 0) return -roundToSecond(-nanos);
  return remainder + remainder < second ? nanos - remainder : nanos + (second - remainder);
}

}  // namespace

void addDates(FunctionMap& f, const SprigOptions& options) {
  const Clock clock =
      options.clock ? options.clock : [] { return std::chrono::system_clock::now(); };
  f["now"] = fixed({}, [clock](CallContext&, Args&) { return timeValue(fromClock(clock)); });
  f["date"] = fixed({P::kString, P::kAny}, [clock](CallContext&, Args& a) {
    return Value::string(dateInZone(clock, a[0].asString(), a[1], "Local"));
  });
  const auto in_zone = fixed({P::kString, P::kAny, P::kString}, [clock](CallContext&, Args& a) {
    return Value::string(dateInZone(clock, a[0].asString(), a[1], a[2].asString()));
  });
  f["dateInZone"] = in_zone;
  f["date_in_zone"] = in_zone;
  f["htmlDate"] = fixed({P::kAny}, [clock](CallContext&, Args& a) {
    return Value::string(dateInZone(clock, "2006-01-02", a[0], "Local"));
  });
  f["htmlDateInZone"] = fixed({P::kAny, P::kString}, [clock](CallContext&, Args& a) {
    return Value::string(dateInZone(clock, "2006-01-02", a[0], a[1].asString()));
  });
  const auto modify = [](bool must) {
    return fixed({P::kString, P::kAny}, [must](CallContext&, Args& a) {
      const auto* t = asTime(a[1]);
      if (t == nullptr) {
        throw FunctionError("wrong type for value; expected time.Time; got " + a[1].typeName());
      }
      std::string error;
      const auto delta = parseDuration(a[0].asString(), &error);
      if (!delta) {
        if (must) throw FunctionError(error);
        return a[1];
      }
      GoTime time = t->time();
      const std::int64_t nanos = time.nanos + *delta % 1'000'000'000;
      time.seconds += *delta / 1'000'000'000 + (nanos < 0 ? -1 : nanos >= 1'000'000'000 ? 1 : 0);
      time.nanos =
          static_cast<std::int32_t>((nanos % 1'000'000'000 + 1'000'000'000) % 1'000'000'000);
      return timeValue(time);
    });
  };
  f["dateModify"] = modify(false);
  f["date_modify"] = modify(false);
  f["mustDateModify"] = modify(true);
  f["must_date_modify"] = modify(true);
  f["ago"] = fixed({P::kAny}, [clock](CallContext&, Args& a) {
    GoTime time = fromClock(clock);
    if (const auto* t = asTime(a[0])) {
      time = t->time();
    } else if (a[0].kind() == Kind::kInt &&
               (a[0].intType() == IntType::kInt || a[0].intType() == IntType::kInt64)) {
      time.seconds = a[0].asInt();
      time.nanos = 0;
    }
    return Value::string(durationText(roundToSecond(sinceNanos(clock, time))));
  });
  f["duration"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    std::int64_t seconds = 0;
    if (a[0].isString()) {
      std::string_view s = a[0].asString();
      const bool ok = !s.empty() && s.find_first_not_of("+-0123456789") == std::string_view::npos;
      seconds = ok ? std::strtoll(a[0].asString().c_str(), nullptr, 10) : 0;
    } else if (a[0].kind() == Kind::kInt && a[0].intType() == IntType::kInt64) {
      seconds = a[0].asInt();
    }
    return Value::string(durationText(seconds * 1'000'000'000));
  });
  f["durationRound"] = fixed({P::kAny}, [clock](CallContext&, Args& a) {
    std::int64_t d = 0;
    if (a[0].isString()) {
      d = parseDuration(a[0].asString()).value_or(0);
    } else if (a[0].kind() == Kind::kInt && a[0].intType() == IntType::kInt64) {
      d = a[0].asInt();
    } else if (const auto* t = asTime(a[0])) {
      d = sinceNanos(clock, t->time());
    }
    std::uint64_t u = d < 0 ? 0 - static_cast<std::uint64_t>(d) : static_cast<std::uint64_t>(d);
    const std::uint64_t second = 1'000'000'000;
    const std::uint64_t minute = 60 * second;
    const std::uint64_t hour = 60 * minute;
    const std::uint64_t day = 24 * hour;
    const std::uint64_t month = 30 * day;
    const std::uint64_t year = 365 * day;
    if (u > year) return Value::string(std::to_string(u / year) + "y");
    if (u > month) return Value::string(std::to_string(u / month) + "mo");
    if (u > day) return Value::string(std::to_string(u / day) + "d");
    if (u > hour) return Value::string(std::to_string(u / hour) + "h");
    if (u > minute) return Value::string(std::to_string(u / minute) + "m");
    if (u > second) return Value::string(std::to_string(u / second) + "s");
    return Value::string("0s");
  });
  const auto to_date = [](bool must) {
    return fixed({P::kString, P::kString}, [must](CallContext&, Args& a) {
      const Location local = loadLocation("Local").value_or(Location{"UTC", ""});
      std::string error;
      const auto parsed = parseTime(a[0].asString(), a[1].asString(), local, &error);
      if (parsed) return timeValue(*parsed);
      if (must) throw FunctionError(error);
      GoTime zero;
      zero.seconds = -62135596800;  // 0001-01-01 00:00:00 UTC, Go's zero time
      return timeValue(zero);
    });
  };
  f["toDate"] = to_date(false);
  f["mustToDate"] = to_date(true);
  f["unixEpoch"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    const auto* t = asTime(a[0]);
    if (t == nullptr)
      throw FunctionError("wrong type for value; expected time.Time; got " + a[0].typeName());
    return Value::string(std::to_string(t->time().seconds));
  });
}

}  // namespace meshery::gotmpl::sprig

namespace meshery::gotmpl {

namespace {

/// time.Local, read once per process as Go reads it.
const sprig::Location& local() {
  static const sprig::Location location =
      sprig::loadLocation("Local").value_or(sprig::Location{"UTC", ""});
  return location;
}

}  // namespace

std::optional<Value> parseTimeValue(std::string_view layout, std::string_view text,
                                    const TimeZone& zone) {
  auto time = zone.fixed_offset
                  ? sprig::parseTime(layout, text, {zone.name, "", zone.fixed_offset})
                  : sprig::parseTime(layout, text, local());
  if (!time) return std::nullopt;
  return sprig::timeValue(std::move(*time));
}

int localOffsetNow() {
  return sprig::zoneAt(local(), std::time(nullptr)).seconds;
}

}  // namespace meshery::gotmpl
