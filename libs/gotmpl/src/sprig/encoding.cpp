// Sprig's encodings and hashes: b64enc/dec, b32enc/dec, sha1sum,
// sha256sum, sha512sum, adler32sum. A decoding error is returned as the
// text, as Sprig does.

#include <openssl/evp.h>

#include <array>
#include <cstdint>
#include <optional>

#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

constexpr std::string_view kBase64 =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kBase32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string encode(std::string_view data, std::string_view alphabet, unsigned bits) {
  std::string out;
  std::uint64_t buffer = 0;
  unsigned held = 0;
  for (const char c : data) {
    buffer = (buffer << 8U) | static_cast<unsigned char>(c);
    held += 8;
    while (held >= bits) {
      held -= bits;
      out += alphabet[(buffer >> held) & ((1U << bits) - 1)];
    }
  }
  if (held > 0) out += alphabet[(buffer << (bits - held)) & ((1U << bits) - 1)];
  const std::size_t block = bits == 6 ? 4 : 8;
  while (out.size() % block != 0) out += '=';
  return out;
}

// Go's StdEncoding.DecodeString: padding required; errors name the byte
// (returned as the text, with `failed` set).
std::string decode(std::string_view text, std::string_view alphabet, unsigned bits,
                   bool* failed = nullptr) {
  if (failed != nullptr) *failed = true;
  const std::size_t block = bits == 6 ? 4 : 8;
  std::string out;
  std::uint64_t buffer = 0;
  unsigned held = 0;
  std::size_t padding_at = std::string_view::npos;
  std::size_t symbols = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n' || c == '\r') continue;
    if (c == '=') {
      if (padding_at == std::string_view::npos) padding_at = i;
      ++symbols;
      continue;
    }
    const std::size_t value = alphabet.find(c);
    if (value == std::string_view::npos || padding_at != std::string_view::npos) {
      return "illegal " + std::string(bits == 6 ? "base64" : "base32") + " data at input byte " +
             std::to_string(i);
    }
    ++symbols;
    buffer = (buffer << bits) | value;
    held += bits;
    if (held >= 8) {
      held -= 8;
      out += static_cast<char>((buffer >> held) & 0xFFU);
    }
  }
  if (symbols % block != 0) {
    return "illegal " + std::string(bits == 6 ? "base64" : "base32") + " data at input byte " +
           std::to_string(text.size() - symbols % block);
  }
  if (failed != nullptr) *failed = false;
  return out;
}

std::string digestHex(const EVP_MD* md, std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(data.data(), data.size(), digest.data(), &length, md, nullptr);
  constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (unsigned int i = 0; i < length; ++i) {
    out += kHex[digest[i] >> 4U];
    out += kHex[digest[i] & 0xFU];
  }
  return out;
}

std::uint32_t adler32(std::string_view data) {
  std::uint32_t a = 1;
  std::uint32_t b = 0;
  for (const char c : data) {
    a = (a + static_cast<unsigned char>(c)) % 65521;
    b = (b + a) % 65521;
  }
  return (b << 16U) | a;
}

}  // namespace

std::string base64Encode(std::string_view data) {
  return encode(data, kBase64, 6);
}

std::optional<std::string> base64Decode(std::string_view text) {
  bool failed = false;
  std::string out = decode(text, kBase64, 6, &failed);
  if (failed) return std::nullopt;
  return out;
}

void addEncoding(FunctionMap& f) {
  const auto unary = [](std::function<std::string(const std::string&)> op) {
    return fixed({P::kString}, [op = std::move(op)](CallContext&, Args& a) {
      return Value::string(op(a[0].asString()));
    });
  };
  f["b64enc"] = unary([](const std::string& s) { return encode(s, kBase64, 6); });
  f["b64dec"] = unary([](const std::string& s) { return decode(s, kBase64, 6); });
  f["b32enc"] = unary([](const std::string& s) { return encode(s, kBase32, 5); });
  f["b32dec"] = unary([](const std::string& s) { return decode(s, kBase32, 5); });
  f["sha1sum"] = unary([](const std::string& s) { return digestHex(EVP_sha1(), s); });
  f["sha256sum"] = unary([](const std::string& s) { return digestHex(EVP_sha256(), s); });
  f["sha512sum"] = unary([](const std::string& s) { return digestHex(EVP_sha512(), s); });
  f["adler32sum"] = unary([](const std::string& s) { return std::to_string(adler32(s)); });
}

}  // namespace meshery::gotmpl::sprig
