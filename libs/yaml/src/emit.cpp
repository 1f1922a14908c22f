#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"
#include "parse_error.hpp"
#include "scalar_style.hpp"
#include "text_encoding.hpp"

namespace meshery::yaml {
namespace {

// libyaml (and so go-yaml) writes longer keys in the explicit "? key" form.
constexpr std::size_t kMaxSimpleKeyLength = 128;

bool isBlockCollection(const nlohmann::json& value) {
  return value.is_structured() && !value.empty();
}

// Printable ASCII only (no tab, line break or control character): valid
// UTF-8 that needs no escape, so the style follows from the text alone.
bool isPlainAscii(std::string_view text) {
  for (const char c : text) {
    if (c < 0x20 || c > 0x7E) return false;
  }
  return true;
}

void appendStringScalar(std::string& out, std::string_view raw, std::size_t indent, bool is_key) {
  std::string repaired;
  std::string_view text = raw;
  const bool ascii = !raw.empty() && isPlainAscii(raw);
  if (!ascii && !raw.empty()) {
    repaired = detail::toValidUtf8(raw);
    text = repaired;
  }
  const detail::ScalarStyle style =
      ascii ? detail::choosePrintableAsciiStyle(text) : detail::chooseStringStyle(text, is_key);
  switch (style) {
    case detail::ScalarStyle::kPlain:
      out.append(text);
      return;
    case detail::ScalarStyle::kSingleQuoted:
      out += detail::singleQuoted(text);
      return;
    case detail::ScalarStyle::kDoubleQuoted:
      out += detail::doubleQuoted(text);
      return;
    case detail::ScalarStyle::kLiteral:
      out += detail::literalBlock(text, indent);
      return;
  }
}

// A scalar or empty collection; block scalars put their lines at `indent`.
void appendScalar(std::string& out, const nlohmann::json& value, std::size_t indent,
                  const std::function<std::string(double)>& format_float = {}) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      out += "null";
      return;
    case nlohmann::json::value_t::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case nlohmann::json::value_t::number_integer:
      out += std::to_string(value.get<std::int64_t>());
      return;
    case nlohmann::json::value_t::number_unsigned:
      out += std::to_string(value.get<std::uint64_t>());
      return;
    case nlohmann::json::value_t::number_float:
      out += format_float ? format_float(value.get<double>())
                          : detail::formatFloat(value.get<double>());
      return;
    case nlohmann::json::value_t::string:
      appendStringScalar(out, value.get_ref<const std::string&>(), indent, false);
      return;
    case nlohmann::json::value_t::object:
      out += "{}";
      return;
    case nlohmann::json::value_t::array:
      out += "[]";
      return;
    case nlohmann::json::value_t::binary:
    case nlohmann::json::value_t::discarded:
      break;
  }
  throw Error(ErrorCode::kInvalidArgument, "binary JSON values cannot be written as YAML",
              "The document holds a nlohmann::json binary value, which has no JSON text form.",
              "Encode the bytes as a base64 string first.");
}

// Writes block YAML in go-yaml's layout: two-space indentation, sequences
// compact under their key ("key:\n- a"), maps inside sequences inline
// ("- name: x").
/// go-yaml's keyList.Less: letters before digits only after a shared digit,
/// runs of digits compared by value.
bool naturalLess(const std::string& a, const std::string& b) {
  const auto isDigit = [](char c) { return c >= '0' && c <= '9'; };
  const auto isLetter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           static_cast<unsigned char>(c) >= 0x80;
  };
  bool digits = false;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) {
      digits = isDigit(a[i]);
      continue;
    }
    const bool al = isLetter(a[i]);
    const bool bl = isLetter(b[i]);
    if (al && bl) return a[i] < b[i];
    if (al || bl) return digits ? al : bl;
    std::int64_t an = 0;
    std::int64_t bn = 0;
    if (a[i] == '0' || b[i] == '0') {
      for (std::size_t j = i; j-- > 0 && isDigit(a[j]);) {
        if (a[j] != '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    std::size_t ai = i;
    std::size_t bi = i;
    for (; ai < a.size() && isDigit(a[ai]); ++ai) an = an * 10 + (a[ai] - '0');
    for (; bi < b.size() && isDigit(b[bi]); ++bi) bn = bn * 10 + (b[bi] - '0');
    if (an != bn) return an < bn;
    if (ai != bi) return ai < bi;
    return a[i] < b[i];
  }
  return a.size() < b.size();
}

class BlockWriter {
 public:
  explicit BlockWriter(const EmitOptions& options) : options_(options) {}

  std::string write(const nlohmann::json& value) {
    if (isBlock(value, 1)) {
      node(value, 0, 1);
    } else {
      appendScalar(out_, value, 2, options_.format_float);
      out_ += '\n';
    }
    return std::move(out_);
  }

 private:
  // The cursor stands at column `indent`, where the collection starts.
  void node(const nlohmann::json& value, std::size_t indent, std::size_t depth) {
    if (depth > detail::kMaxNestingDepth) {
      throw Error(ErrorCode::kInvalidArgument,
                  "the document nests deeper than " + std::to_string(detail::kMaxNestingDepth) +
                      " levels and would not read back",
                  "YAML output is limited to the nesting the parser accepts.",
                  "Flatten the document.");
    }
    if (value.is_object()) {
      mapping(value, indent, depth);
    } else {
      sequence(value, indent, depth);
    }
  }

  // The shared members of a map at node depth `depth` (the document's is 1).
  const nlohmann::json* sharedOf(const nlohmann::json& map, std::size_t depth) const {
    if (!options_.shared_members) return nullptr;
    const nlohmann::json* shared = options_.shared_members(map, depth - 1);
    return shared != nullptr && shared->is_object() && !shared->empty() ? shared : nullptr;
  }

  // A collection written as a block: not empty, or a map given shared members.
  bool isBlock(const nlohmann::json& value, std::size_t depth) const {
    if (isBlockCollection(value)) return true;
    return value.is_object() && sharedOf(value, depth) != nullptr;
  }

  // An entry either of the map itself or shared (already emitted: `text`).
  struct Entry {
    const std::string* key;
    const nlohmann::json* value;
    const std::string* text;
  };

  void mapping(const nlohmann::json& object, std::size_t indent, std::size_t depth) {
    const nlohmann::json* shared = sharedOf(object, depth);
    std::vector<Entry> entries;
    entries.reserve(object.size() + (shared != nullptr ? shared->size() : 0));
    if (shared == nullptr) {
      for (auto it = object.begin(); it != object.end(); ++it) entries.push_back({&it.key(), &*it, nullptr});
    } else {
      mergeShared(object, *shared, indent, depth, entries);
    }
    if (options_.natural_key_order) {
      std::stable_sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        return naturalLess(*a.key, *b.key);
      });
    }
    bool first = true;
    for (const Entry& item : entries) {
      if (!first) out_.append(indent, ' ');
      first = false;
      if (item.text != nullptr) {
        out_ += *item.text;
      } else {
        entry(*item.key, *item.value, indent, depth);
      }
    }
  }

  // The map's own entries and the shared ones it lacks, in key order.
  void mergeShared(const nlohmann::json& object, const nlohmann::json& shared, std::size_t indent,
                   std::size_t depth, std::vector<Entry>& entries) {
    const std::vector<std::string>& texts = sharedTexts(shared, indent, depth);
    auto mine = object.begin();
    auto theirs = shared.begin();
    std::size_t index = 0;
    while (mine != object.end() || theirs != shared.end()) {
      if (theirs == shared.end() || (mine != object.end() && mine.key() <= theirs.key())) {
        if (theirs != shared.end() && mine.key() == theirs.key()) {
          ++theirs;  // the map's own entry wins
          ++index;
        }
        entries.push_back({&mine.key(), &*mine, nullptr});
        ++mine;
        continue;
      }
      entries.push_back({&theirs.key(), &*theirs, &texts[index]});
      ++theirs;
      ++index;
    }
  }

  // Each shared entry as entry() writes it at `indent`, emitted once.
  const std::vector<std::string>& sharedTexts(const nlohmann::json& shared, std::size_t indent,
                                              std::size_t depth) {
    auto [slot, added] = shared_texts_.try_emplace({&shared, indent, depth});
    if (!added) return slot->second;
    std::string kept;
    kept.swap(out_);
    for (auto it = shared.begin(); it != shared.end(); ++it) {
      entry(it.key(), *it, indent, depth);
      slot->second.push_back(std::exchange(out_, {}));
    }
    out_.swap(kept);
    return slot->second;
  }

  // "key: value" with the cursor after the entry's indentation.
  void entry(const std::string& key, const nlohmann::json& value, std::size_t indent,
             std::size_t depth) {
    if (key.size() > kMaxSimpleKeyLength) {
      out_ += "? ";
      appendStringScalar(out_, key, indent, true);
      out_ += '\n';
      out_.append(indent, ' ');
      out_ += ':';
      inlineValue(value, indent + 2, depth);
      return;
    }
    appendStringScalar(out_, key, indent, true);
    out_ += ':';
    if (value.is_object() && isBlock(value, depth + 1)) {
      out_ += '\n';
      out_.append(indent + 2, ' ');
      node(value, indent + 2, depth + 1);
    } else if (value.is_array() && !value.empty()) {
      const std::size_t items = options_.indent_sequences ? indent + 2 : indent;
      out_ += '\n';
      out_.append(items, ' ');
      node(value, items, depth + 1);
    } else {
      out_ += ' ';
      appendScalar(out_, value, indent + 2, options_.format_float);
      out_ += '\n';
    }
  }

  void sequence(const nlohmann::json& array, std::size_t indent, std::size_t depth) {
    bool first = true;
    for (const auto& item : array) {
      if (!first) out_.append(indent, ' ');
      first = false;
      out_ += '-';
      inlineValue(item, indent + 2, depth);
    }
  }

  // After "-" or ":" of an explicit key: the value starts on the same line.
  void inlineValue(const nlohmann::json& value, std::size_t indent, std::size_t depth) {
    out_ += ' ';
    if (isBlock(value, depth + 1)) {
      node(value, indent, depth + 1);
    } else {
      appendScalar(out_, value, indent, options_.format_float);
      out_ += '\n';
    }
  }

  const EmitOptions& options_;
  std::string out_;
  std::map<std::tuple<const nlohmann::json*, std::size_t, std::size_t>, std::vector<std::string>>
      shared_texts_;
};

}  // namespace

std::string emit(const nlohmann::json& value) {
  return BlockWriter(EmitOptions{}).write(value);
}

std::string emit(const nlohmann::json& value, const EmitOptions& options) {
  return BlockWriter(options).write(value);
}

}  // namespace meshery::yaml
