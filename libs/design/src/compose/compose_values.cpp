#include "compose_values.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

namespace meshery::design::compose {

using nlohmann::json;

std::optional<std::string> scalarText(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (std::isfinite(number) && number == std::floor(number) && std::fabs(number) < 1e15) {
      return std::to_string(static_cast<std::int64_t>(number));
    }
    return value.dump();
  }
  if (value.is_null()) return std::string();
  return std::nullopt;
}

std::optional<std::int64_t> integerOf(const json& value) {
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (value.is_number_unsigned()) {
    const auto number = value.get<std::uint64_t>();
    if (number > static_cast<std::uint64_t>(INT64_MAX)) return std::nullopt;
    return static_cast<std::int64_t>(number);
  }
  if (value.is_number_float()) {
    const double number = value.get<double>();
    if (!std::isfinite(number) || number != std::floor(number) || std::fabs(number) > 9e15) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(number);
  }
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  std::int64_t number = 0;
  const char* first = text.data();
  const char* last = first + text.size();
  if (first != last && *first == '+') ++first;
  const auto [end, error] = std::from_chars(first, last, number);
  if (error != std::errc() || end != last || first == last) return std::nullopt;
  return number;
}

std::optional<bool> booleanOf(const json& value) {
  if (value.is_boolean()) return value.get<bool>();
  if (!value.is_string()) return std::nullopt;
  std::string text = value.get<std::string>();
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text == "true" || text == "yes" || text == "1") return true;
  if (text == "false" || text == "no" || text == "0") return false;
  return std::nullopt;
}

std::vector<std::string> shellWords(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
    } else if (c == '\'') {
      const auto close = line.find('\'', i + 1);
      const auto end = close == std::string_view::npos ? line.size() : close;
      word.append(line.substr(i + 1, end - i - 1));
      i = end;
    } else if (c == '"') {
      for (++i; i < line.size() && line[i] != '"'; ++i) {
        if (line[i] == '\\' && i + 1 < line.size() &&
            std::string_view("\"\\$`").find(line[i + 1]) != std::string_view::npos) {
          ++i;
        }
        word += line[i];
      }
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

std::optional<std::int64_t> durationSeconds(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text == "0") return 0;
  double total_ns = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t start = i;
    while (i < text.size() &&
           (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
      ++i;
    }
    if (i == start) return std::nullopt;
    double number = 0;
    const auto [end, error] = std::from_chars(text.data() + start, text.data() + i, number);
    if (error != std::errc() || end != text.data() + i) return std::nullopt;
    const std::size_t unit_start = i;
    while (i < text.size() && !std::isdigit(static_cast<unsigned char>(text[i])) &&
           text[i] != '.') {
      ++i;
    }
    const std::string_view unit = text.substr(unit_start, i - unit_start);
    static const std::map<std::string_view, double> kUnits = {
        {"ns", 1},  {"us", 1e3}, {"\xC2\xB5s", 1e3}, {"ms", 1e6},
        {"s", 1e9}, {"m", 60e9}, {"h", 3600e9}};
    const auto found = kUnits.find(unit);
    if (found == kUnits.end()) return std::nullopt;
    total_ns += number * found->second;
  }
  if (total_ns > 9e18) return std::nullopt;
  return static_cast<std::int64_t>(total_ns / 1e9);
}

std::optional<std::int64_t> byteSize(const json& value) {
  if (value.is_number()) {
    const auto bytes = integerOf(value);
    if (bytes) return bytes;
    return static_cast<std::int64_t>(value.get<double>());
  }
  if (!value.is_string()) return std::nullopt;
  const auto& text = value.get_ref<const std::string&>();
  std::size_t i = 0;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
    ++i;
  }
  if (i == 0) return std::nullopt;
  double number = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + i, number);
  if (error != std::errc() || end != text.data() + i) return std::nullopt;
  std::string unit;
  for (std::size_t j = i; j < text.size(); ++j) {
    if (text[j] == ' ' && j == i) continue;
    unit += static_cast<char>(std::tolower(static_cast<unsigned char>(text[j])));
  }
  if (!unit.empty() && unit.back() == 'b') unit.pop_back();
  if (!unit.empty() && unit.back() == 'i') unit.pop_back();
  static const std::string kPrefixes = "kmgtp";
  double multiplier = 1;
  if (unit.size() == 1) {
    const auto position = kPrefixes.find(unit[0]);
    if (position == std::string::npos) return std::nullopt;
    multiplier = std::pow(1024.0, static_cast<double>(position + 1));
  } else if (!unit.empty()) {
    return std::nullopt;
  }
  const double bytes = number * multiplier;
  if (bytes > 9e18) return std::nullopt;
  return static_cast<std::int64_t>(bytes);
}

std::string decimalExponentQuantity(std::int64_t value) {
  if (value == 0) return "0";
  int exponent = 0;
  while (value % 1000 == 0) {
    value /= 1000;
    exponent += 3;
  }
  std::string text = std::to_string(value);
  if (exponent > 0) text += "e" + std::to_string(exponent);
  return text;
}

std::optional<std::string> cpuQuantity(const json& value) {
  double cpus = 0;
  if (value.is_number()) {
    cpus = value.get<double>();
  } else if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), cpus);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  } else {
    return std::nullopt;
  }
  if (!std::isfinite(cpus) || cpus < 0 || cpus > 1e9) return std::nullopt;
  const auto millis = static_cast<std::int64_t>(cpus * 1000);
  if (millis % 1000 == 0) return std::to_string(millis / 1000);
  return std::to_string(millis) + "m";
}

std::string kubernetesName(std::string_view name) {
  std::string result;
  result.reserve(name.size());
  for (const char c : name) {
    if (c == '_' || c == '.') {
      result += '-';
    } else {
      result += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  return result;
}

std::vector<std::pair<std::string, std::optional<std::string>>> keyValues(const json& value) {
  std::vector<std::pair<std::string, std::optional<std::string>>> entries;
  if (value.is_object()) {
    for (const auto& [key, item] : value.items()) {
      if (item.is_null()) {
        entries.emplace_back(key, std::nullopt);
      } else {
        entries.emplace_back(key, scalarText(item).value_or(item.dump()));
      }
    }
  } else if (value.is_array()) {
    for (const auto& item : value) {
      const auto text = scalarText(item);
      if (!text || text->empty()) continue;
      const auto equals = text->find('=');
      if (equals == std::string::npos) {
        entries.emplace_back(*text, std::nullopt);
      } else {
        entries.emplace_back(text->substr(0, equals), text->substr(equals + 1));
      }
    }
  }
  return entries;
}

std::string baseName(std::string_view path) {
  while (!path.empty() && (path.back() == '/' || path.back() == '\\')) path.remove_suffix(1);
  const auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string cleanRelativePath(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    const auto part = path.substr(start, slash - start);
    if (!part.empty() && part != ".") parts.push_back(part);
    start = slash + 1;
  }
  std::string result;
  for (const auto part : parts) {
    if (!result.empty()) result += '/';
    result.append(part);
  }
  return result;
}

bool isText(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0) return false;
    int length = 1;
    if (c >= 0xF0 && c <= 0xF4) {
      length = 4;
    } else if (c >= 0xE0) {
      length = 3;
    } else if (c >= 0xC2 && c <= 0xDF) {
      length = 2;
    } else if (c >= 0x80) {
      return false;
    }
    if (i + length > text.size()) return false;
    for (int k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace meshery::design::compose
