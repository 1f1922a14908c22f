#pragma once

// Sprig (github.com/Masterminds/sprig v3), the function library Helm gives
// its templates: the same names, parameter types, results and failures.

#include <chrono>
#include <cstdint>
#include <functional>

#include "meshery/gotmpl/function.hpp"

namespace meshery::gotmpl {

/// What Sprig's clock- and randomness-dependent functions read; tests
/// inject fixed ones.
struct SprigOptions {
  /// now, date, ago... Default: the system clock.
  std::function<std::chrono::system_clock::time_point()> clock;
  /// uuidv4, rand*, shuffle, genPrivateKey... Default: the OS's CSPRNG.
  std::function<void(std::uint8_t* bytes, std::size_t size)> random;
};

/// Sprig's text function map (TxtFuncMap): strings, lists, dicts, defaults,
/// math, conversions, reflection, encodings and hashes, regular expressions
/// (RE2, as Go's regexp), paths, URLs, semantic versions, JSON. It replaces
/// the builtin `slice` with Sprig's own, as Helm's does.
FunctionMap sprigFunctions(const SprigOptions& options = {});

}  // namespace meshery::gotmpl
