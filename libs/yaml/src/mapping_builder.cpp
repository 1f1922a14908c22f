#include "mapping_builder.hpp"

#include <utility>

#include "parse_error.hpp"

namespace meshery::yaml::detail {
namespace {

std::string quoted(const std::string& key) {
  return nlohmann::json(key).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

Error duplicateKey(const std::string& key, SourcePosition position, std::uint32_t first_line) {
  return malformedAt(
      position,
      "mapping key " + quoted(key) + " already defined at line " + std::to_string(first_line),
      "The same key appears twice in one mapping. YAML forbids it and "
      "Kubernetes' strict decoding rejects it; a lenient reader would silently "
      "keep only one of the values.",
      "Remove or rename one of the two entries.");
}

}  // namespace

void MappingBuilder::addKey(std::string key, SourcePosition position) {
  const auto [existing, inserted] = key_lines_.emplace(key, position.line);
  if (!inserted && !last_wins_) throw duplicateKey(key, position, existing->second);
  pending_ = PendingKey{std::move(key), position, false};
}

void MappingBuilder::addMergeKey(SourcePosition position) {
  if (merge_position_) throw duplicateKey("<<", position, merge_position_->line);
  merge_position_ = position;
  pending_ = PendingKey{"<<", position, true};
}

void MappingBuilder::addValue(nlohmann::json value) {
  PendingKey key = std::move(*pending_);
  pending_.reset();
  if (!key.merge) {
    object_[key.key] = std::move(value);
    return;
  }
  const auto badMerge = [&] {
    return malformedAt(key.position,
                       "map merge requires a mapping or a sequence of mappings as the value",
                       "A merge key (<<) names the mappings whose entries are copied in, "
                       "usually through aliases such as <<: *defaults.",
                       "Point the merge key at an anchored mapping, or at a list of them.");
  };
  if (value.is_object()) {
    merge_sources_.push_back(std::move(value));
    return;
  }
  if (!value.is_array()) throw badMerge();
  for (auto& source : value) {
    if (!source.is_object()) throw badMerge();
    merge_sources_.push_back(std::move(source));
  }
}

nlohmann::json MappingBuilder::finish() {
  if (pending_ && !pending_->merge) object_[pending_->key] = nullptr;
  for (auto& source : merge_sources_) {
    for (auto& [key, value] : source.items()) {
      if (!object_.contains(key)) object_[key] = std::move(value);
    }
  }
  return std::move(object_);
}

}  // namespace meshery::yaml::detail
