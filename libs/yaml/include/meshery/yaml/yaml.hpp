#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/core/json_text.hpp"

namespace meshery::yaml {

/// What a mapping that names one key twice gives.
enum class DuplicateKeys {
  kError,     ///< Error(kMalformedInput) naming both lines (the default)
  kLastWins,  ///< the later value, as go-yaml's lenient Unmarshal (Helm) keeps it
};

struct ParseOptions {
  DuplicateKeys duplicate_keys = DuplicateKeys::kError;
};

/// Parses one YAML document into JSON with the resolution rules Kubernetes
/// uses (sigs.k8s.io/yaml's YAMLToJSON over go-yaml v2, YAML 1.1): unquoted
/// scalars become null, bools (also yes/no/on/off/y/n), integers (Go syntax:
/// 0x, 0o, 0b, leading-0 octal, "_"; uint64 past int64, float past uint64) or
/// floats where go-yaml would resolve them, strings otherwise; quoted
/// scalars and !!str stay strings; explicit !!int/!!float/!!bool/!!null tags
/// are checked; map keys become strings ("1", "true", Go float format);
/// anchors, aliases and merge keys are expanded. An empty document is null.
/// Stricter than kubectl's lenient path: duplicate keys are an error. A
/// line of a block mapping without ':' is go-yaml's "yaml: line N: could
/// not find expected ':'" (N the line after it), not a key with a null value.
/// Throws Error(kMalformedInput) with the 1-based line and column of the
/// fault (in the message, "yaml: line L, column C: ...", and position()),
/// also for .inf/.nan values (no JSON form), nesting deeper than 400 levels,
/// aliases expanding past 1,000,000 nodes, and for more than one non-empty
/// document (use parseAll). Thread-safe: no shared state.
nlohmann::json parse(std::string_view text);
nlohmann::json parse(std::string_view text, const ParseOptions& options);

/// Parses a multi-document stream ("---" separated). Documents that are
/// empty (a lone "---", comments only) or null are skipped, as kubectl
/// does. Any error fails the whole stream. Thread-safe.
std::vector<nlohmann::json> parseAll(std::string_view text);
std::vector<nlohmann::json> parseAll(std::string_view text, const ParseOptions& options);

/// Emits JSON as YAML in the style of sigs.k8s.io/yaml's JSONToYAML (go-yaml
/// as kubectl prints it): two-space indentation, block style, sequences
/// compact under their key ("key:\n- a"), maps in sequences inline
/// ("- name: x"), keys in the JSON object's order (sorted for
/// nlohmann::json), keys longer than 128 bytes as "? key". Strings are
/// quoted only when a plain scalar would read back differently: double
/// quotes when it would read as another type ("true", "1.0", "null", "",
/// timestamps) or needs escapes, single quotes when it would break plain
/// syntax (leading or trailing spaces, ": ", " #", leading indicators);
/// multi-line strings are literal blocks ("|", "|-", "|+") unless lines end
/// in spaces. Floats always read back as floats (1.0 stays "1.0"); no line
/// folding. Ends with a newline; `{}`/`[]` for empty containers.
/// For every value parse() returns, parse(emit(value)) == value.
/// Throws Error(kInvalidArgument) for binary values and nesting deeper than
/// parse() accepts. Infinities and NaN are written as .inf/.nan, which
/// parse() then rejects. Thread-safe.
std::string emit(const nlohmann::json& value);

/// How emit() departs from sigs.k8s.io/yaml's layout, for go-yaml v3's
/// encoder with SetIndent(2) (Helm's toYamlPretty).
struct EmitOptions {
  bool indent_sequences = false;   ///< "key:\n  - a" instead of "key:\n- a"
  bool natural_key_order = false;  ///< go-yaml's order: digit runs as numbers ("a2" < "a10")
  /// How floats are written; unset, they always read back as floats.
  std::function<std::string(double)> format_float;
  /// Members written into the maps that lack them (json_text.hpp): each is
  /// emitted once per indentation and copied where it recurs. The lookup's
  /// depth counts from 0 for the document.
  SharedMembersLookup shared_members;
};
std::string emit(const nlohmann::json& value, const EmitOptions& options);

}  // namespace meshery::yaml
