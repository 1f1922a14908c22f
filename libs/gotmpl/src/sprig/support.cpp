#include "support.hpp"

#include <cctype>
#include <cmath>
#include <limits>

#include "../go_number.hpp"
#include "meshery/gotmpl/format.hpp"

namespace meshery::gotmpl::sprig {
namespace {

// spf13/cast's trimZeroDecimal: "3.0" reads as "3", "3.5" stays.
std::string_view trimZeroDecimal(std::string_view s) {
  bool found_zero = false;
  for (std::size_t i = s.size(); i > 0; --i) {
    switch (s[i - 1]) {
      case '.':
        if (found_zero) return s.substr(0, i - 1);
        break;
      case '0':
        found_zero = true;
        break;
      default:
        return s;
    }
  }
  return s;
}

}  // namespace

std::string strval(const Value& value) {
  if (value.isString()) return value.asString();
  return formatValue(value);
}

std::int64_t truncateToInt64(double value) {
  constexpr double kLimit = 9223372036854775808.0;  // 2^63
  if (std::isnan(value) || value >= kLimit || value < -kLimit)
    return std::numeric_limits<std::int64_t>::min();
  return static_cast<std::int64_t>(value);
}

std::int64_t toInt64(const Value& value) {
  switch (value.kind()) {
    case Kind::kBool:
      return value.asBool() ? 1 : 0;
    case Kind::kInt:
      return value.asInt();
    case Kind::kFloat:
      return truncateToInt64(value.asFloat());
    case Kind::kString:
      return detail::parseGoInt(trimZeroDecimal(value.asString())).value_or(0);
    default:
      return 0;
  }
}

double toFloat64(const Value& value) {
  switch (value.kind()) {
    case Kind::kBool:
      return value.asBool() ? 1 : 0;
    case Kind::kInt:
      return value.isUnsigned() ? static_cast<double>(value.asUint())
                                : static_cast<double>(value.asInt());
    case Kind::kFloat:
      return value.asFloat();
    case Kind::kString: {
      // strconv.ParseFloat also reads infinities and NaN, in any case.
      std::string word = value.asString();
      for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (word == "nan") return std::numeric_limits<double>::quiet_NaN();
      if (word == "inf" || word == "+inf" || word == "infinity" || word == "+infinity") {
        return std::numeric_limits<double>::infinity();
      }
      if (word == "-inf" || word == "-infinity") return -std::numeric_limits<double>::infinity();
      return detail::parseGoFloat(value.asString()).value_or(0);
    }
    default:
      return 0;
  }
}

bool isEmpty(const Value& value) {
  switch (value.kind()) {
    case Kind::kInvalid:
    case Kind::kNil:
      return true;
    case Kind::kObject:
    case Kind::kFunction:
      return false;
    default:
      return !value.truthy();
  }
}

bool deepEqual(const Value& a, const Value& b) {
  if (a.isNil() || b.isNil()) return a.isNil() && b.isNil();
  if (a.kind() != b.kind() || a.typeName() != b.typeName()) return false;
  switch (a.kind()) {
    case Kind::kList: {
      const auto& left = a.asList().items;
      const auto& right = b.asList().items;
      if (left.size() != right.size()) return false;
      for (std::size_t i = 0; i < left.size(); ++i) {
        if (!deepEqual(left[i], right[i])) return false;
      }
      return true;
    }
    case Kind::kMap: {
      const auto& left = a.asMap().entries;
      const auto& right = b.asMap().entries;
      if (left.size() != right.size()) return false;
      for (const auto& [key, item] : left) {
        const auto found = right.find(key);
        if (found == right.end() || !deepEqual(item, found->second)) return false;
      }
      return true;
    }
    case Kind::kFloat:
      return a.asFloat() == b.asFloat();
    case Kind::kString:
      return a.asString() == b.asString();
    default:
      return a.sameAs(b);
  }
}

std::string kindOrPanic(const Value& value) {
  if (value.isNil()) throw FunctionError(kNilDereference);
  return std::string(value.kindName());
}

const std::vector<Value>& listItems(const Value& value, const std::string& prefix) {
  const std::string kind = kindOrPanic(value);
  if (!value.isList()) throw FunctionError(prefix + kind);
  return value.asList().items;
}

Value stringList(std::vector<std::string> items) {
  std::vector<Value> values;
  values.reserve(items.size());
  for (auto& item : items) values.push_back(Value::string(std::move(item)));
  return Value::list(std::move(values), ElemType::kString);
}

std::vector<std::string> toStrings(const Value& value) {
  if (value.isNil()) return {};
  if (!value.isList()) return {strval(value)};
  std::vector<std::string> out;
  for (const Value& item : value.asList().items) {
    if (!item.isNil()) out.push_back(strval(item));
  }
  return out;
}

}  // namespace meshery::gotmpl::sprig
