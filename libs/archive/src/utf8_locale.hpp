#pragma once

#include <locale.h>

namespace meshery::archive {

/// Makes the calling thread use the C.UTF-8 character type while alive.
/// libarchive converts path names through the current locale; under the
/// default "C" locale it cannot represent non-ASCII names (libarchive 3.6
/// even crashes on UTF-8-only names there). uselocale() is per thread, so
/// this leaves the rest of the process alone. Without C.UTF-8 it does nothing
/// and non-ASCII names are written as raw bytes (pax hdrcharset=BINARY).
class ScopedUtf8Locale {
 public:
  ScopedUtf8Locale() {
    static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{});
    if (utf8 != locale_t{}) previous_ = uselocale(utf8);
  }
  ~ScopedUtf8Locale() {
    if (previous_ != locale_t{}) uselocale(previous_);
  }
  ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
  ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

 private:
  locale_t previous_{};
};

}  // namespace meshery::archive
