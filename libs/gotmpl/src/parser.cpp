#include "parser.hpp"

#include <cctype>

#include "go_number.hpp"
#include "go_text.hpp"
#include "meshery/core/error.hpp"

namespace meshery::gotmpl::detail {
namespace {

/// Thrown inside the parser; becomes the Error of parseTemplate.
struct ParseFailure {
  std::string message;
  int line;
};

/// One tree under construction (Go's *parse.Tree while parsing). The trees
/// of a text's {{define}}s and {{block}}s share its lexer, but each has its
/// own look-ahead, variables and range depth, as in Go.
class TreeParser {
 public:
  TreeParser(std::string name, std::shared_ptr<const Source> source, Lexer& lexer,
             const ParseOptions& options, TreeSet& trees)
      : name_(std::move(name)),
        source_(std::move(source)),
        lexer_(lexer),
        options_(options),
        trees_(trees) {}

  /// The top level of a text: its body, with {{define}}s split off.
  void parseTop() {
    root_ = newList(peek().pos);
    while (peek().type != ItemType::kEof) {
      if (peek().type == ItemType::kLeftDelim) {
        Item delim = next();
        if (nextNonSpace().type == ItemType::kDefine) {
          TreeParser definition("definition", source_, lexer_, options_, trees_);
          definition.parseDefinition();
          continue;
        }
        backup2(std::move(delim));
      }
      NodePtr node = textOrAction();
      if (node->type == NodeType::kEnd || node->type == NodeType::kElse) {
        errorf("unexpected " + node->text());
      }
      root_->nodes.push_back(std::move(node));
    }
    add();
  }

 private:
  // ---- look-ahead (Go's three-token buffer) ----

  Item next() {
    if (peek_count_ > 0) {
      --peek_count_;
    } else {
      token_[0] = lexer_.next();
    }
    return token_[peek_count_];
  }
  void backup() { ++peek_count_; }
  void backup2(Item t1) {
    token_[1] = std::move(t1);
    peek_count_ = 2;
  }
  void backup3(Item t2, Item t1) {
    token_[1] = std::move(t1);
    token_[2] = std::move(t2);
    peek_count_ = 3;
  }
  Item peek() {
    if (peek_count_ > 0) return token_[peek_count_ - 1];
    peek_count_ = 1;
    token_[0] = lexer_.next();
    return token_[0];
  }
  Item nextNonSpace() {
    Item token;
    do {
      token = next();
    } while (token.type == ItemType::kSpace);
    return token;
  }
  Item peekNonSpace() {
    Item token = nextNonSpace();
    backup();
    return token;
  }

  // ---- errors ----

  [[noreturn]] void errorf(const std::string& message) {
    throw ParseFailure{
        "template: " + source_->parse_name + ":" + std::to_string(token_[0].line) + ": " + message,
        token_[0].line};
  }

  [[noreturn]] void unexpected(const Item& token, std::string_view context) {
    if (token.type == ItemType::kError) {
      std::string extra;
      if (action_line_ != 0 && action_line_ != token.line) {
        extra = " in action started at " + source_->parse_name + ":" + std::to_string(action_line_);
        if (token.value.ends_with(" action"))
          extra = extra.substr(std::string_view(" in action").size());
      }
      errorf(token.describe() + extra);
    }
    errorf("unexpected " + token.describe() + " in " + std::string(context));
  }

  Item expect(ItemType expected, std::string_view context) {
    Item token = nextNonSpace();
    if (token.type != expected) unexpected(token, context);
    return token;
  }

  Item expectOneOf(ItemType first, ItemType second, std::string_view context) {
    Item token = nextNonSpace();
    if (token.type != first && token.type != second) unexpected(token, context);
    return token;
  }

  // ---- node factories ----

  std::unique_ptr<ListNode> newList(std::size_t pos) {
    return std::make_unique<ListNode>(pos, source_.get());
  }

  // ---- trees ----

  void add() {
    auto tree = std::make_shared<Tree>();
    tree->name = name_;
    tree->source = source_;
    tree->root = std::move(root_);
    const auto existing = trees_.find(name_);
    if (existing == trees_.end() || isEmptyTree(existing->second->root.get())) {
      trees_[name_] = std::move(tree);
      return;
    }
    if (!isEmptyTree(tree->root.get())) {
      errorf("template: multiple definition of template " + goQuote(name_));
    }
  }

  void parseDefinition() {
    constexpr std::string_view kContext = "define clause";
    const Item name = expectOneOf(ItemType::kString, ItemType::kRawString, kContext);
    auto unquoted = goUnquote(name.value);
    if (!unquoted) errorf("invalid syntax");
    name_ = std::move(*unquoted);
    expect(ItemType::kRightDelim, kContext);
    auto [list, end] = itemList();
    root_ = std::move(list);
    if (end->type != NodeType::kEnd)
      errorf("unexpected " + end->text() + " in " + std::string(kContext));
    add();
  }

  std::pair<std::unique_ptr<ListNode>, NodePtr> itemList() {
    auto list = newList(peekNonSpace().pos);
    while (peekNonSpace().type != ItemType::kEof) {
      NodePtr node = textOrAction();
      if (node->type == NodeType::kEnd || node->type == NodeType::kElse) {
        return {std::move(list), std::move(node)};
      }
      list->nodes.push_back(std::move(node));
    }
    errorf("unexpected EOF");
  }

  NodePtr textOrAction() {
    Item token = nextNonSpace();
    switch (token.type) {
      case ItemType::kText:
        return std::make_unique<TextNode>(token.pos, source_.get(), std::move(token.value));
      case ItemType::kLeftDelim: {
        action_line_ = token.line;
        NodePtr node = action();
        action_line_ = 0;
        return node;
      }
      default:
        unexpected(token, "input");
    }
  }

  NodePtr action() {
    Item token = nextNonSpace();
    switch (token.type) {
      case ItemType::kBlock:
        return blockControl();
      case ItemType::kBreak:
        return loopControl(token, "{{break}}", NodeType::kBreak);
      case ItemType::kContinue:
        return loopControl(token, "{{continue}}", NodeType::kContinue);
      case ItemType::kElse:
        return elseControl();
      case ItemType::kEnd:
        return std::make_unique<KeywordNode>(
            NodeType::kEnd, expect(ItemType::kRightDelim, "end").pos, source_.get(), "{{end}}");
      case ItemType::kIf:
        return branchControl(NodeType::kIf, "if");
      case ItemType::kRange:
        return branchControl(NodeType::kRange, "range");
      case ItemType::kTemplate:
        return templateControl();
      case ItemType::kWith:
        return branchControl(NodeType::kWith, "with");
      default:
        break;
    }
    backup();
    const Item first = peek();
    return std::make_unique<ActionNode>(first.pos, source_.get(),
                                        pipeline("command", ItemType::kRightDelim));
  }

  NodePtr loopControl(const Item& keyword, const std::string& word, NodeType type) {
    const Item token = nextNonSpace();
    if (token.type != ItemType::kRightDelim) unexpected(token, word);
    if (range_depth_ == 0) errorf(word + " outside {{range}}");
    return std::make_unique<KeywordNode>(type, keyword.pos, source_.get(), word, keyword.line);
  }

  std::unique_ptr<PipeNode> pipeline(std::string_view context, ItemType end) {
    const Item first = peekNonSpace();
    auto pipe = std::make_unique<PipeNode>(first.pos, source_.get(), first.line);
    declarations(*pipe, context);
    for (;;) {
      Item token = nextNonSpace();
      if (token.type == end) {
        checkPipeline(*pipe, context);
        return pipe;
      }
      switch (token.type) {
        case ItemType::kBool:
        case ItemType::kCharConstant:
        case ItemType::kComplex:
        case ItemType::kDot:
        case ItemType::kField:
        case ItemType::kIdentifier:
        case ItemType::kNumber:
        case ItemType::kNil:
        case ItemType::kRawString:
        case ItemType::kString:
        case ItemType::kVariable:
        case ItemType::kLeftParen:
          backup();
          pipe->cmds.push_back(command());
          break;
        default:
          unexpected(token, context);
      }
    }
  }

  // "$x :=", "$x =", "$i, $v :=" at the start of a pipeline.
  void declarations(PipeNode& pipe, std::string_view context) {
    for (;;) {
      Item variable = peekNonSpace();
      if (variable.type != ItemType::kVariable) return;
      next();
      Item after_variable = peek();
      const Item following = peekNonSpace();
      if (following.type == ItemType::kAssign || following.type == ItemType::kDeclare) {
        pipe.is_assign = following.type == ItemType::kAssign;
        nextNonSpace();
        pipe.decl.push_back(std::make_unique<VariableNode>(
            variable.pos, source_.get(), std::vector<std::string>{variable.value}));
        vars_.push_back(variable.value);
        return;
      }
      if (following.type == ItemType::kChar && following.value == ",") {
        nextNonSpace();
        pipe.decl.push_back(std::make_unique<VariableNode>(
            variable.pos, source_.get(), std::vector<std::string>{variable.value}));
        vars_.push_back(variable.value);
        if (context == "range" && pipe.decl.size() < 2) {
          const ItemType type = peekNonSpace().type;
          if (type == ItemType::kVariable || type == ItemType::kRightDelim ||
              type == ItemType::kRightParen) {
            continue;  // the second variable of a range
          }
          errorf("range can only initialize variables");
        }
        errorf("too many declarations in " + std::string(context));
      }
      if (after_variable.type == ItemType::kSpace) {
        backup3(std::move(variable), std::move(after_variable));
      } else {
        backup2(std::move(variable));
      }
      return;
    }
  }

  void checkPipeline(const PipeNode& pipe, std::string_view context) {
    if (pipe.cmds.empty()) errorf("missing value for " + std::string(context));
    for (std::size_t i = 1; i < pipe.cmds.size(); ++i) {
      switch (pipe.cmds[i]->args[0]->type) {
        case NodeType::kBool:
        case NodeType::kDot:
        case NodeType::kNil:
        case NodeType::kNumber:
        case NodeType::kString:
          errorf("non executable command in pipeline stage " + std::to_string(i + 1));
        default:
          break;
      }
    }
  }

  NodePtr branchControl(NodeType type, std::string_view context) {
    const std::size_t vars_mark = vars_.size();
    auto pipe = pipeline(context, ItemType::kRightDelim);
    if (type == NodeType::kRange) ++range_depth_;
    auto [list, following] = itemList();
    if (type == NodeType::kRange) --range_depth_;
    std::unique_ptr<ListNode> else_list;
    if (following->type == NodeType::kElse) {
      // "else if" (and, since Go 1.23, "else with") chains: the inner
      // branch consumes the one {{end}}.
      const ItemType chained = type == NodeType::kIf     ? ItemType::kIf
                               : type == NodeType::kWith ? ItemType::kWith
                                                         : ItemType::kEof;
      if (chained != ItemType::kEof && peek().type == chained) {
        next();
        else_list = newList(following->pos);
        else_list->nodes.push_back(branchControl(type, context));
      } else {
        auto [rest, end] = itemList();
        if (end->type != NodeType::kEnd) errorf("expected end; found " + end->text());
        else_list = std::move(rest);
      }
    }
    vars_.resize(vars_mark);
    auto node = std::make_unique<BranchNode>(type, pipe->pos, source_.get(), pipe->line);
    node->pipe = std::move(pipe);
    node->list = std::move(list);
    node->else_list = std::move(else_list);
    return node;
  }

  NodePtr elseControl() {
    const Item following = peekNonSpace();
    if (following.type == ItemType::kIf || following.type == ItemType::kWith) {
      // "{{else if ...": read as {{else}}{{if ...; the if stays pending.
      return std::make_unique<KeywordNode>(NodeType::kElse, following.pos, source_.get(),
                                           "{{else}}", following.line);
    }
    const Item token = expect(ItemType::kRightDelim, "else");
    return std::make_unique<KeywordNode>(NodeType::kElse, token.pos, source_.get(), "{{else}}",
                                         token.line);
  }

  NodePtr blockControl() {
    constexpr std::string_view kContext = "block clause";
    const Item token = nextNonSpace();
    std::string name = templateName(token, kContext);
    auto pipe = pipeline(kContext, ItemType::kRightDelim);
    TreeParser block(name, source_, lexer_, options_, trees_);
    auto [list, end] = block.itemList();
    if (end->type != NodeType::kEnd) {
      errorf("unexpected " + end->text() + " in " + std::string(kContext));
    }
    block.root_ = std::move(list);
    block.add();
    auto node = std::make_unique<TemplateNode>(token.pos, source_.get(), std::move(name));
    node->pipe = std::move(pipe);
    return node;
  }

  NodePtr templateControl() {
    constexpr std::string_view kContext = "template clause";
    const Item token = nextNonSpace();
    auto node =
        std::make_unique<TemplateNode>(token.pos, source_.get(), templateName(token, kContext));
    if (nextNonSpace().type != ItemType::kRightDelim) {
      backup();
      node->pipe = pipeline(kContext, ItemType::kRightDelim);
    }
    return node;
  }

  std::string templateName(const Item& token, std::string_view context) {
    if (token.type != ItemType::kString && token.type != ItemType::kRawString)
      unexpected(token, context);
    auto name = goUnquote(token.value);
    if (!name) errorf("invalid syntax");
    return std::move(*name);
  }

  std::unique_ptr<CommandNode> command() {
    auto cmd = std::make_unique<CommandNode>(peekNonSpace().pos, source_.get());
    for (;;) {
      peekNonSpace();  // skips leading spaces
      if (NodePtr node = operand()) cmd->args.push_back(std::move(node));
      const Item token = next();
      if (token.type == ItemType::kSpace) continue;
      if (token.type == ItemType::kRightDelim || token.type == ItemType::kRightParen) {
        backup();
      } else if (token.type != ItemType::kPipe) {
        unexpected(token, "operand");
      }
      break;
    }
    if (cmd->args.empty()) errorf("empty command");
    return cmd;
  }

  NodePtr operand() {
    NodePtr node = term();
    if (!node) return nullptr;
    if (peek().type != ItemType::kField) return node;
    auto chain = std::make_unique<ChainNode>(peek().pos, source_.get(), nullptr);
    while (peek().type == ItemType::kField) chain->field.push_back(next().value.substr(1));
    switch (node->type) {
      case NodeType::kField: {
        auto& field = static_cast<FieldNode&>(*node);
        std::vector<std::string> ident = std::move(field.ident);
        for (auto& name : chain->field) ident.push_back(std::move(name));
        return std::make_unique<FieldNode>(chain->pos, source_.get(), std::move(ident));
      }
      case NodeType::kVariable: {
        auto& variable = static_cast<VariableNode&>(*node);
        std::vector<std::string> ident = std::move(variable.ident);
        for (auto& name : chain->field) ident.push_back(std::move(name));
        return std::make_unique<VariableNode>(chain->pos, source_.get(), std::move(ident));
      }
      case NodeType::kBool:
      case NodeType::kString:
      case NodeType::kNumber:
      case NodeType::kNil:
      case NodeType::kDot:
        errorf("unexpected . after term " + goQuote(node->text()));
      default:
        chain->node = std::move(node);
        return chain;
    }
  }

  NodePtr term() {
    Item token = nextNonSpace();
    switch (token.type) {
      case ItemType::kIdentifier:
        if (!options_.has_function(token.value)) {
          errorf("function " + goQuote(token.value) + " not defined");
        }
        return std::make_unique<IdentifierNode>(token.pos, source_.get(), std::move(token.value));
      case ItemType::kDot:
        return std::make_unique<DotNode>(token.pos, source_.get());
      case ItemType::kNil:
        return std::make_unique<NilNode>(token.pos, source_.get());
      case ItemType::kVariable:
        return useVariable(token);
      case ItemType::kField:
        return std::make_unique<FieldNode>(token.pos, source_.get(),
                                           std::vector<std::string>{token.value.substr(1)});
      case ItemType::kBool:
        return std::make_unique<BoolNode>(token.pos, source_.get(), token.value == "true");
      case ItemType::kCharConstant:
      case ItemType::kComplex:
      case ItemType::kNumber: {
        auto number = std::make_unique<NumberNode>(token.pos, source_.get(), token.value);
        if (auto problem = parseNumberLiteral(*number, token.type == ItemType::kCharConstant,
                                              token.type == ItemType::kComplex)) {
          errorf(*problem);
        }
        return number;
      }
      case ItemType::kLeftParen:
        return pipeline("parenthesized pipeline", ItemType::kRightParen);
      case ItemType::kString:
      case ItemType::kRawString: {
        auto text = goUnquote(token.value);
        if (!text) errorf("invalid syntax");
        return std::make_unique<StringNode>(token.pos, source_.get(), token.value,
                                            std::move(*text));
      }
      default:
        backup();
        return nullptr;
    }
  }

  NodePtr useVariable(const Item& token) {
    for (const auto& name : vars_) {
      if (name == token.value) {
        return std::make_unique<VariableNode>(token.pos, source_.get(),
                                              std::vector<std::string>{token.value});
      }
    }
    errorf("undefined variable " + goQuote(token.value));
  }

  std::string name_;
  std::shared_ptr<const Source> source_;
  Lexer& lexer_;
  const ParseOptions& options_;
  TreeSet& trees_;
  std::array<Item, 3> token_{};
  int peek_count_ = 0;
  std::vector<std::string> vars_{"$"};
  int range_depth_ = 0;
  int action_line_ = 0;
  std::unique_ptr<ListNode> root_;
};

}  // namespace

TreeSet parseTemplate(std::string_view name, std::string_view text, const ParseOptions& options) {
  auto source = std::make_shared<Source>(Source{std::string(name), std::string(text)});
  const bool break_ok = !options.has_function("break");
  const bool continue_ok = !options.has_function("continue");
  Lexer lexer(source->text, options.left_delim, options.right_delim, break_ok, continue_ok);
  TreeSet trees;
  try {
    TreeParser top(std::string(name), source, lexer, options, trees);
    top.parseTop();
  } catch (const ParseFailure& failure) {
    throw Error(
        ErrorCode::kMalformedInput, failure.message,
        "The template text is not valid Go template syntax.",
        "Fix the template at the line given; see https://pkg.go.dev/text/template for the syntax.",
        SourcePosition{static_cast<std::uint32_t>(failure.line), 0});
  }
  return trees;
}

}  // namespace meshery::gotmpl::detail
