#pragma once

// A tar archive whose one entry escapes its root ("../x/<name>"), which our
// writer refuses to produce: written under a harmless name, renamed in the
// header bytes (same length), and the ustar checksum recomputed.

#include <cstdio>
#include <string>

#include "meshery/archive/archive.hpp"

namespace meshery::test {

/// A tar with the single entry "../x/<name>" holding `content`; `name` must
/// not contain "demo/".
inline std::string tarEscapingItsRoot(const std::string& name, const std::string& content) {
  std::string tar = archive::writeArchive({{"demo/" + name, content}}, archive::Format::kTar);
  tar.replace(tar.find("demo/"), 5, "../x/");
  // The checksum: the byte sum of the 512-byte header with its own field
  // (offset 148, 8 bytes) as spaces, written as six octal digits, NUL, space.
  tar.replace(148, 8, "        ");
  unsigned sum = 0;
  for (std::size_t i = 0; i < 512; ++i) sum += static_cast<unsigned char>(tar[i]);
  char checksum[8];
  std::snprintf(checksum, sizeof checksum, "%06o", sum);
  tar.replace(148, 8, std::string(checksum, 6) + std::string("\0 ", 2));
  return tar;
}

}  // namespace meshery::test
