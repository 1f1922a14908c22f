#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "meshery/core/error.hpp"

namespace meshery::yaml::detail {

/// Collects the entries of one YAML mapping into a JSON object: rejects
/// duplicate keys and applies merge keys ("<<") once the mapping ends, so
/// that keys written in the mapping win over merged ones wherever the "<<"
/// appears, and earlier merge sources win over later ones (the YAML merge
/// type; go-yaml v3 behaves so). Not thread-safe; one per open mapping.
class MappingBuilder {
 public:
  /// go-yaml's lenient decoding: a repeated key replaces the earlier value
  /// instead of failing.
  void allowDuplicateKeys() { last_wins_ = true; }

  /// Whether the next node completes a key (else it is the pending key's value).
  [[nodiscard]] bool expectsKey() const { return !pending_.has_value(); }

  /// Starts an entry. Throws Error(kMalformedInput) when the mapping
  /// already has the key.
  void addKey(std::string key, SourcePosition position);

  /// Starts a merge entry ("<<"). Throws Error(kMalformedInput) for a second
  /// merge key in the same mapping.
  void addMergeKey(SourcePosition position);

  /// Completes the pending entry. A merge value must be a mapping or a
  /// sequence of mappings; anything else throws Error(kMalformedInput).
  void addValue(nlohmann::json value);

  /// The finished object, merges applied.
  nlohmann::json finish();

 private:
  struct PendingKey {
    std::string key;
    SourcePosition position;
    bool merge = false;
  };

  nlohmann::json object_ = nlohmann::json::object();
  std::unordered_map<std::string, std::uint32_t> key_lines_;
  std::optional<PendingKey> pending_;
  std::optional<SourcePosition> merge_position_;
  std::vector<nlohmann::json> merge_sources_;
  bool last_wins_ = false;
};

}  // namespace meshery::yaml::detail
