#include "meshery/gotmpl/templates.hpp"

#include "exec.hpp"
#include "go_text.hpp"
#include "parser.hpp"

namespace meshery::gotmpl {

ExecError::ExecError(std::string message, std::string template_name, std::string location,
                     std::string function, std::string function_message)
    : Error(ErrorCode::kInvalidArgument, std::move(message),
            "A template failed while it was executed.",
            "Fix the template or the values it reads at the place the message names."),
      template_name_(std::move(template_name)),
      location_(std::move(location)),
      function_(std::move(function)),
      function_message_(std::move(function_message)) {}

std::string_view paramTypeName(Param param) {
  switch (param) {
    case Param::kValue:
      return "reflect.Value";
    case Param::kAny:
      return "interface {}";
    case Param::kString:
      return "string";
    case Param::kInt:
      return "int";
    case Param::kInt64:
      return "int64";
    case Param::kFloat64:
      return "float64";
    case Param::kBool:
      return "bool";
    case Param::kList:
      return "[]interface {}";
    case Param::kStringList:
      return "[]string";
    case Param::kMap:
      return "map[string]interface {}";
  }
  return "interface {}";
}

Templates::Templates(FunctionMap functions)
    : shared_functions_(std::make_shared<const FunctionMap>(std::move(functions))) {}
Templates::Templates(const Templates& other) = default;
Templates& Templates::operator=(const Templates& other) = default;
Templates::Templates(Templates&&) noexcept = default;
Templates& Templates::operator=(Templates&&) noexcept = default;
Templates::~Templates() = default;

void Templates::addFunctions(const FunctionMap& functions) {
  for (const auto& [name, function] : functions) added_functions_[name] = function;
}

void Templates::setDelimiters(std::string left, std::string right) {
  left_delimiter_ = left.empty() ? "{{" : std::move(left);
  right_delimiter_ = right.empty() ? "}}" : std::move(right);
}

void Templates::parse(std::string_view name, std::string_view text) {
  detail::ParseOptions options{
      left_delimiter_, right_delimiter_,
      [this](std::string_view function_name) { return function(function_name) != nullptr; }};
  detail::TreeSet parsed = detail::parseTemplate(name, text, options);
  for (auto& [tree_name, tree] : parsed) {
    const auto existing = trees_.find(tree_name);
    // An empty definition never replaces one with a body (Go's associate).
    if (existing != trees_.end() && detail::isEmptyTree(tree->root.get())) continue;
    trees_[tree_name] = std::move(tree);
  }
}

bool Templates::defined(std::string_view name) const {
  return trees_.contains(name);
}

std::vector<std::string> Templates::names() const {
  std::vector<std::string> names;
  names.reserve(trees_.size());
  for (const auto& [name, tree] : trees_) names.push_back(name);
  return names;
}

const Function* Templates::function(std::string_view name) const {
  if (const auto found = added_functions_.find(name); found != added_functions_.end()) {
    return &found->second;
  }
  if (shared_functions_) {
    if (const auto found = shared_functions_->find(name); found != shared_functions_->end()) {
      return &found->second;
    }
  }
  const FunctionMap& builtins = detail::builtinFunctions();
  if (const auto found = builtins.find(name); found != builtins.end()) return &found->second;
  return nullptr;
}

const detail::Tree* Templates::tree(std::string_view name) const {
  const auto found = trees_.find(name);
  return found == trees_.end() ? nullptr : found->second.get();
}

std::string Templates::execute(std::string_view name, const Value& data,
                               const Limits& limits) const {
  Budget budget{limits};
  std::string out;
  execute(name, data, out, budget);
  return out;
}

void Templates::execute(std::string_view name, const Value& data, std::string& out,
                        Budget& budget) const {
  const detail::Tree* found = tree(name);
  if (found == nullptr) {
    throw Error(ErrorCode::kNotFound,
                "template: no template " + detail::goQuote(name) + " associated with template " +
                    detail::goQuote(name_),
                "No template of that name was parsed into the set.",
                "Check the name, or define the template with {{define \"NAME\"}}.");
  }
  if (budget.depth >= budget.limits.max_depth) {
    throw ExecError("template: " + std::string(name) + ": exceeded maximum template depth (" +
                        std::to_string(budget.limits.max_depth) + ")",
                    std::string(name), "");
  }
  ++budget.depth;
  struct DepthGuard {
    Budget& budget;
    ~DepthGuard() { --budget.depth; }
  } guard{budget};
  detail::executeTree(*this, *found, data, out, budget);
}

}  // namespace meshery::gotmpl
