#pragma once

// Private: what Sprig's functions share: Go's conversions as Sprig and
// spf13/cast apply them, emptiness, deep equality, and the failures Go's
// runtime would raise (which text/template reports as the call's error).

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "meshery/gotmpl/function.hpp"
#include "meshery/gotmpl/sprig.hpp"

namespace meshery::gotmpl::sprig {

using Args = std::vector<Value>;
using Body = std::function<Value(CallContext&, Args&)>;

inline Function fixed(std::vector<Param> params, Body body) {
  return Function{std::move(params), false, std::move(body)};
}
inline Function variadic(std::vector<Param> params, Body body) {
  return Function{std::move(params), true, std::move(body)};
}

/// The message of Go's nil pointer dereference (reflect.TypeOf(nil).Kind()).
inline constexpr const char* kNilDereference =
    "runtime error: invalid memory address or nil pointer dereference";

/// Sprig's strval: a string as it is, anything else as fmt's %v.
std::string strval(const Value& value);
/// spf13/cast's ToInt64: ints, floats (truncated), bools, nil (0), strings
/// in Go syntax with base prefixes ("0x1F", "010", a trailing ".0"); 0 when
/// it cannot convert.
std::int64_t toInt64(const Value& value);
/// spf13/cast's ToFloat64.
double toFloat64(const Value& value);
/// Sprig's empty: nil, zero numbers, false, empty strings, lists and maps.
bool isEmpty(const Value& value);
/// reflect.DeepEqual of two interface{} values (types must match: int 1 is
/// not float64 1).
bool deepEqual(const Value& a, const Value& b);
/// reflect.Kind's name of a non-nil value; throws the nil dereference for nil.
std::string kindOrPanic(const Value& value);
/// The items of a slice argument, or FunctionError(prefix + kind) for other
/// kinds (Sprig's "Cannot find first on type int").
const std::vector<Value>& listItems(const Value& value, const std::string& prefix);
/// A []string value.
Value stringList(std::vector<std::string> items);
/// Sprig's strslice: a list's non-nil items as strings, or [strval(v)].
std::vector<std::string> toStrings(const Value& value);
/// base64.StdEncoding.EncodeToString / DecodeString (nullopt when invalid).
std::string base64Encode(std::string_view data);
std::optional<std::string> base64Decode(std::string_view text);
/// Go's float64 → int64 conversion on amd64 (out of range and NaN give the
/// minimum int64).
std::int64_t truncateToInt64(double value);

void addStrings(FunctionMap& functions);
void addLists(FunctionMap& functions);
void addDicts(FunctionMap& functions);
void addDefaults(FunctionMap& functions);
void addNumeric(FunctionMap& functions);
void addReflection(FunctionMap& functions);
void addEncoding(FunctionMap& functions);
void addRegex(FunctionMap& functions);
void addPaths(FunctionMap& functions);
void addSemver(FunctionMap& functions);
bool parsesAsSemver(const std::string& version);
void addUrls(FunctionMap& functions);
void addCase(FunctionMap& functions);
void addDates(FunctionMap& functions, const SprigOptions& options);
void addCrypto(FunctionMap& functions, const SprigOptions& options);
void addRandom(FunctionMap& functions, const SprigOptions& options);

}  // namespace meshery::gotmpl::sprig
