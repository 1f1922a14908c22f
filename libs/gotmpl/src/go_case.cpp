#include "go_text.hpp"

namespace meshery::gotmpl::detail {
namespace {

bool inRange(char32_t rune, char32_t low, char32_t high) {
  return rune >= low && rune <= high;
}

std::string mapRunes(std::string_view text, char32_t (*map)(char32_t)) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const auto [rune, width] = decodeRune(text);
    if (rune == kRuneError && width == 1) {
      out += "\xEF\xBF\xBD";
    } else {
      appendRune(out, map(rune));
    }
    text.remove_prefix(width);
  }
  return out;
}

// The Latin digraphs DŽ Dž dž, LJ Lj lj, NJ Nj nj, DZ Dz dz: upper, title, lower.
char32_t digraph(char32_t r, int form) {
  for (const char32_t first : {0x1C4U, 0x1C7U, 0x1CAU, 0x1F1U}) {
    if (inRange(r, first, first + 2)) return first + static_cast<char32_t>(form);
  }
  return 0;
}

}  // namespace

char32_t toUpperRune(char32_t r) {
  if (inRange(r, 'a', 'z')) return r - 32;
  if (r < 0x80) return r;
  if (const char32_t d = digraph(r, 0)) return d;
  if (r == 0xB5) return 0x39C;
  if ((inRange(r, 0xE0, 0xFE) && r != 0xF7)) return r - 32;
  if (r == 0xFF) return 0x178;
  if (inRange(r, 0x100, 0x17F)) {
    if (inRange(r, 0x139, 0x148) || inRange(r, 0x179, 0x17E)) return (r % 2 == 0) ? r - 1 : r;
    if (r == 0x131) return 'I';
    if (r == 0x17F) return 'S';
    return (r % 2 == 1 && r != 0x138 && r != 0x149) ? r - 1 : r;
  }
  if (inRange(r, 0x3B1, 0x3C9) && r != 0x3C2) return r - 32;
  if (r == 0x3C2) return 0x3A3;
  if (inRange(r, 0x430, 0x44F)) return r - 32;
  if (inRange(r, 0x450, 0x45F)) return r - 80;
  return r;
}

char32_t toLowerRune(char32_t r) {
  if (inRange(r, 'A', 'Z')) return r + 32;
  if (r < 0x80) return r;
  if (const char32_t d = digraph(r, 2)) return d;
  if (inRange(r, 0xC0, 0xDE) && r != 0xD7) return r + 32;
  if (r == 0x178) return 0xFF;
  if (inRange(r, 0x100, 0x17F)) {
    if (inRange(r, 0x139, 0x148) || inRange(r, 0x179, 0x17E)) return (r % 2 == 1) ? r + 1 : r;
    if (r == 0x130) return 'i';
    return (r % 2 == 0 && r != 0x138) ? r + 1 : r;
  }
  if (inRange(r, 0x391, 0x3A9) && r != 0x3A2) return r + 32;
  if (inRange(r, 0x410, 0x42F)) return r + 32;
  if (inRange(r, 0x400, 0x40F)) return r + 80;
  return r;
}

bool isUpperRune(char32_t r) {
  return toLowerRune(r) != r || r == 0x130;
}
bool isLowerRune(char32_t r) {
  return toUpperRune(r) != r || r == 0xDF || r == 0x138;
}

std::string toUpper(std::string_view text) {
  return mapRunes(text, toUpperRune);
}
std::string toLower(std::string_view text) {
  return mapRunes(text, toLowerRune);
}

}  // namespace meshery::gotmpl::detail
