// Sprig's math and conversion functions (numeric.go and functions.go):
// integer math on int64 through spf13/cast, float math through
// shopspring/decimal, so 0.1 + 0.2 is 0.3 as in Sprig.

#include <charconv>
#include <cmath>

#include "../go_number.hpp"
#include "meshery/gotmpl/format.hpp"
#include "support.hpp"

namespace meshery::gotmpl::sprig {
namespace {

using P = Param;

__extension__ typedef __int128 Int128;

Value int64Value(std::int64_t v) {
  return Value::integer(v, IntType::kInt64);
}

// Go's int64 arithmetic wraps around.
std::int64_t wrapAdd(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) + static_cast<std::uint64_t>(b));
}
std::int64_t wrapSub(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) - static_cast<std::uint64_t>(b));
}
std::int64_t wrapMul(std::int64_t a, std::int64_t b) {
  return static_cast<std::int64_t>(static_cast<std::uint64_t>(a) * static_cast<std::uint64_t>(b));
}

// A decimal as shopspring/decimal holds it: coefficient × 10^exponent,
// exact for the shortest text of a float64.
struct Decimal {
  Int128 coefficient = 0;
  int exponent = 0;
};

Decimal decimalOf(double value) {
  // NewFromFloat: the shortest decimal that reads back as the float.
  const std::string text = formatFloat(value, 'e', -1);
  Decimal d;
  const std::size_t e = text.find('e');
  bool negative = false;
  int fraction_digits = 0;
  bool after_point = false;
  for (std::size_t i = 0; i < e; ++i) {
    const char c = text[i];
    if (c == '-') {
      negative = true;
    } else if (c == '.') {
      after_point = true;
    } else {
      d.coefficient = d.coefficient * 10 + (c - '0');
      if (after_point) ++fraction_digits;
    }
  }
  int exponent = 0;
  std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(),
                  exponent);
  d.exponent = exponent - fraction_digits;
  if (negative) d.coefficient = -d.coefficient;
  return d;
}

double toDouble(const Decimal& d) {
  Int128 magnitude = d.coefficient < 0 ? -d.coefficient : d.coefficient;
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  const std::string text =
      (d.coefficient < 0 ? "-" : "") + digits + "e" + std::to_string(d.exponent);
  return std::strtod(text.c_str(), nullptr);
}

bool fits(const Decimal& d) {
  const Int128 limit = static_cast<Int128>(1) << 100;
  return d.coefficient < limit && d.coefficient > -limit;
}

void align(Decimal& a, Decimal& b) {
  while (a.exponent > b.exponent && fits(a)) {
    a.coefficient *= 10;
    --a.exponent;
  }
  while (b.exponent > a.exponent && fits(b)) {
    b.coefficient *= 10;
    --b.exponent;
  }
}

enum class Op { kAdd, kSub, kMul, kDiv };

double decimalOp(const Value& first, const std::vector<Value>& rest, Op op) {
  Decimal result = decimalOf(toFloat64(first));
  double fallback = toFloat64(first);
  bool exact = true;
  for (const Value& item : rest) {
    const double operand = toFloat64(item);
    Decimal d = decimalOf(operand);
    switch (op) {
      case Op::kAdd:
      case Op::kSub:
        align(result, d);
        if (result.exponent != d.exponent) exact = false;
        result.coefficient = op == Op::kAdd ? result.coefficient + d.coefficient
                                            : result.coefficient - d.coefficient;
        fallback = op == Op::kAdd ? fallback + operand : fallback - operand;
        break;
      case Op::kMul:
        if (!fits(result) || !fits(d)) exact = false;
        result.coefficient *= d.coefficient;
        result.exponent += d.exponent;
        fallback *= operand;
        break;
      case Op::kDiv:
        if (operand == 0) throw FunctionError("decimal division by 0");
        exact = false;
        fallback /= operand;
        break;
    }
    if (!fits(result)) exact = false;
  }
  return exact ? toDouble(result) : fallback;
}

Value intList(const std::vector<std::int64_t>& values) {
  std::vector<Value> items;
  for (const std::int64_t v : values) items.push_back(Value::integer(v));
  return Value::list(std::move(items), ElemType::kInt);
}

std::vector<std::int64_t> untilStep(std::int64_t start, std::int64_t stop, std::int64_t step) {
  std::vector<std::int64_t> out;
  constexpr std::size_t kMaxItems = 10'000'000;
  if (stop < start) {
    if (step >= 0) return out;
    for (std::int64_t i = start; i > stop && out.size() < kMaxItems; i = wrapAdd(i, step)) {
      out.push_back(i);
      if (wrapAdd(i, step) > i) break;  // wrapped around
    }
    return out;
  }
  if (step <= 0) return out;
  for (std::int64_t i = start; i < stop && out.size() < kMaxItems; i = wrapAdd(i, step)) {
    out.push_back(i);
    if (wrapAdd(i, step) < i) break;  // wrapped around
  }
  return out;
}

std::string joinInts(const std::vector<std::int64_t>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i)
    out += (i > 0 ? " " : "") + std::to_string(values[i]);
  return out;
}

std::string seq(const Args& params) {
  std::int64_t increment = 1;
  switch (params.size()) {
    case 1: {
      const std::int64_t start = 1;
      const std::int64_t end = params[0].asInt();
      if (end < start) increment = -1;
      return joinInts(untilStep(start, wrapAdd(end, increment), increment));
    }
    case 2: {
      const std::int64_t start = params[0].asInt();
      const std::int64_t end = params[1].asInt();
      const std::int64_t step = end < start ? -1 : 1;
      return joinInts(untilStep(start, wrapAdd(end, step), step));
    }
    case 3: {
      const std::int64_t start = params[0].asInt();
      const std::int64_t step = params[1].asInt();
      const std::int64_t end = params[2].asInt();
      if (end < start) {
        increment = -1;
        if (step > 0) return "";
      }
      return joinInts(untilStep(start, wrapAdd(end, increment), step));
    }
    default:
      return "";
  }
}

// strconv.Atoi: decimal digits with an optional sign, nothing else.
std::int64_t atoi(const std::string& text) {
  std::string_view s = text;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  if (s.empty() || s.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  std::int64_t value = 0;
  const auto result =
      std::from_chars(text.data() + (text[0] == '+' ? 1 : 0), text.data() + text.size(), value);
  return result.ec == std::errc() ? value : 0;
}

}  // namespace

void addNumeric(FunctionMap& f) {
  f["add1"] =
      fixed({P::kAny}, [](CallContext&, Args& a) { return int64Value(wrapAdd(toInt64(a[0]), 1)); });
  f["add"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    std::int64_t sum = 0;
    for (const Value& v : a) sum = wrapAdd(sum, toInt64(v));
    return int64Value(sum);
  });
  f["sub"] = fixed({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    return int64Value(wrapSub(toInt64(a[0]), toInt64(a[1])));
  });
  f["div"] = fixed({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    const std::int64_t divisor = toInt64(a[1]);
    if (divisor == 0) throw FunctionError("runtime error: integer divide by zero");
    const std::int64_t dividend = toInt64(a[0]);
    if (divisor == -1) return int64Value(wrapSub(0, dividend));  // MinInt64 / -1 wraps in Go
    return int64Value(dividend / divisor);
  });
  f["mod"] = fixed({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    const std::int64_t divisor = toInt64(a[1]);
    if (divisor == 0) throw FunctionError("runtime error: integer divide by zero");
    if (divisor == -1) return int64Value(0);
    return int64Value(toInt64(a[0]) % divisor);
  });
  f["mul"] = variadic({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    std::int64_t product = toInt64(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) product = wrapMul(product, toInt64(a[i]));
    return int64Value(product);
  });
  const auto max = variadic({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    std::int64_t best = toInt64(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) best = std::max(best, toInt64(a[i]));
    return int64Value(best);
  });
  f["max"] = max;
  f["biggest"] = max;
  f["min"] = variadic({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    std::int64_t best = toInt64(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) best = std::min(best, toInt64(a[i]));
    return int64Value(best);
  });
  f["maxf"] = variadic({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    double best = toFloat64(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) best = std::fmax(best, toFloat64(a[i]));
    return Value::number(best);
  });
  f["minf"] = variadic({P::kAny, P::kAny}, [](CallContext&, Args& a) {
    double best = toFloat64(a[0]);
    for (std::size_t i = 1; i < a.size(); ++i) best = std::fmin(best, toFloat64(a[i]));
    return Value::number(best);
  });
  f["floor"] = fixed(
      {P::kAny}, [](CallContext&, Args& a) { return Value::number(std::floor(toFloat64(a[0]))); });
  f["ceil"] = fixed(
      {P::kAny}, [](CallContext&, Args& a) { return Value::number(std::ceil(toFloat64(a[0]))); });
  f["round"] = variadic({P::kAny, P::kInt, P::kFloat64}, [](CallContext&, Args& a) {
    const double round_on = a.size() > 2 ? a[2].asFloat() : 0.5;
    const double pow = std::pow(10.0, static_cast<double>(a[1].asInt()));
    const double digit = pow * toFloat64(a[0]);
    double integral = 0;
    const double fraction = std::modf(digit, &integral);
    return Value::number((fraction >= round_on ? std::ceil(digit) : std::floor(digit)) / pow);
  });
  f["add1f"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    return Value::number(decimalOp(a[0], {Value::integer(1)}, Op::kAdd));
  });
  f["addf"] = variadic({P::kAny}, [](CallContext&, Args& a) {
    return Value::number(decimalOp(Value::number(0), a, Op::kAdd));
  });
  const auto decimal = [](Op op) {
    return variadic({P::kAny, P::kAny}, [op](CallContext&, Args& a) {
      return Value::number(decimalOp(a[0], Args(a.begin() + 1, a.end()), op));
    });
  };
  f["subf"] = decimal(Op::kSub);
  f["mulf"] = decimal(Op::kMul);
  f["divf"] = decimal(Op::kDiv);
  f["int64"] = fixed({P::kAny}, [](CallContext&, Args& a) { return int64Value(toInt64(a[0])); });
  f["int"] = fixed({P::kAny}, [](CallContext&, Args& a) { return Value::integer(toInt64(a[0])); });
  f["float64"] =
      fixed({P::kAny}, [](CallContext&, Args& a) { return Value::number(toFloat64(a[0])); });
  f["atoi"] = fixed({P::kString},
                    [](CallContext&, Args& a) { return Value::integer(atoi(a[0].asString())); });
  f["toDecimal"] = fixed({P::kAny}, [](CallContext&, Args& a) {
    const std::string text = strval(a[0]);
    std::int64_t value = 0;
    std::string_view digits = text;
    const bool negative = !digits.empty() && digits[0] == '-';
    if (!digits.empty() && (digits[0] == '-' || digits[0] == '+')) digits.remove_prefix(1);
    const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), value, 8);
    if (digits.empty() || result.ec != std::errc() || result.ptr != digits.data() + digits.size()) {
      return int64Value(0);
    }
    return int64Value(negative ? -value : value);
  });
  f["until"] = fixed({P::kInt}, [](CallContext&, Args& a) {
    const std::int64_t count = a[0].asInt();
    return intList(untilStep(0, count, count < 0 ? -1 : 1));
  });
  f["untilStep"] = fixed({P::kInt, P::kInt, P::kInt}, [](CallContext&, Args& a) {
    return intList(untilStep(a[0].asInt(), a[1].asInt(), a[2].asInt()));
  });
  f["seq"] = variadic({P::kInt}, [](CallContext&, Args& a) { return Value::string(seq(a)); });
}

}  // namespace meshery::gotmpl::sprig
