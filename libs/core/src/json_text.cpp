#include "meshery/core/json_text.hpp"

#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <map>
#include <utility>
#include <vector>

namespace meshery {
namespace {

/// 1 for the bytes that need more than a copy: '"', '\\', control characters
/// and the bytes of multi-byte UTF-8 sequences (validated, then copied).
constexpr std::array<std::uint8_t, 256> kSpecial = [] {
  std::array<std::uint8_t, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = 1;
  table['"'] = 1;
  table['\\'] = 1;
  for (int c = 0x80; c < 0x100; ++c) table[c] = 1;
  return table;
}();

/// Length of the well-formed UTF-8 sequence at `at` (RFC 3629: no overlong
/// forms, surrogates or code points past U+10FFFF), 0 when ill-formed.
std::size_t utf8Length(std::string_view text, std::size_t at) {
  const auto byte = [&](std::size_t i) {
    return at + i < text.size() ? static_cast<unsigned char>(text[at + i]) : 0U;
  };
  const unsigned lead = byte(0);
  const auto continuation = [&](std::size_t i) { return (byte(i) & 0xC0U) == 0x80U; };
  if (lead >= 0xC2 && lead <= 0xDF) return continuation(1) ? 2 : 0;
  if (lead >= 0xE0 && lead <= 0xEF) {
    const unsigned second = byte(1);
    if (lead == 0xE0 && second < 0xA0) return 0;
    if (lead == 0xED && second > 0x9F) return 0;
    return continuation(1) && continuation(2) ? 3 : 0;
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    const unsigned second = byte(1);
    if (lead == 0xF0 && second < 0x90) return 0;
    if (lead == 0xF4 && second > 0x8F) return 0;
    return continuation(1) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}

void appendEscaped(std::string& out, unsigned char c) {
  switch (c) {
    case '\b':
      out += "\\b";
      return;
    case '\t':
      out += "\\t";
      return;
    case '\n':
      out += "\\n";
      return;
    case '\f':
      out += "\\f";
      return;
    case '\r':
      out += "\\r";
      return;
    case '"':
      out += "\\\"";
      return;
    case '\\':
      out += "\\\\";
      return;
    default:
      break;
  }
  constexpr char kHex[] = "0123456789abcdef";
  out += "\\u00";
  out += kHex[c >> 4U];
  out += kHex[c & 0xFU];
}

/// True when none of the 8 bytes at `at` is special (kSpecial), tested on
/// all 8 at once: no byte below 0x20, equal to '"' or '\\', or above 0x7F.
bool plainEight(const char* at) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  std::uint64_t word = 0;
  std::memcpy(&word, at, sizeof(word));
  const auto zeroByte = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const std::uint64_t below_space = (word - kOnes * 0x20U) & ~word & kHighs;
  return ((word & kHighs) | below_space | zeroByte(word ^ (kOnes * '"')) |
          zeroByte(word ^ (kOnes * '\\'))) == 0;
}

}  // namespace

void appendJsonString(std::string& out, std::string_view text) {
  const std::size_t start = out.size();
  // Room for an escape every 16 bytes: a long text (a YAML document, one
  // line break every few dozen bytes) is then written without regrowing.
  out.reserve(start + text.size() + text.size() / 16 + 2);
  out += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < text.size();) {
    if (i + 8 <= text.size() && plainEight(text.data() + i)) {
      i += 8;
      continue;
    }
    const auto c = static_cast<unsigned char>(text[i]);
    if (kSpecial[c] == 0) {
      ++i;
      continue;
    }
    if (c >= 0x80) {
      const std::size_t length = utf8Length(text, i);
      if (length == 0) {
        // Rare: let nlohmann apply its replacement rules to the whole string.
        out.resize(start);
        out += nlohmann::json(std::string(text))
                   .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
      }
      i += length;
      continue;
    }
    out.append(text.data() + plain, i - plain);
    appendEscaped(out, c);
    plain = ++i;
  }
  out.append(text.data() + plain, text.size() - plain);
  out += '"';
}

namespace {

void appendNumber(std::string& out, auto number) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), number);
  out.append(buffer, result.ptr);
}

/// Writes JSON text, splicing shared members (SharedMembersLookup) into the
/// objects that lack them.
class Writer {
 public:
  Writer(std::string& out, const SharedMembersLookup* shared) : out_(out), shared_(shared) {}

  void value(const nlohmann::json& value, std::size_t depth) {
    switch (value.type()) {
      case nlohmann::json::value_t::object:
        object(value, depth);
        return;
      case nlohmann::json::value_t::array: {
        out_ += '[';
        bool first = true;
        for (const auto& item : value.get_ref<const nlohmann::json::array_t&>()) {
          if (!first) out_ += ',';
          first = false;
          this->value(item, depth + 1);
        }
        out_ += ']';
        return;
      }
      case nlohmann::json::value_t::string:
        appendJsonString(out_, value.get_ref<const std::string&>());
        return;
      case nlohmann::json::value_t::boolean:
        out_ += value.get<bool>() ? "true" : "false";
        return;
      case nlohmann::json::value_t::null:
        out_ += "null";
        return;
      case nlohmann::json::value_t::number_integer:
        appendNumber(out_, value.get<std::int64_t>());
        return;
      case nlohmann::json::value_t::number_unsigned:
        appendNumber(out_, value.get<std::uint64_t>());
        return;
      case nlohmann::json::value_t::number_float:
      case nlohmann::json::value_t::binary:
      case nlohmann::json::value_t::discarded:
        // Rare in our documents; nlohmann's own float format (".0" suffix,
        // exponent thresholds) and binary layout are kept exactly.
        out_ += value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return;
    }
  }

 private:
  using Members = nlohmann::json::object_t;

  void object(const nlohmann::json& object, std::size_t depth) {
    const auto& own = object.get_ref<const Members&>();
    const nlohmann::json* shared = shared_ != nullptr && *shared_ ? (*shared_)(object, depth) : nullptr;
    out_ += '{';
    bool first = true;
    const auto member = [&](const std::string& key, const nlohmann::json& value) {
      if (!first) out_ += ',';
      first = false;
      appendJsonString(out_, key);
      out_ += ':';
      this->value(value, depth + 1);
    };
    if (shared == nullptr || !shared->is_object() || shared->empty()) {
      for (const auto& [key, value] : own) member(key, value);
      out_ += '}';
      return;
    }
    const std::vector<std::string>& texts = sharedTexts(*shared, depth);
    const auto& extra = shared->get_ref<const Members&>();
    auto mine = own.begin();
    auto theirs = extra.begin();
    std::size_t index = 0;
    while (mine != own.end() || theirs != extra.end()) {
      if (theirs == extra.end() || (mine != own.end() && mine->first <= theirs->first)) {
        if (theirs != extra.end() && mine->first == theirs->first) {
          ++theirs;  // the object's own member wins
          ++index;
        }
        member(mine->first, mine->second);
        ++mine;
        continue;
      }
      if (!first) out_ += ',';
      first = false;
      out_ += texts[index];
      ++theirs;
      ++index;
    }
    out_ += '}';
  }

  /// `"key":value` of each shared member at `depth`, written once per call.
  const std::vector<std::string>& sharedTexts(const nlohmann::json& shared, std::size_t depth) {
    auto [slot, added] = texts_.try_emplace({&shared, depth});
    if (!added) return slot->second;
    for (const auto& [key, value] : shared.get_ref<const Members&>()) {
      std::string text;
      appendJsonString(text, key);
      text += ':';
      Writer(text, shared_).value(value, depth + 1);
      slot->second.push_back(std::move(text));
    }
    return slot->second;
  }

  std::string& out_;
  const SharedMembersLookup* shared_;
  std::map<std::pair<const nlohmann::json*, std::size_t>, std::vector<std::string>> texts_;
};

}  // namespace

void appendJson(std::string& out, const nlohmann::json& value) {
  Writer(out, nullptr).value(value, 0);
}

std::string dumpJson(const nlohmann::json& value) {
  std::string out;
  Writer(out, nullptr).value(value, 0);
  return out;
}

void appendJson(std::string& out, const nlohmann::json& value, const SharedMembersLookup& shared) {
  Writer(out, &shared).value(value, 0);
}

std::string dumpJson(const nlohmann::json& value, const SharedMembersLookup& shared) {
  std::string out;
  Writer(out, &shared).value(value, 0);
  return out;
}

}  // namespace meshery
