#include "nodes.hpp"

#include <cctype>

#include "go_text.hpp"

namespace meshery::gotmpl::detail {

void TextNode::writeTo(std::string& out) const {
  out += text;
}

void ListNode::writeTo(std::string& out) const {
  for (const auto& node : nodes) node->writeTo(out);
}

void VariableNode::writeTo(std::string& out) const {
  for (std::size_t i = 0; i < ident.size(); ++i) {
    if (i > 0) out += '.';
    out += ident[i];
  }
}

void CommandNode::writeTo(std::string& out) const {
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0) out += ' ';
    if (args[i]->type == NodeType::kPipe) {
      out += '(';
      args[i]->writeTo(out);
      out += ')';
      continue;
    }
    args[i]->writeTo(out);
  }
}

void PipeNode::writeTo(std::string& out) const {
  if (!decl.empty()) {
    for (std::size_t i = 0; i < decl.size(); ++i) {
      if (i > 0) out += ", ";
      decl[i]->writeTo(out);
    }
    out += " := ";
  }
  for (std::size_t i = 0; i < cmds.size(); ++i) {
    if (i > 0) out += " | ";
    cmds[i]->writeTo(out);
  }
}

void ActionNode::writeTo(std::string& out) const {
  out += "{{";
  pipe->writeTo(out);
  out += "}}";
}

void FieldNode::writeTo(std::string& out) const {
  for (const auto& name : ident) {
    out += '.';
    out += name;
  }
}

void ChainNode::writeTo(std::string& out) const {
  if (node->type == NodeType::kPipe) {
    out += '(';
    node->writeTo(out);
    out += ')';
  } else {
    node->writeTo(out);
  }
  for (const auto& name : field) {
    out += '.';
    out += name;
  }
}

void BranchNode::writeTo(std::string& out) const {
  out += "{{";
  out += type == NodeType::kIf ? "if" : type == NodeType::kRange ? "range" : "with";
  out += ' ';
  pipe->writeTo(out);
  out += "}}";
  list->writeTo(out);
  if (else_list) {
    out += "{{else}}";
    else_list->writeTo(out);
  }
  out += "{{end}}";
}

void TemplateNode::writeTo(std::string& out) const {
  out += "{{template ";
  out += goQuote(name);
  if (pipe) {
    out += ' ';
    pipe->writeTo(out);
  }
  out += "}}";
}

bool isEmptyTree(const Node* node) {
  if (node == nullptr) return true;
  switch (node->type) {
    case NodeType::kComment:
      return true;
    case NodeType::kList:
      for (const auto& child : static_cast<const ListNode*>(node)->nodes) {
        if (!isEmptyTree(child.get())) return false;
      }
      return true;
    case NodeType::kText: {
      const std::string& text = static_cast<const TextNode*>(node)->text;
      for (const char c : text) {
        if (std::isspace(static_cast<unsigned char>(c)) == 0) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

}  // namespace meshery::gotmpl::detail
