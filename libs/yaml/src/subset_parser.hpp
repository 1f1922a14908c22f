#pragma once

// A fast reader for the YAML that Kubernetes manifests, Helm output and
// Compose files are made of, in front of yaml-cpp (whose regex-driven
// scanner reads about 5 MB/s). It drives the same DocumentBuilder with the
// events yaml-cpp would send, so values, keys and their checks are the same;
// anything outside its subset makes it give up, and the caller parses the
// whole stream with yaml-cpp, which also reports every error.

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "document_builder.hpp"
#include "parse_error.hpp"

namespace meshery::yaml::detail {

/// One document of a stream and where it starts.
struct ParsedDocument {
  nlohmann::json value;
  SourcePosition position;
};

/// The documents of `source` when it stays within the subset: block
/// mappings and sequences indented with spaces; single-line plain, single-
/// and double-quoted scalars (double-quoted without escapes); literal block
/// scalars ("|", "|-", "|+") without an indentation indicator; flow
/// sequences and mappings on one line; comments; "---" between documents.
/// nullopt for anything else (anchors, aliases, tags, "? " keys, folded or
/// multi-line scalars, tabs, carriage returns, a byte order mark,
/// directives, "..."), and whenever the builder refuses a value: yaml-cpp
/// then decides.
std::optional<std::vector<ParsedDocument>> parseSubset(std::string_view source,
                                                       DocumentBuilder& builder);

}  // namespace meshery::yaml::detail
