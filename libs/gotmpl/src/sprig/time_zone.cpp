// Go's time.LoadLocation over the system's tz database: TZif files read
// for the offset and abbreviation in force at an instant.

#include <array>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "go_time.hpp"

namespace meshery::gotmpl::sprig {
namespace {

std::string readFile(const std::string& path) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return {};
  return {std::istreambuf_iterator<char>(stream), std::istreambuf_iterator<char>()};
}

std::int64_t bigEndian(std::string_view data, std::size_t at, std::size_t width) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < width; ++i)
    value = (value << 8U) | static_cast<unsigned char>(data[at + i]);
  if (width == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(value));
  return static_cast<std::int64_t>(value);
}

}  // namespace

std::optional<Location> loadLocation(const std::string& name) {
  if (name.empty() || name == "UTC") return Location{"UTC", ""};
  if (name == "Local") {
    const char* tz = std::getenv("TZ");
    if (tz != nullptr && *tz != 0) {
      if (auto location = loadLocation(*tz == ':' ? tz + 1 : tz))
        return Location{"Local", location->tzif};
    }
    std::string data = readFile("/etc/localtime");
    if (data.starts_with("TZif")) return Location{"Local", std::move(data)};
    return Location{"Local", ""};
  }
  if (name.find("..") != std::string::npos || name.starts_with("/")) return std::nullopt;
  std::string data = readFile("/usr/share/zoneinfo/" + name);
  if (!data.starts_with("TZif")) return std::nullopt;
  return Location{name, std::move(data)};
}

ZoneOffset zoneAt(const Location& location, std::int64_t unix_seconds) {
  if (location.fixed_offset) return {location.name, *location.fixed_offset};
  std::string_view data = location.tzif;
  if (data.size() < 44) return {"UTC", 0};
  const auto counts = [&](std::size_t header) {
    return std::array<std::int64_t, 6>{
        bigEndian(data, header + 20, 4), bigEndian(data, header + 24, 4),
        bigEndian(data, header + 28, 4), bigEndian(data, header + 32, 4),
        bigEndian(data, header + 36, 4), bigEndian(data, header + 40, 4)};
  };
  auto c = counts(0);  // isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  std::size_t header = 0;
  std::size_t time_width = 4;
  if (data[4] >= '2') {
    const std::size_t v1 =
        44 + static_cast<std::size_t>(c[3] * 5 + c[4] * 6 + c[5] + c[2] * 8 + c[1] + c[0]);
    if (data.size() >= v1 + 44) {
      header = v1;
      time_width = 8;
      c = counts(header);
    }
  }
  const auto timecnt = static_cast<std::size_t>(c[3]);
  const auto typecnt = static_cast<std::size_t>(c[4]);
  const std::size_t times = header + 44;
  const std::size_t indexes = times + timecnt * time_width;
  const std::size_t types = indexes + timecnt;
  const std::size_t names = types + typecnt * 6;
  if (typecnt == 0 || data.size() < names + static_cast<std::size_t>(c[5])) return {"UTC", 0};
  std::size_t type = 0;
  // Before the first transition: the first standard-time type.
  for (std::size_t t = 0; t < typecnt; ++t) {
    if (data[types + t * 6 + 4] == 0) {
      type = t;
      break;
    }
  }
  for (std::size_t i = 0; i < timecnt; ++i) {
    if (bigEndian(data, times + i * time_width, time_width) > unix_seconds) break;
    type = static_cast<unsigned char>(data[indexes + i]);
  }
  if (type >= typecnt) return {"UTC", 0};
  const auto offset = static_cast<int>(bigEndian(data, types + type * 6, 4));
  const auto abbreviation = static_cast<unsigned char>(data[types + type * 6 + 5]);
  std::string name;
  for (std::size_t at = names + abbreviation; at < data.size() && data[at] != 0; ++at)
    name += data[at];
  return {name, offset};
}

}  // namespace meshery::gotmpl::sprig
