#include "document_builder.hpp"

#include <utility>

#include "parse_error.hpp"
#include "quote_scan.hpp"
#include "scalar_json.hpp"
#include "text_encoding.hpp"

namespace meshery::yaml::detail {
namespace {

ExpansionCost measure(const nlohmann::json& value) {
  ExpansionCost cost{1, 0};
  if (value.is_string()) {
    cost.bytes = value.get_ref<const std::string&>().size();
  } else if (value.is_structured()) {
    for (const auto& [key, child] : value.items()) {
      const ExpansionCost inner = measure(child);
      cost.nodes += inner.nodes;
      cost.bytes += inner.bytes + (value.is_object() ? key.size() : 0);
    }
  }
  return cost;
}

Error aliasBomb(SourcePosition position) {
  return malformedAt(position,
                     "aliases expand to more than " + std::to_string(kMaxAliasNodes) +
                         " nodes or " + std::to_string(kMaxAliasBytes / (1024 * 1024)) +
                         " MiB of text",
                     "Nested anchors and aliases multiply the size of the document (the "
                     "\"billion laughs\" pattern); expanding them would exhaust memory.",
                     "Write the repeated data out, or reduce how often aliases are nested.");
}

}  // namespace

SourcePosition positionOf(const YAML::Mark& mark) {
  return {static_cast<std::uint32_t>(mark.line + 1), static_cast<std::uint32_t>(mark.column + 1)};
}

void AliasBudget::charge(const ExpansionCost& cost, SourcePosition position) {
  nodes_ += cost.nodes;
  bytes_ += cost.bytes;
  if (nodes_ > max_nodes_ || bytes_ > max_bytes_) throw aliasBomb(position);
}

void DocumentBuilder::OnDocumentStart(const YAML::Mark& mark) {
  frames_.clear();
  anchors_.clear();
  root_.reset();
  document_position_ = positionOf(mark);
  document_offset_ = static_cast<std::size_t>(mark.pos);
}

void DocumentBuilder::OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) {
  finishNode(Node{ResolvedScalar{}, positionOf(mark)}, anchor);
}

void DocumentBuilder::OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) {
  const auto found = anchors_.find(anchor);
  if (found == anchors_.end()) {
    throw malformedAt(positionOf(mark), "an alias refers to the node that contains it",
                      "The alias points at an anchor whose node is not finished yet, which "
                      "would make the value infinite.",
                      "Move the alias out of the anchored node.");
  }
  budget_.charge(found->second.cost, positionOf(mark));
  Node node = found->second.node;
  node.position = positionOf(mark);
  node.merge_key = false;
  deliver(std::move(node));
}

void DocumentBuilder::OnScalar(const YAML::Mark& mark, const std::string& tag,
                               YAML::anchor_t anchor, const std::string& value) {
  const SourcePosition position = positionOf(mark);
  if (tag != "?" && !quotedScalarIsClosed(source_, static_cast<std::size_t>(mark.pos))) {
    throw malformedAt(position, "a quoted scalar starting here is never closed",
                      "The closing quote is missing, so the rest of the stream was read as "
                      "part of the string.",
                      "Add the closing quote.");
  }
  TaggedResolution resolution = resolveTagged(tag, repairEscapedBytes(value));
  if (!resolution.value) {
    throw malformedAt(position, resolution.error,
                      "The explicit tag does not match the value it is attached to.",
                      "Remove the tag or change the value to match it.");
  }
  ResolvedScalar scalar = std::move(*resolution.value);
  if (scalar.kind == ResolvedScalar::Kind::kString) scalar.text = toValidUtf8(scalar.text);
  const bool merge_key =
      value == "<<" && (tag == "?" || tag == std::string(kCoreTagPrefix) + "merge");
  finishNode(Node{std::move(scalar), position, merge_key, static_cast<std::size_t>(mark.pos)},
             anchor);
}

void DocumentBuilder::OnSequenceStart(const YAML::Mark& mark, const std::string& /*tag*/,
                                      YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  pushFrame(false, style != YAML::EmitterStyle::Flow, mark, anchor);
}

void DocumentBuilder::OnSequenceEnd() {
  popFrame();
}

void DocumentBuilder::OnMapStart(const YAML::Mark& mark, const std::string& /*tag*/,
                                 YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
  pushFrame(true, style != YAML::EmitterStyle::Flow, mark, anchor);
}

void DocumentBuilder::OnMapEnd() {
  popFrame();
}

nlohmann::json DocumentBuilder::takeDocument() {
  if (!root_) return nullptr;
  Node node = std::move(*root_);
  root_.reset();
  if (auto* scalar = std::get_if<ResolvedScalar>(&node.content)) {
    return scalarValue(*scalar, node.position);
  }
  return std::move(std::get<nlohmann::json>(node.content));
}

void DocumentBuilder::pushFrame(bool is_mapping, bool block, const YAML::Mark& mark,
                                YAML::anchor_t anchor) {
  if (frames_.size() >= kMaxNestingDepth) throw nestingTooDeep(positionOf(mark));
  Frame frame;
  frame.is_mapping = is_mapping;
  frame.block = block;
  frame.anchor = anchor;
  frame.position = positionOf(mark);
  if (duplicate_keys_last_win_) frame.mapping.allowDuplicateKeys();
  frames_.push_back(std::move(frame));
}

void DocumentBuilder::popFrame() {
  Frame frame = std::move(frames_.back());
  frames_.pop_back();
  nlohmann::json value = frame.is_mapping ? frame.mapping.finish() : std::move(frame.sequence);
  finishNode(Node{std::move(value), frame.position}, frame.anchor);
}

void DocumentBuilder::finishNode(Node node, YAML::anchor_t anchor) {
  if (anchor != 0) {
    ExpansionCost cost{1, 0};
    if (const auto* scalar = std::get_if<ResolvedScalar>(&node.content)) {
      cost.bytes = scalar->text.size();
    } else {
      cost = measure(std::get<nlohmann::json>(node.content));
    }
    anchors_[anchor] = Anchored{node, cost};
  }
  deliver(std::move(node));
}

void DocumentBuilder::deliver(Node node) {
  if (frames_.empty()) {
    root_ = std::move(node);
    return;
  }
  Frame& parent = frames_.back();
  auto* scalar = std::get_if<ResolvedScalar>(&node.content);
  if (parent.is_mapping && parent.mapping.expectsKey()) {
    if (node.merge_key) {
      parent.mapping.addMergeKey(node.position);
    } else if (scalar != nullptr) {
      if (parent.block) checkKeyHasColon(node);
      parent.mapping.addKey(scalarKey(*scalar, node.position), node.position);
    } else {
      throw malformedAt(node.position, "a mapping or sequence cannot be a mapping key",
                        "JSON object keys are strings; a complex key (\"? [a, b]\") has no "
                        "JSON form.",
                        "Use a scalar key.");
    }
    return;
  }
  nlohmann::json value = scalar != nullptr ? scalarValue(*scalar, node.position)
                                           : std::move(std::get<nlohmann::json>(node.content));
  if (parent.is_mapping) {
    parent.mapping.addValue(std::move(value));
  } else {
    parent.sequence.push_back(std::move(value));
  }
}

void DocumentBuilder::checkKeyHasColon(const Node& key) const {
  if (key.offset >= source_.size()) return;
  const std::size_t line_start = source_.rfind('\n', key.offset) + 1;  // npos + 1 == 0
  std::size_t line_end = source_.find('\n', key.offset);
  if (line_end == std::string_view::npos) line_end = source_.size();
  const std::string_view before = source_.substr(line_start, key.offset - line_start);
  if (before.find_first_of("?:") != std::string_view::npos) return;  // explicit "? key", or ": v"
  std::size_t at = key.offset;
  const char quote = source_[at];
  if (quote == '"' || quote == '\'') {  // past the closing quote
    for (++at; at < line_end; ++at) {
      if (quote == '"' && source_[at] == '\\') {
        ++at;
      } else if (source_[at] == quote) {
        if (quote == '\'' && at + 1 < line_end && source_[at + 1] == '\'') {
          ++at;
        } else {
          break;
        }
      }
    }
    if (at >= line_end) return;  // a multi-line quoted key: yaml-cpp has judged it
  }
  for (; at < line_end; ++at) {
    if (source_[at] != ':') continue;
    const char next = at + 1 < line_end ? source_[at + 1] : ' ';
    if (next == ' ' || next == '\t' || next == '\r') return;
  }
  // go-yaml notices on the next line: "yaml: line N+1: ...", without a column.
  const SourcePosition where{key.position.line + 1, 1};
  throw Error(ErrorCode::kMalformedInput,
              "yaml: line " + std::to_string(where.line) + ": could not find expected ':'",
              "A line inside a block mapping holds a key without ':' after it.",
              "Add ': value' after the key, or indent the line if it continues the value above.",
              where);
}

}  // namespace meshery::yaml::detail
