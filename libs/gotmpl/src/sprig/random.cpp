// Sprig's random functions: randAlphaNum, randAlpha, randAscii,
// randNumeric, randInt, randBytes, shuffle and uuidv4, drawing from the
// injected source (the OS's CSPRNG by default).

#include <openssl/rand.h>

#include <algorithm>
#include <array>

#include "../go_text.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;
using Source = std::function<void(std::uint8_t*, std::size_t)>;

std::uint64_t draw(const Source& source, std::uint64_t bound) {
  // Rejection sampling keeps every value equally likely.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  for (;;) {
    std::uint64_t value = 0;
    source(reinterpret_cast<std::uint8_t*>(&value), sizeof value);
    if (value < limit) return value % bound;
  }
}

std::string randomFrom(const Source& source, std::int64_t count, std::string_view alphabet) {
  if (count < 0) throw FunctionError("randomString: count cannot be negative");
  if (count > (1 << 20)) throw FunctionError("randomString: count too large");
  std::string out;
  for (std::int64_t i = 0; i < count; ++i) out += alphabet[draw(source, alphabet.size())];
  return out;
}

}  // namespace

void addRandom(FunctionMap& f, const SprigOptions& options) {
  const Source source =
      options.random ? options.random : [](std::uint8_t* bytes, std::size_t size) {
        if (RAND_bytes(bytes, static_cast<int>(size)) != 1)
          throw FunctionError("crypto/rand: no entropy");
      };
  const auto random_string = [&source](std::string alphabet) {
    return fixed({P::kInt}, [source, alphabet](CallContext&, Args& a) {
      return Value::string(randomFrom(source, a[0].asInt(), alphabet));
    });
  };
  f["randAlphaNum"] =
      random_string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  f["randAlpha"] = random_string("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
  f["randNumeric"] = random_string("0123456789");
  std::string printable;
  for (char c = 32; c < 127; ++c) printable += c;
  f["randAscii"] = random_string(printable);
  f["randInt"] = fixed({P::kInt, P::kInt}, [source](CallContext&, Args& a) {
    const std::int64_t low = a[0].asInt();
    const std::int64_t high = a[1].asInt();
    if (high <= low) throw FunctionError("invalid argument to Intn");
    return Value::integer(
        low + static_cast<std::int64_t>(draw(source, static_cast<std::uint64_t>(high - low))));
  });
  f["randBytes"] = fixed({P::kInt}, [source](CallContext&, Args& a) {
    const std::int64_t count = a[0].asInt();
    if (count < 0 || count > (1 << 20)) throw FunctionError("randBytes: invalid count");
    std::string bytes(static_cast<std::size_t>(count), '\0');
    source(reinterpret_cast<std::uint8_t*>(bytes.data()), bytes.size());
    return Value::string(base64Encode(bytes));
  });
  f["shuffle"] = fixed({P::kString}, [source](CallContext&, Args& a) {
    std::vector<std::string> runes;
    std::string_view text = a[0].asString();
    while (!text.empty()) {
      const auto width = std::max<std::size_t>(1, detail::decodeRune(text).second);
      runes.emplace_back(text.substr(0, width));
      text.remove_prefix(width);
    }
    for (std::size_t i = runes.size(); i > 1; --i) std::swap(runes[i - 1], runes[draw(source, i)]);
    std::string out;
    for (const auto& rune : runes) out += rune;
    return Value::string(std::move(out));
  });
  f["uuidv4"] = fixed({}, [source](CallContext&, Args&) {
    std::array<std::uint8_t, 16> bytes{};
    source(bytes.data(), bytes.size());
    bytes[6] = static_cast<std::uint8_t>((bytes[6] & 0x0FU) | 0x40U);
    bytes[8] = static_cast<std::uint8_t>((bytes[8] & 0x3FU) | 0x80U);
    constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
      if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
      out += kHex[bytes[i] >> 4U];
      out += kHex[bytes[i] & 0xFU];
    }
    return Value::string(std::move(out));
  });
}

}  // namespace meshery::gotmpl::sprig
