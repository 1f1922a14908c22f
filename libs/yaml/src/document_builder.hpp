#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "mapping_builder.hpp"
#include "meshery/core/error.hpp"
#include "parse_error.hpp"
#include "scalar_resolution.hpp"

namespace meshery::yaml::detail {

/// The 1-based position of a yaml-cpp mark (whose line and column are 0-based).
SourcePosition positionOf(const YAML::Mark& mark);

/// Size of a value, in nodes and bytes of scalar text: what an alias to it
/// adds to the result.
struct ExpansionCost {
  std::uint64_t nodes = 0;
  std::uint64_t bytes = 0;
};

/// Bounds what alias expansion may add to one stream's result (kMaxAliasNodes,
/// kMaxAliasBytes), which defeats "billion laughs" documents.
class AliasBudget {
 public:
  /// The stream's whole budget, or 1/`shares` of it for a part of a stream
  /// parsed on its own.
  explicit AliasBudget(std::uint64_t shares = 1)
      : max_nodes_(kMaxAliasNodes / shares), max_bytes_(kMaxAliasBytes / shares) {}

  /// Accounts for one more expansion; throws Error(kMalformedInput) at
  /// `position` once a limit is passed.
  void charge(const ExpansionCost& cost, SourcePosition position);

 private:
  std::uint64_t max_nodes_;
  std::uint64_t max_bytes_;
  std::uint64_t nodes_ = 0;
  std::uint64_t bytes_ = 0;
};

/// Receives yaml-cpp's parse events for one document at a time and builds
/// its JSON value with sigs.k8s.io/yaml's rules: resolves scalars, turns
/// keys into strings, expands aliases and merge keys, bounds nesting.
/// Throws Error(kMalformedInput) from the event callbacks. Not thread-safe.
class DocumentBuilder final : public YAML::EventHandler {
 public:
  /// `source` is the text yaml-cpp reads, without a leading byte order mark.
  DocumentBuilder(AliasBudget& budget, std::string_view source, bool duplicate_keys_last_win)
      : budget_(budget), source_(source), duplicate_keys_last_win_(duplicate_keys_last_win) {}

  void OnDocumentStart(const YAML::Mark& mark) override;
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override;
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override;
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override;
  void OnSequenceEnd() override;
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override;
  void OnMapEnd() override;

  /// The value of the document last handled; null for an empty document.
  nlohmann::json takeDocument();

  /// Where the document last handled starts.
  [[nodiscard]] SourcePosition documentPosition() const { return document_position_; }

  /// The byte offset (in the source given to the constructor) at which the
  /// document last handled starts.
  [[nodiscard]] std::size_t documentOffset() const { return document_offset_; }

 private:
  // A finished node on its way to its parent: a scalar keeps its resolved
  // form until it is known to be a key or a value.
  struct Node {
    std::variant<ResolvedScalar, nlohmann::json> content;
    SourcePosition position;
    bool merge_key = false;
    /// Where a scalar's text starts in the source (npos for other nodes).
    std::size_t offset = std::string_view::npos;
  };

  struct Anchored {
    Node node;
    ExpansionCost cost;
  };

  struct Frame {
    bool is_mapping = false;
    bool block = false;  ///< a block (not flow) collection
    YAML::anchor_t anchor = 0;
    SourcePosition position;
    nlohmann::json sequence = nlohmann::json::array();
    MappingBuilder mapping;
  };

  void pushFrame(bool is_mapping, bool block, const YAML::Mark& mark, YAML::anchor_t anchor);
  /// go-yaml's "could not find expected ':'": an implicit key of a block
  /// mapping must have its ':' on its own line (yaml-cpp lets a bare line
  /// through as a key with a null value).
  void checkKeyHasColon(const Node& key) const;
  void popFrame();
  void finishNode(Node node, YAML::anchor_t anchor);
  void deliver(Node node);

  AliasBudget& budget_;
  std::string_view source_;
  std::vector<Frame> frames_;
  std::unordered_map<YAML::anchor_t, Anchored> anchors_;
  std::optional<Node> root_;
  SourcePosition document_position_;
  std::size_t document_offset_ = 0;
  bool duplicate_keys_last_win_ = false;
};

}  // namespace meshery::yaml::detail
