#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Turns scalar text into a typed value with go-yaml v2's rules, the ones
// sigs.k8s.io/yaml (and so kubectl) applies when it converts YAML to JSON.
namespace meshery::yaml::detail {

/// The long form of the YAML core tags ("!!int" is kCoreTagPrefix + "int").
inline constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";

/// A scalar after resolution. `text` always holds the scalar as written
/// (for kString it is the value).
struct ResolvedScalar {
  enum class Kind { kNull, kBool, kInt, kUint, kFloat, kString };
  Kind kind = Kind::kNull;
  bool boolean = false;
  std::int64_t integer = 0;
  std::uint64_t unsigned_integer = 0;
  double floating = 0;
  std::string text;
};

/// Resolves an untagged plain scalar: YAML 1.1 booleans (y, yes, on, ...),
/// null, Go integers (0x, 0o, 0b, leading-0 octal, "_" separators), uint64
/// past int64, YAML floats, .inf/.nan; anything else is a string.
ResolvedScalar resolvePlain(std::string_view text);

/// The outcome of resolving a scalar under an explicit tag: a value, or the
/// go-yaml style reason it does not fit the tag.
struct TaggedResolution {
  std::optional<ResolvedScalar> value;
  std::string error;
};

/// Resolves a scalar with an explicit tag as yaml-cpp reports it ("!" for
/// quoted or non-specific, long form for "!!x", "!x" for local tags).
/// !!str/!!bool/!!int/!!float/!!null/!!timestamp are checked and applied,
/// !!binary is base64-decoded, any other tag keeps the text as a string.
TaggedResolution resolveTagged(std::string_view tag, std::string_view text);

/// Whether a plain (unquoted) scalar with this text would read back as
/// something other than the same string: go-yaml quotes such strings.
bool resolvesToNonString(std::string_view text);

}  // namespace meshery::yaml::detail
