// Sprig's semver and semverCompare over Masterminds/semver v3 rules: loose
// versions ("v1.2", "1"), prereleases, and constraints with =, !=, <, <=,
// >, >=, ~, ~>, ^, x-ranges, hyphen ranges, "," and "||".

#include <re2/re2.h>

#include <charconv>
#include <map>
#include <memory>
#include <mutex>

#include "meshery/gotmpl/format.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

constexpr std::string_view kVersionPattern =
    R"(v?([0-9]+)(\.[0-9]+)?(\.[0-9]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)";
constexpr std::string_view kLooseVersionPattern =
    R"(v?([0-9|x|X|\*]+)(\.[0-9|x|X|\*]+)?(\.[0-9|x|X|\*]+)?(-([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?(\+([0-9A-Za-z\-]+(\.[0-9A-Za-z\-]+)*))?)";
constexpr std::string_view kOperators = R"(=||!=|>|<|>=|=>|<=|=<|~|~>|\^)";

const RE2& regex(const std::string& pattern) {
  static std::map<std::string, std::unique_ptr<RE2>> cache;
  static std::mutex mutex;
  const std::lock_guard lock(mutex);
  auto& slot = cache[pattern];
  if (!slot) slot = std::make_unique<RE2>(pattern);
  return *slot;
}

struct Version {
  std::uint64_t major = 0;
  std::uint64_t minor = 0;
  std::uint64_t patch = 0;
  std::string pre;
  std::string metadata;
  std::string original;

  [[nodiscard]] std::string text() const {
    std::string out =
        std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
    if (!pre.empty()) out += "-" + pre;
    if (!metadata.empty()) out += "+" + metadata;
    return out;
  }
};

bool only(std::string_view s, std::string_view allowed) {
  return s.find_first_not_of(allowed) == std::string_view::npos;
}

constexpr std::string_view kDigits = "0123456789";
constexpr std::string_view kAllowed =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-0123456789";

std::vector<std::string_view> splitDots(std::string_view s) {
  std::vector<std::string_view> parts;
  for (std::size_t at = 0;;) {
    const std::size_t dot = s.find('.', at);
    parts.push_back(
        s.substr(at, dot == std::string_view::npos ? std::string_view::npos : dot - at));
    if (dot == std::string_view::npos) return parts;
    at = dot + 1;
  }
}

std::uint64_t segment(std::string_view text) {
  std::uint64_t value = 0;
  const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
  if (result.ec != std::errc()) {
    throw FunctionError("Error parsing version segment: strconv.ParseUint: parsing \"" +
                        std::string(text) + "\": value out of range");
  }
  return value;
}

Version parseVersion(const std::string& text) {
  std::string m[10];
  re2::StringPiece groups[10];
  if (!regex("^" + std::string(kVersionPattern) + "$")
           .Match(text, 0, text.size(), RE2::UNANCHORED, groups, 10)) {
    throw FunctionError("Invalid Semantic Version");
  }
  for (int i = 0; i < 10; ++i) m[i] = groups[i].data() == nullptr ? "" : std::string(groups[i]);
  Version v;
  v.original = text;
  v.pre = m[5];
  v.metadata = m[8];
  v.major = segment(m[1]);
  if (!m[2].empty()) v.minor = segment(std::string_view(m[2]).substr(1));
  if (!m[3].empty()) v.patch = segment(std::string_view(m[3]).substr(1));
  if (!v.pre.empty()) {
    for (const auto part : splitDots(v.pre)) {
      if (only(part, kDigits)) {
        if (part.size() > 1 && part[0] == '0') throw FunctionError("Version segment starts with 0");
      } else if (!only(part, kAllowed)) {
        throw FunctionError("Invalid Prerelease string");
      }
    }
  }
  for (const auto part : splitDots(v.metadata)) {
    if (!v.metadata.empty() && !only(part, kAllowed))
      throw FunctionError("Invalid Metadata string");
  }
  return v;
}

int comparePart(std::string_view s, std::string_view o) {
  if (s == o) return 0;
  if (s.empty()) return o.empty() ? 1 : -1;
  if (o.empty()) return 1;
  std::uint64_t si = 0;
  std::uint64_t oi = 0;
  const bool s_number = !s.empty() && only(s, kDigits) &&
                        std::from_chars(s.data(), s.data() + s.size(), si).ec == std::errc();
  const bool o_number = !o.empty() && only(o, kDigits) &&
                        std::from_chars(o.data(), o.data() + o.size(), oi).ec == std::errc();
  if (!s_number && !o_number) return s > o ? 1 : -1;
  if (!o_number) return -1;
  if (!s_number) return 1;
  return si > oi ? 1 : -1;
}

int comparePrerelease(std::string_view v, std::string_view o) {
  const auto sparts = splitDots(v);
  const auto oparts = splitDots(o);
  for (std::size_t i = 0; i < std::max(sparts.size(), oparts.size()); ++i) {
    const int d =
        comparePart(i < sparts.size() ? sparts[i] : "", i < oparts.size() ? oparts[i] : "");
    if (d != 0) return d;
  }
  return 0;
}

int compare(const Version& a, const Version& b) {
  if (a.major != b.major) return a.major > b.major ? 1 : -1;
  if (a.minor != b.minor) return a.minor > b.minor ? 1 : -1;
  if (a.patch != b.patch) return a.patch > b.patch ? 1 : -1;
  if (a.pre.empty() && b.pre.empty()) return 0;
  if (a.pre.empty()) return 1;
  if (b.pre.empty()) return -1;
  return comparePrerelease(a.pre, b.pre);
}

struct Constraint {
  Version con;
  std::string op;
  bool dirty = false;
  bool minor_dirty = false;
  bool patch_dirty = false;
};

bool isX(std::string_view s) {
  return s == "x" || s == "*" || s == "X";
}

Constraint parseConstraint(const std::string& text) {
  Constraint c;
  if (text.empty()) {
    c.dirty = true;
    return c;
  }
  const std::string pattern =
      "^\\s*(" + std::string(kOperators) + ")\\s*(" + std::string(kLooseVersionPattern) + ")\\s*$";
  re2::StringPiece groups[12];
  if (!regex(pattern).Match(text, 0, text.size(), RE2::UNANCHORED, groups, 12)) {
    throw FunctionError("improper constraint: " + text);
  }
  std::string m[12];
  for (int i = 0; i < 12; ++i) m[i] = groups[i].data() == nullptr ? "" : std::string(groups[i]);
  c.op = m[1];
  std::string version = m[2];
  const auto trim = [](const std::string& s) { return s.empty() ? s : s.substr(1); };
  if (isX(m[3]) || m[3].empty()) {
    version = "0.0.0" + m[6];
    c.dirty = true;
  } else if (isX(trim(m[4])) || m[4].empty()) {
    c.minor_dirty = c.dirty = true;
    version = m[3] + ".0.0" + m[6];
  } else if (isX(trim(m[5])) || m[5].empty()) {
    c.dirty = c.patch_dirty = true;
    version = m[3] + m[4] + ".0" + m[6];
  }
  try {
    c.con = parseVersion(version);
  } catch (const FunctionError&) {
    throw FunctionError("constraint Parser Error");
  }
  return c;
}

bool tilde(const Version& v, const Constraint& c) {
  if (!v.pre.empty() && c.con.pre.empty()) return false;
  if (compare(v, c.con) < 0) return false;
  if (c.con.major == 0 && c.con.minor == 0 && c.con.patch == 0 && !c.minor_dirty && !c.patch_dirty)
    return true;
  if (v.major != c.con.major) return false;
  return !(v.minor != c.con.minor && !c.minor_dirty);
}

bool check(const Version& v, const Constraint& c) {
  const bool excluded_prerelease = !v.pre.empty() && c.con.pre.empty();
  const std::string& op = c.op;
  if (op.empty() || op == "=") {
    if (excluded_prerelease) return false;
    if (c.dirty) return tilde(v, c);
    return compare(v, c.con) == 0;
  }
  if (op == "!=") {
    if (c.dirty) {
      if (excluded_prerelease) return false;
      if (c.con.major != v.major) return true;
      if (c.con.minor != v.minor && !c.minor_dirty) return true;
      if (c.minor_dirty) return false;
      if (c.con.patch != v.patch && !c.patch_dirty) return true;
      if (c.patch_dirty) {
        if (!v.pre.empty() || !c.con.pre.empty()) return comparePrerelease(v.pre, c.con.pre) != 0;
        return false;
      }
    }
    return compare(v, c.con) != 0;
  }
  if (excluded_prerelease) return false;
  if (op == ">") {
    if (!c.dirty) return compare(v, c.con) == 1;
    if (v.major != c.con.major) return v.major > c.con.major;
    if (c.minor_dirty) return false;
    if (c.patch_dirty) return v.minor > c.con.minor;
    return compare(v, c.con) == 1;
  }
  if (op == "<") return compare(v, c.con) < 0;
  if (op == ">=" || op == "=>") return compare(v, c.con) >= 0;
  if (op == "<=" || op == "=<") {
    if (!c.dirty) return compare(v, c.con) <= 0;
    if (v.major > c.con.major) return false;
    return !(v.major == c.con.major && v.minor > c.con.minor && !c.minor_dirty);
  }
  if (op == "~" || op == "~>") return tilde(v, c);
  // "^"
  if (compare(v, c.con) < 0) return false;
  if (c.con.major > 0 || c.minor_dirty) return v.major == c.con.major;
  if (v.major > 0) return false;
  if (c.con.minor > 0 || c.patch_dirty) return v.minor == c.con.minor;
  if (v.minor > 0) return false;
  return c.con.patch == v.patch;
}

// "1.2 - 1.4" reads as ">= 1.2, <= 1.4".
std::string rewriteRange(std::string text) {
  const std::string loose(kLooseVersionPattern);
  const RE2& range = regex("\\s*(" + loose + ")\\s+-\\s+(" + loose + ")\\s*");
  re2::StringPiece groups[22];
  std::size_t at = 0;
  std::string out;
  const std::string input = text;
  while (at <= input.size() && range.Match(input, at, input.size(), RE2::UNANCHORED, groups, 22)) {
    const auto start = static_cast<std::size_t>(groups[0].data() - input.data());
    out += input.substr(at, start - at);
    out += ">= " + std::string(groups[1]) + ", <= " + std::string(groups[11]);
    at = start + groups[0].size();
    if (groups[0].empty()) ++at;
  }
  if (at < input.size()) out += input.substr(at);
  return out.empty() && at == 0 ? input : out;
}

using Alternatives = std::vector<std::vector<Constraint>>;

// Masterminds/semver's NewConstraint.
Alternatives parseConstraints(const std::string& constraint_text) {
  const std::string text = rewriteRange(constraint_text);
  const std::string ops(kOperators);
  const std::string loose(kLooseVersionPattern);
  const RE2& valid = regex("^(\\s*(" + ops + ")\\s*(" + loose + ")\\s*)((?:\\s+|,\\s*)(" + ops +
                           ")\\s*(" + loose + ")\\s*)*$");
  const RE2& find = regex("(" + ops + ")\\s*(" + loose + ")");
  std::vector<std::vector<Constraint>> alternatives;
  std::size_t at = 0;
  while (true) {
    const std::size_t bar = text.find("||", at);
    const std::string part =
        text.substr(at, bar == std::string::npos ? std::string::npos : bar - at);
    if (!RE2::FullMatch(part, valid)) throw FunctionError("improper constraint: " + part);
    std::vector<Constraint> all;
    re2::StringPiece match;
    std::size_t pos = 0;
    while (pos <= part.size() && find.Match(part, pos, part.size(), RE2::UNANCHORED, &match, 1)) {
      all.push_back(parseConstraint(std::string(match)));
      const auto end = static_cast<std::size_t>(match.data() - part.data()) + match.size();
      pos = match.empty() ? end + 1 : end;
    }
    if (all.empty()) all.push_back(parseConstraint(part));
    alternatives.push_back(std::move(all));
    if (bar == std::string::npos) break;
    at = bar + 2;
  }
  return alternatives;
}

bool satisfies(const Alternatives& alternatives, const Version& version) {
  for (const auto& all : alternatives) {
    bool ok = true;
    for (const auto& c : all) {
      if (!check(version, c)) {
        ok = false;
        break;
      }
    }
    if (ok) return true;
  }
  return false;
}

/// *semver.Version as templates see it.
class VersionObject : public Object {
 public:
  explicit VersionObject(Version version) : version_(std::move(version)) {}
  [[nodiscard]] std::string typeName() const override { return "*semver.Version"; }
  [[nodiscard]] std::optional<Value> field(std::string_view) const override { return std::nullopt; }
  [[nodiscard]] std::optional<Function> method(std::string_view name) const override {
    const Version v = version_;
    const auto constant = [](Value value) {
      return Function{{}, false, [value](CallContext&, std::vector<Value>&) { return value; }};
    };
    if (name == "Major") return constant(Value::unsignedInteger(v.major));
    if (name == "Minor") return constant(Value::unsignedInteger(v.minor));
    if (name == "Patch") return constant(Value::unsignedInteger(v.patch));
    if (name == "Prerelease") return constant(Value::string(v.pre));
    if (name == "Metadata") return constant(Value::string(v.metadata));
    if (name == "Original") return constant(Value::string(v.original));
    if (name == "String") return constant(Value::string(v.text()));
    if (name == "Compare" || name == "LessThan" || name == "GreaterThan" || name == "Equal") {
      const std::string method_name(name);
      return Function{{P::kAny}, false, [v, method_name](CallContext&, std::vector<Value>& args) {
                        const auto* other =
                            args[0].kind() == Kind::kObject
                                ? dynamic_cast<const VersionObject*>(&args[0].asObject())
                                : nullptr;
                        if (other == nullptr) throw FunctionError(kNilDereference);
                        const int order = compare(v, other->version_);
                        if (method_name == "Compare") return Value::integer(order);
                        if (method_name == "LessThan") return Value::boolean(order < 0);
                        if (method_name == "GreaterThan") return Value::boolean(order > 0);
                        return Value::boolean(order == 0);
                      }};
    }
    return std::nullopt;
  }
  [[nodiscard]] std::string text() const override { return version_.text(); }

 private:
  Version version_;
};

}  // namespace

bool satisfiesText(const std::string& constraint, const std::string& version) {
  try {
    return satisfies(parseConstraints(constraint), parseVersion(version));
  } catch (const FunctionError&) {
    return false;
  }
}

bool parsesAsSemver(const std::string& version) {
  try {
    parseVersion(version);
    return true;
  } catch (const FunctionError&) {
    return false;
  }
}

void addSemver(FunctionMap& f) {
  f["semver"] = fixed({P::kString}, [](CallContext&, Args& a) {
    return Value::object(std::make_shared<VersionObject>(parseVersion(a[0].asString())));
  });
  f["semverCompare"] = fixed({P::kString, P::kString}, [](CallContext&, Args& a) {
    // The constraint is read first: its errors come before the version's.
    const Alternatives constraints = parseConstraints(a[0].asString());
    return Value::boolean(satisfies(constraints, parseVersion(a[1].asString())));
  });
}

}  // namespace meshery::gotmpl::sprig

namespace meshery::gotmpl {

bool isSemver(const std::string& version) { return sprig::parsesAsSemver(version); }

bool semverSatisfies(const std::string& constraint, const std::string& version) {
  return sprig::satisfiesText(constraint, version);
}

}  // namespace meshery::gotmpl
