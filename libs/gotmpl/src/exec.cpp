#include "exec.hpp"

#include <algorithm>
#include <span>

#include "go_text.hpp"
#include "meshery/gotmpl/format.hpp"

namespace meshery::gotmpl::detail {
namespace {

struct BreakSignal {};
struct ContinueSignal {};

using Args = std::span<const NodePtr>;

bool canBeNil(Param param) {
  switch (param) {
    case Param::kValue:
    case Param::kAny:
    case Param::kList:
    case Param::kStringList:
    case Param::kMap:
      return true;
    default:
      return false;
  }
}

// The value a nil-able parameter receives for nil or no value.
Value zeroOf(Param param) {
  switch (param) {
    case Param::kValue:
      return {};
    case Param::kList:
      return Value::nilList();
    case Param::kStringList:
      return Value::nilList(ElemType::kString);
    case Param::kMap:
      return Value::nilMap();
    default:
      return Value::nil();
  }
}

bool assignable(const Value& value, Param param) {
  switch (param) {
    case Param::kValue:
    case Param::kAny:
      return true;
    case Param::kString:
      return value.kind() == Kind::kString;
    case Param::kInt:
      return value.kind() == Kind::kInt && value.intType() == IntType::kInt;
    case Param::kInt64:
      return value.kind() == Kind::kInt && value.intType() == IntType::kInt64;
    case Param::kFloat64:
      return value.kind() == Kind::kFloat;
    case Param::kBool:
      return value.kind() == Kind::kBool;
    case Param::kList:
      return value.kind() == Kind::kList && value.asList().elem == ElemType::kInterface;
    case Param::kStringList:
      return value.kind() == Kind::kList && value.asList().elem == ElemType::kString;
    case Param::kMap:
      return value.kind() == Kind::kMap && value.asMap().elem == ElemType::kInterface;
  }
  return false;
}

// Go's parse.Tree.ErrorContext: "NAME:LINE:COL" (column 0-based, in bytes).
std::string locationOf(const Node& node) {
  const std::string_view text = std::string_view(node.source->text).substr(0, node.pos);
  const std::size_t newline = text.rfind('\n');
  const std::size_t column = newline == std::string_view::npos ? node.pos : node.pos - newline - 1;
  const auto line = 1 + std::count(text.begin(), text.end(), '\n');
  return node.source->parse_name + ":" + std::to_string(line) + ":" + std::to_string(column);
}

class State {
 public:
  State(const Templates& templates, const Tree& tree, std::string& out, Budget& budget,
        const Value& data)
      : templates_(templates), tree_(tree), out_(out), budget_(budget) {
    vars_.push_back({"$", data});
  }

  void walk(const Value& dot, const Node& node) {
    at(node);
    step();
    switch (node.type) {
      case NodeType::kAction: {
        const auto& action = static_cast<const ActionNode&>(node);
        const Value value = evalPipeline(dot, *action.pipe);
        if (action.pipe->decl.empty()) printValue(node, value);
        return;
      }
      case NodeType::kBreak:
        throw BreakSignal{};
      case NodeType::kContinue:
        throw ContinueSignal{};
      case NodeType::kIf:
      case NodeType::kWith:
        walkIfOrWith(dot, static_cast<const BranchNode&>(node));
        return;
      case NodeType::kList:
        for (const auto& child : static_cast<const ListNode&>(node).nodes) walk(dot, *child);
        return;
      case NodeType::kRange:
        walkRange(dot, static_cast<const BranchNode&>(node));
        return;
      case NodeType::kTemplate:
        walkTemplate(dot, static_cast<const TemplateNode&>(node));
        return;
      case NodeType::kText:
        write(static_cast<const TextNode&>(node).text);
        return;
      default:
        errorf("unknown node: " + node.text());
    }
  }

 private:
  struct Variable {
    std::string name;
    Value value;
  };

  /// Pops the variables pushed since its construction.
  class VariableScope {
   public:
    explicit VariableScope(std::vector<Variable>& vars) : vars_(vars), mark_(vars.size()) {}
    ~VariableScope() { vars_.resize(mark_); }
    VariableScope(const VariableScope&) = delete;
    VariableScope& operator=(const VariableScope&) = delete;

   private:
    std::vector<Variable>& vars_;
    std::size_t mark_;
  };

  void at(const Node& node) { node_ = &node; }

  [[noreturn]] void errorf(const std::string& message, const std::string& function = {},
                           const std::string& function_message = {}) const {
    const std::string quoted_name = goQuote(tree_.name);
    if (node_ == nullptr) {
      throw ExecError("template: " + tree_.name + ": " + message, tree_.name, "", function,
                      function_message);
    }
    const std::string location = locationOf(*node_);
    throw ExecError("template: " + location + ": executing " + quoted_name + " at <" +
                        node_->text() + ">: " + message,
                    tree_.name, location, function, function_message);
  }

  void step() {
    if (++budget_.steps > budget_.limits.max_steps) {
      errorf("template execution stopped after " + std::to_string(budget_.limits.max_steps) +
             " steps (a loop that does not end, or too much work for one render)");
    }
  }

  void write(std::string_view text) {
    budget_.output_bytes += text.size();
    if (budget_.output_bytes > budget_.limits.max_output_bytes) {
      errorf("template output exceeds " + std::to_string(budget_.limits.max_output_bytes) +
             " bytes");
    }
    out_ += text;
  }

  // ---- variables ----

  void push(const std::string& name, Value value) { vars_.push_back({name, std::move(value)}); }

  void setVar(const std::string& name, Value value) {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->name == name) {
        it->value = std::move(value);
        return;
      }
    }
    errorf("undefined variable: " + name);
  }

  void setTopVar(std::size_t n, Value value) { vars_[vars_.size() - n].value = std::move(value); }

  Value varValue(const std::string& name) const {
    for (auto it = vars_.rbegin(); it != vars_.rend(); ++it) {
      if (it->name == name) return it->value;
    }
    errorf("undefined variable: " + name);
  }

  // ---- control structures ----

  void walkIfOrWith(const Value& dot, const BranchNode& node) {
    VariableScope scope(vars_);
    const Value value = evalPipeline(dot, *node.pipe);
    if (value.truthy()) {
      walk(node.type == NodeType::kWith ? value : dot, *node.list);
    } else if (node.else_list) {
      walk(dot, *node.else_list);
    }
  }

  void walkRange(const Value& dot, const BranchNode& node) {
    at(node);
    VariableScope scope(vars_);
    const Value value = evalPipeline(dot, *node.pipe);
    const std::size_t mark = vars_.size();
    const auto& decl = node.pipe->decl;
    const auto iteration = [&](const Value& index, const Value& element) {
      if (!decl.empty()) {
        if (node.pipe->is_assign) {
          setVar(decl[0]->ident[0], decl.size() > 1 ? index : element);
        } else {
          setTopVar(1, element);
        }
      }
      if (decl.size() > 1) {
        if (node.pipe->is_assign) {
          setVar(decl[1]->ident[0], element);
        } else {
          setTopVar(2, index);
        }
      }
      step();
      try {
        walk(element, *node.list);
      } catch (const ContinueSignal&) {
      }
      vars_.resize(mark);
    };
    try {
      if (iterate(value, node, iteration)) return;
    } catch (const BreakSignal&) {
      vars_.resize(mark);
      return;
    }
    if (node.else_list) walk(dot, *node.else_list);
  }

  // Runs the iterations; false when there were none.
  template <typename Iteration>
  bool iterate(const Value& value, const BranchNode& node, const Iteration& iteration) {
    switch (value.kind()) {
      case Kind::kList: {
        const std::shared_ptr<ListData> list = value.listData();  // kept alive
        if (list->items.empty()) return false;
        const bool box = list->elem == ElemType::kInterface;
        for (std::size_t i = 0; i < list->items.size(); ++i) {
          const Value& item = list->items[i];
          iteration(Value::integer(static_cast<std::int64_t>(i)), box ? item.asBoxed() : item);
        }
        return true;
      }
      case Kind::kMap: {
        // A snapshot, as Go sorts the keys first: the body may change the map.
        const MapData& map = value.asMap();
        if (map.entries.empty()) return false;
        const bool box = map.elem == ElemType::kInterface;
        std::vector<std::pair<std::string, Value>> entries(map.entries.begin(), map.entries.end());
        for (const auto& [key, item] : entries) {
          iteration(Value::string(key), box ? item.asBoxed() : item);
        }
        return true;
      }
      case Kind::kInt: {
        if (node.pipe->decl.size() > 1) {
          errorf("can't use " + formatValue(value) + " to iterate over more than one variable");
        }
        const std::int64_t count =
            value.isUnsigned()
                ? static_cast<std::int64_t>(std::min<std::uint64_t>(value.asUint(), INT64_MAX))
                : value.asInt();
        if (count <= 0) return false;
        for (std::int64_t i = 0; i < count; ++i)
          iteration(Value(), Value::integer(i, value.intType()));
        return true;
      }
      case Kind::kInvalid:
      case Kind::kNil:
        return false;
      default:
        errorf("range can't iterate over " + formatValue(value));
    }
  }

  void walkTemplate(const Value& dot, const TemplateNode& node) {
    at(node);
    const Tree* tree = templates_.tree(node.name);
    if (tree == nullptr) errorf("template " + goQuote(node.name) + " not defined");
    if (budget_.depth >= budget_.limits.max_depth) {
      errorf("exceeded maximum template depth (" + std::to_string(budget_.limits.max_depth) + ")");
    }
    const Value new_dot = node.pipe ? evalPipeline(dot, *node.pipe) : Value();
    ++budget_.depth;
    struct DepthGuard {
      Budget& budget;
      ~DepthGuard() { --budget.depth; }
    } guard{budget_};
    State inner(templates_, *tree, out_, budget_, new_dot);
    inner.walk(new_dot, *tree->root);
  }

  // ---- pipelines and commands ----

  Value evalPipeline(const Value& dot, const PipeNode& pipe) {
    at(pipe);
    std::optional<Value> value;
    for (const auto& command : pipe.cmds) {
      Value result = evalCommand(dot, *command, value ? &*value : nullptr);
      // An interface{} result is replaced by what it holds; nil by no value.
      value = result.kind() == Kind::kNil ? Value() : result.unboxed();
    }
    for (const auto& variable : pipe.decl) {
      if (pipe.is_assign) {
        setVar(variable->ident[0], *value);
      } else {
        push(variable->ident[0], *value);
      }
    }
    return *value;
  }

  void notAFunction(Args args, const Value* final) const {
    if (args.size() > 1 || final != nullptr) {
      errorf("can't give argument to non-function " + args[0]->text());
    }
  }

  Value evalCommand(const Value& dot, const CommandNode& command, const Value* final) {
    const Node& first = *command.args[0];
    const Args args(command.args);
    switch (first.type) {
      case NodeType::kField:
        return evalFieldNode(dot, static_cast<const FieldNode&>(first), args.subspan(1), final);
      case NodeType::kChain:
        return evalChainNode(dot, static_cast<const ChainNode&>(first), args.subspan(1), final);
      case NodeType::kIdentifier:
        return evalFunction(dot, static_cast<const IdentifierNode&>(first), command,
                            args.subspan(1), final);
      case NodeType::kPipe:
        notAFunction(args, final);
        return evalPipeline(dot, static_cast<const PipeNode&>(first));
      case NodeType::kVariable:
        return evalVariableNode(dot, static_cast<const VariableNode&>(first), args.subspan(1),
                                final);
      default:
        break;
    }
    at(first);
    notAFunction(args, final);
    switch (first.type) {
      case NodeType::kBool:
        return Value::boolean(static_cast<const BoolNode&>(first).value);
      case NodeType::kDot:
        return dot;
      case NodeType::kNil:
        errorf("nil is not a command");
      case NodeType::kNumber:
        return idealConstant(static_cast<const NumberNode&>(first));
      case NodeType::kString:
        return Value::string(static_cast<const StringNode&>(first).value);
      default:
        errorf("can't evaluate command " + goQuote(first.text()));
    }
  }

  Value idealConstant(const NumberNode& number) {
    at(number);
    const std::string& text = number.literal;
    const bool hex_int = text.size() > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X') &&
                         text.find_first_of("pP") == std::string::npos;
    const bool rune_int = !text.empty() && text[0] == '\'';
    if (number.is_complex) errorf("complex numbers are not supported: " + text);
    if (number.is_float && !hex_int && !rune_int &&
        text.find_first_of(".eEpP") != std::string::npos) {
      return Value::number(number.float_value);
    }
    if (number.is_int) return Value::integer(number.int_value);
    if (number.is_uint) errorf(text + " overflows int");
    return {};
  }

  // ---- fields ----

  Value evalFieldNode(const Value& dot, const FieldNode& field, Args args, const Value* final) {
    at(field);
    return evalFieldChain(dot, dot, field, field.ident, args, final);
  }

  Value evalChainNode(const Value& dot, const ChainNode& chain, Args args, const Value* final) {
    at(chain);
    if (chain.node->type == NodeType::kNil)
      errorf("indirection through explicit nil in " + chain.text());
    const Value receiver = evalUntypedArg(dot, *chain.node);
    return evalFieldChain(dot, receiver, chain, chain.field, args, final);
  }

  Value evalVariableNode(const Value& dot, const VariableNode& variable, Args args,
                         const Value* final) {
    at(variable);
    Value value = varValue(variable.ident[0]);
    if (variable.ident.size() == 1) {
      if (!args.empty() || final != nullptr) {
        errorf("can't give argument to non-function " + variable.text());
      }
      return value;
    }
    return evalFieldChain(dot, value, variable,
                          std::span<const std::string>(variable.ident).subspan(1), args, final);
  }

  Value evalFieldChain(const Value& dot, Value receiver, const Node& node,
                       std::span<const std::string> idents, Args args, const Value* final) {
    for (std::size_t i = 0; i + 1 < idents.size(); ++i) {
      receiver = evalField(dot, idents[i], node, {}, nullptr, receiver);
    }
    return evalField(dot, idents.back(), node, args, final, receiver);
  }

  Value evalField(const Value& dot, const std::string& name, const Node& node, Args args,
                  const Value* final, const Value& receiver) {
    if (receiver.isInvalid()) {
      if (templates_.missingKey() == MissingKey::kError) {
        errorf("nil data; no entry for key " + goQuote(name));
      }
      return {};
    }
    const std::string type =
        receiver.boxed() || receiver.kind() == Kind::kNil ? "interface {}" : receiver.typeName();
    if (receiver.kind() == Kind::kNil) errorf("nil pointer evaluating " + type + "." + name);
    const bool has_args = !args.empty() || final != nullptr;
    // Methods of named slice and map types come before map keys, as in Go.
    const MethodLookup* methods = receiver.kind() == Kind::kMap    ? &receiver.asMap().methods
                                  : receiver.kind() == Kind::kList ? &receiver.asList().methods
                                                                   : nullptr;
    if (methods != nullptr && *methods) {
      if (const auto method = (*methods)(receiver.unboxed(), name)) {
        return evalCall(dot, *method, false, node, name, args, final);
      }
    }
    if (receiver.kind() == Kind::kObject) {
      const Object& object = receiver.asObject();
      if (const auto method = object.method(name)) {
        return evalCall(dot, *method, false, node, name, args, final);
      }
      if (auto value = object.field(name)) {
        if (has_args) errorf(name + " has arguments but cannot be invoked as function");
        return *value;
      }
    } else if (receiver.kind() == Kind::kMap) {
      if (has_args) errorf(name + " is not a method but has arguments");
      const MapData& map = receiver.asMap();
      const auto found = map.entries.find(name);
      if (found != map.entries.end()) {
        return map.elem == ElemType::kInterface ? found->second.asBoxed() : found->second;
      }
      switch (templates_.missingKey()) {
        case MissingKey::kDefault:
          return {};
        case MissingKey::kZero:
          if (map.elem == ElemType::kString) return Value::string("");
          if (map.elem == ElemType::kInt) return Value::integer(0);
          return Value::nil();
        case MissingKey::kError:
          errorf("map has no entry for key " + goQuote(name));
      }
    }
    errorf("can't evaluate field " + name + " in type " + type);
  }

  // ---- functions ----

  Value evalFunction(const Value& dot, const IdentifierNode& identifier, const Node& command,
                     Args args, const Value* final) {
    at(identifier);
    const Function* function = templates_.function(identifier.ident);
    if (function == nullptr) errorf(goQuote(identifier.ident) + " is not a defined function");
    const auto builtin = builtinFunctions().find(identifier.ident);
    const bool is_builtin = builtin != builtinFunctions().end() && &builtin->second == function;
    return evalCall(dot, *function, is_builtin, command, identifier.ident, args, final);
  }

  Value evalCall(const Value& dot, const Function& function, bool is_builtin, const Node& node,
                 const std::string& name, Args args, const Value* final) {
    const std::size_t num_in = args.size() + (final != nullptr ? 1 : 0);
    const std::size_t declared = function.params.size();
    std::size_t num_fixed = args.size();
    if (function.variadic) {
      num_fixed = declared - 1;
      if (num_in < num_fixed) {
        errorf("wrong number of args for " + name + ": want at least " +
               std::to_string(declared - 1) + " got " + std::to_string(args.size()));
      }
    } else if (num_in != declared) {
      errorf("wrong number of args for " + name + ": want " + std::to_string(declared) + " got " +
             std::to_string(num_in));
    }
    if (is_builtin && isLazyBuiltin(name)) {
      const bool is_or = name == "or";
      Value value;
      for (const auto& arg : args) {
        value = evalArg(dot, Param::kValue, *arg);
        if (value.truthy() == is_or) return value;
      }
      if (final != nullptr) value = *final;
      return value;
    }
    std::vector<Value> argv;
    argv.reserve(num_in);
    std::size_t i = 0;
    for (; i < num_fixed && i < args.size(); ++i)
      argv.push_back(evalArg(dot, function.params[i], *args[i]));
    if (function.variadic) {
      for (; i < args.size(); ++i) argv.push_back(evalArg(dot, function.params.back(), *args[i]));
    }
    if (final != nullptr) {
      Param param = function.params.back();
      if (function.variadic && num_in - 1 < num_fixed) param = function.params[num_in - 1];
      argv.push_back(validateType(*final, param));
    }
    CallContext context{templates_, budget_};
    try {
      return function.body(context, argv);
    } catch (const FunctionError& error) {
      callFailed(node, name, error.what());
    } catch (const ExecError& error) {
      callFailed(node, name, error.message());
    } catch (const Error& error) {
      callFailed(node, name, error.message());
    } catch (const std::exception& error) {
      callFailed(node, name, error.what());
    }
  }

  [[noreturn]] void callFailed(const Node& node, const std::string& name,
                               const std::string& message) {
    at(node);
    errorf("error calling " + name + ": " + message, name, message);
  }

  Value validateType(const Value& value, Param param) {
    if (value.isInvalid()) {
      if (canBeNil(param)) return zeroOf(param);
      errorf("invalid value; expected " + std::string(paramTypeName(param)));
    }
    if (param == Param::kValue) return value;
    if (assignable(value, param)) return value.unboxed();
    const std::string got = value.kind() == Kind::kNil ? "interface {}" : value.typeName();
    errorf("wrong type for value; expected " + std::string(paramTypeName(param)) + "; got " + got);
  }

  // An argument with no declared type (the receiver of a chain).
  Value evalUntypedArg(const Value& dot, const Node& node) {
    at(node);
    switch (node.type) {
      case NodeType::kPipe:
        return evalPipeline(dot, static_cast<const PipeNode&>(node));
      case NodeType::kIdentifier:
        return evalFunction(dot, static_cast<const IdentifierNode&>(node), node, {}, nullptr);
      case NodeType::kChain:
        return evalChainNode(dot, static_cast<const ChainNode&>(node), {}, nullptr);
      default:
        return evalArg(dot, Param::kValue, node);
    }
  }

  Value evalArg(const Value& dot, Param param, const Node& node) {
    at(node);
    switch (node.type) {
      case NodeType::kDot:
        return validateType(dot, param);
      case NodeType::kNil:
        if (canBeNil(param)) return zeroOf(param);
        errorf("cannot assign nil to " + std::string(paramTypeName(param)));
      case NodeType::kField:
        return validateType(evalFieldNode(dot, static_cast<const FieldNode&>(node), {}, nullptr),
                            param);
      case NodeType::kVariable:
        return validateType(
            evalVariableNode(dot, static_cast<const VariableNode&>(node), {}, nullptr), param);
      case NodeType::kPipe:
        return validateType(evalPipeline(dot, static_cast<const PipeNode&>(node)), param);
      case NodeType::kIdentifier:
        return validateType(
            evalFunction(dot, static_cast<const IdentifierNode&>(node), node, {}, nullptr), param);
      case NodeType::kChain:
        return validateType(evalChainNode(dot, static_cast<const ChainNode&>(node), {}, nullptr),
                            param);
      default:
        break;
    }
    switch (param) {
      case Param::kBool:
        if (node.type == NodeType::kBool)
          return Value::boolean(static_cast<const BoolNode&>(node).value);
        errorf("expected bool; found " + node.text());
      case Param::kFloat64:
        if (node.type == NodeType::kNumber && static_cast<const NumberNode&>(node).is_float) {
          return Value::number(static_cast<const NumberNode&>(node).float_value);
        }
        errorf("expected float; found " + node.text());
      case Param::kInt:
      case Param::kInt64:
        if (node.type == NodeType::kNumber && static_cast<const NumberNode&>(node).is_int) {
          return Value::integer(static_cast<const NumberNode&>(node).int_value,
                                param == Param::kInt ? IntType::kInt : IntType::kInt64);
        }
        errorf("expected integer; found " + node.text());
      case Param::kAny:
      case Param::kValue:
        return evalEmptyInterface(node);
      case Param::kString:
        if (node.type == NodeType::kString)
          return Value::string(static_cast<const StringNode&>(node).value);
        errorf("expected string; found " + node.text());
      default:
        errorf("can't handle " + node.text() + " for arg of type " +
               std::string(paramTypeName(param)));
    }
  }

  // A literal passed as interface{}.
  Value evalEmptyInterface(const Node& node) {
    at(node);
    switch (node.type) {
      case NodeType::kBool:
        return Value::boolean(static_cast<const BoolNode&>(node).value);
      case NodeType::kNumber:
        return idealConstant(static_cast<const NumberNode&>(node));
      case NodeType::kString:
        return Value::string(static_cast<const StringNode&>(node).value);
      default:
        errorf("can't handle assignment of " + node.text() + " to empty interface argument");
    }
  }

  void printValue(const Node& node, const Value& value) {
    at(node);
    if (value.isNil()) {
      write("<no value>");
      return;
    }
    if (value.kind() == Kind::kFunction) {
      errorf("can't print " + node.text() + " of type " + value.typeName());
    }
    write(value.kind() == Kind::kObject ? value.asObject().printedText() : formatValue(value));
  }

  const Templates& templates_;
  const Tree& tree_;
  std::string& out_;
  Budget& budget_;
  std::vector<Variable> vars_;
  const Node* node_ = nullptr;
};

}  // namespace

bool isLazyBuiltin(std::string_view name) {
  return name == "and" || name == "or";
}

void executeTree(const Templates& templates, const Tree& tree, const Value& data, std::string& out,
                 Budget& budget) {
  State state(templates, tree, out, budget, data);
  state.walk(data, *tree.root);
}

}  // namespace meshery::gotmpl::detail
