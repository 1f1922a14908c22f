#pragma once

// Sprig (github.com/Masterminds/sprig v3), the function library Helm gives
// its templates: the same names, parameter types, results and failures.

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

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

/// Whether Masterminds/semver's NewVersion (what `semver` uses) accepts
/// `version` ("1.2.3", "v1.2", "1.0.0-rc.1+build").
bool isSemver(const std::string& version);

/// Helm's IsCompatibleRange: whether `version` meets `constraint`
/// (">=1.16.0-0", "^2.1", "1.x || 2.x") as semverCompare decides; false
/// when either does not parse.
bool semverSatisfies(const std::string& constraint, const std::string& version);

}  // namespace meshery::gotmpl
