#pragma once

// Private: the parse tree of text/template (Go's text/template/parse nodes),
// with each node's byte position and its String() form for error contexts.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace meshery::gotmpl::detail {

/// The text a tree was parsed from, shared by the trees of its {{define}}s.
struct Source {
  std::string parse_name;  ///< the top-level template's name, for errors
  std::string text;
};

enum class NodeType : std::uint8_t {
  kText,
  kAction,
  kBool,
  kChain,
  kCommand,
  kDot,
  kField,
  kIdentifier,
  kIf,
  kList,
  kNil,
  kNumber,
  kPipe,
  kRange,
  kString,
  kTemplate,
  kVariable,
  kWith,
  kBreak,
  kContinue,
  kComment,
  kEnd,   // parser-internal
  kElse,  // parser-internal
};

struct Node {
  Node(NodeType node_type, std::size_t position, const Source* from)
      : type(node_type), pos(position), source(from) {}
  virtual ~Node() = default;
  Node(const Node&) = delete;
  Node& operator=(const Node&) = delete;

  /// Appends the node as Go's String() prints it.
  virtual void writeTo(std::string& out) const = 0;
  [[nodiscard]] std::string text() const {
    std::string out;
    writeTo(out);
    return out;
  }

  NodeType type;
  std::size_t pos;       ///< byte offset in source->text
  const Source* source;  ///< the text the node was parsed from
};

using NodePtr = std::unique_ptr<Node>;

struct TextNode : Node {
  TextNode(std::size_t p, const Source* s, std::string t)
      : Node(NodeType::kText, p, s), text(std::move(t)) {}
  void writeTo(std::string& out) const override;
  std::string text;
};

struct ListNode : Node {
  ListNode(std::size_t p, const Source* s) : Node(NodeType::kList, p, s) {}
  void writeTo(std::string& out) const override;
  std::vector<NodePtr> nodes;
};

struct VariableNode : Node {
  VariableNode(std::size_t p, const Source* s, std::vector<std::string> i)
      : Node(NodeType::kVariable, p, s), ident(std::move(i)) {}
  void writeTo(std::string& out) const override;
  std::vector<std::string> ident;  ///< "$x" then field names
};

struct CommandNode : Node {
  CommandNode(std::size_t p, const Source* s) : Node(NodeType::kCommand, p, s) {}
  void writeTo(std::string& out) const override;
  std::vector<NodePtr> args;
};

struct PipeNode : Node {
  PipeNode(std::size_t p, const Source* s, int l) : Node(NodeType::kPipe, p, s), line(l) {}
  void writeTo(std::string& out) const override;
  int line;
  bool is_assign = false;  ///< "=" rather than ":="
  std::vector<std::unique_ptr<VariableNode>> decl;
  std::vector<std::unique_ptr<CommandNode>> cmds;
};

struct ActionNode : Node {
  ActionNode(std::size_t p, const Source* s, std::unique_ptr<PipeNode> pi)
      : Node(NodeType::kAction, p, s), pipe(std::move(pi)) {}
  void writeTo(std::string& out) const override;
  std::unique_ptr<PipeNode> pipe;
};

struct IdentifierNode : Node {
  IdentifierNode(std::size_t p, const Source* s, std::string i)
      : Node(NodeType::kIdentifier, p, s), ident(std::move(i)) {}
  void writeTo(std::string& out) const override { out += ident; }
  std::string ident;
};

struct DotNode : Node {
  DotNode(std::size_t p, const Source* s) : Node(NodeType::kDot, p, s) {}
  void writeTo(std::string& out) const override { out += '.'; }
};

struct NilNode : Node {
  NilNode(std::size_t p, const Source* s) : Node(NodeType::kNil, p, s) {}
  void writeTo(std::string& out) const override { out += "nil"; }
};

struct FieldNode : Node {
  FieldNode(std::size_t p, const Source* s, std::vector<std::string> i)
      : Node(NodeType::kField, p, s), ident(std::move(i)) {}
  void writeTo(std::string& out) const override;
  std::vector<std::string> ident;  ///< field names without dots
};

struct ChainNode : Node {
  ChainNode(std::size_t p, const Source* s, NodePtr n)
      : Node(NodeType::kChain, p, s), node(std::move(n)) {}
  void writeTo(std::string& out) const override;
  NodePtr node;
  std::vector<std::string> field;
};

struct BoolNode : Node {
  BoolNode(std::size_t p, const Source* s, bool v) : Node(NodeType::kBool, p, s), value(v) {}
  void writeTo(std::string& out) const override { out += value ? "true" : "false"; }
  bool value;
};

struct NumberNode : Node {
  NumberNode(std::size_t p, const Source* s, std::string t)
      : Node(NodeType::kNumber, p, s), literal(std::move(t)) {}
  void writeTo(std::string& out) const override { out += literal; }
  bool is_int = false;
  bool is_uint = false;
  bool is_float = false;
  bool is_complex = false;
  std::int64_t int_value = 0;
  std::uint64_t uint_value = 0;
  double float_value = 0;
  std::string literal;
};

struct StringNode : Node {
  StringNode(std::size_t p, const Source* s, std::string q, std::string t)
      : Node(NodeType::kString, p, s), quoted(std::move(q)), value(std::move(t)) {}
  void writeTo(std::string& out) const override { out += quoted; }
  std::string quoted;
  std::string value;
};

/// if, range, with.
struct BranchNode : Node {
  BranchNode(NodeType t, std::size_t p, const Source* s, int l) : Node(t, p, s), line(l) {}
  void writeTo(std::string& out) const override;
  int line;
  std::unique_ptr<PipeNode> pipe;
  std::unique_ptr<ListNode> list;
  std::unique_ptr<ListNode> else_list;
};

struct TemplateNode : Node {
  TemplateNode(std::size_t p, const Source* s, std::string n)
      : Node(NodeType::kTemplate, p, s), name(std::move(n)) {}
  void writeTo(std::string& out) const override;
  std::string name;
  std::unique_ptr<PipeNode> pipe;  ///< may be null
};

/// break, continue, comment, and the parser's end and else markers.
struct KeywordNode : Node {
  KeywordNode(NodeType t, std::size_t p, const Source* s, std::string w, int l = 0)
      : Node(t, p, s), word(std::move(w)), line(l) {}
  void writeTo(std::string& out) const override { out += word; }
  std::string word;
  int line;
};

/// A parsed template: its name, the text it came from and its body.
struct Tree {
  std::string name;
  std::shared_ptr<const Source> source;
  std::unique_ptr<ListNode> root;
};

/// Go's parse.IsEmptyTree: only space text and comments.
bool isEmptyTree(const Node* node);

}  // namespace meshery::gotmpl::detail
