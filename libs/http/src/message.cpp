#include "meshery/http/message.hpp"

#include <algorithm>
#include <cctype>

#include "meshery/core/json_text.hpp"

namespace meshery::http {
namespace {

bool equalsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool needsDecoding(std::string_view text) {
  return text.find_first_of("%+") != std::string_view::npos;
}

/// Calls `visit(value)` with the percent-decoded value of each parameter
/// named `name`, in order, until it returns false. Keys are decoded only
/// when they hold escapes and values only when their key matches, so a
/// lookup allocates nothing for the other parameters.
template <typename Visit>
void forEachValueOf(std::string_view query, std::string_view name, Visit visit) {
  while (!query.empty()) {
    auto amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    auto eq = pair.find('=');
    std::string_view key = pair.substr(0, eq);
    const bool matches = needsDecoding(key) ? percentDecode(key, true) == name : key == name;
    if (!matches) continue;
    std::string value = eq == std::string_view::npos ? "" : percentDecode(pair.substr(eq + 1), true);
    if (!visit(std::move(value))) return;
  }
}

}  // namespace

std::string_view toString(Method method) {
  switch (method) {
    case Method::kGet: return "GET";
    case Method::kHead: return "HEAD";
    case Method::kPost: return "POST";
    case Method::kPut: return "PUT";
    case Method::kPatch: return "PATCH";
    case Method::kDelete: return "DELETE";
    case Method::kOptions: return "OPTIONS";
    case Method::kUnknown: return "UNKNOWN";
  }
  return "UNKNOWN";
}

Method parseMethod(std::string_view text) {
  for (Method m : {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch,
                   Method::kDelete, Method::kOptions}) {
    if (toString(m) == text) return m;
  }
  return Method::kUnknown;
}

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [key, value] : fields_) {
    if (equalsIgnoreCase(key, name)) return value;
  }
  return std::nullopt;
}

void Headers::set(std::string name, std::string value) {
  std::erase_if(fields_, [&](const auto& field) { return equalsIgnoreCase(field.first, name); });
  fields_.emplace_back(std::move(name), std::move(value));
}

void Headers::add(std::string name, std::string value) {
  fields_.emplace_back(std::move(name), std::move(value));
}

std::string percentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%' && i + 2 < text.size()) {
      int high = hexDigit(text[i + 1]);
      int low = hexDigit(text[i + 2]);
      if (high >= 0 && low >= 0) {
        out.push_back(static_cast<char>(high << 4 | low));
        i += 2;
        continue;
      }
    }
    out.push_back(plus_is_space && c == '+' ? ' ' : c);
  }
  return out;
}

std::optional<std::string> Request::queryParam(std::string_view name) const {
  std::optional<std::string> found;
  forEachValueOf(query, name, [&](std::string value) {
    found = std::move(value);
    return false;
  });
  return found;
}

std::vector<std::string> Request::queryParams(std::string_view name) const {
  std::vector<std::string> values;
  forEachValueOf(query, name, [&](std::string value) {
    values.push_back(std::move(value));
    return true;
  });
  return values;
}

std::string Request::pathParam(std::string_view name) const {
  auto it = path_params.find(name);
  return it == path_params.end() ? std::string{} : it->second;
}

nlohmann::json Request::jsonBody() const {
  try {
    return nlohmann::json::parse(body);
  } catch (const nlohmann::json::parse_error& error) {
    throw Error(ErrorCode::kMalformedInput, "the request body is not valid JSON",
                error.what(), "send a well-formed JSON document with Content-Type: application/json");
  }
}

std::size_t BodySegments::size() const {
  std::size_t total = 0;
  for (std::string_view text : texts) total += text.size();
  return total;
}

std::string Response::bodyText() const {
  std::string text;
  text.reserve(bodySize());
  text += body;
  for (std::string_view segment : segments.texts) text += segment;
  return text;
}

Response Response::json(const nlohmann::json& value, int status) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", "application/json");
  response.body = dumpJson(value);
  return response;
}

Response Response::text(std::string body, std::string content_type, int status) {
  Response response;
  response.status = status;
  response.headers.set("Content-Type", std::move(content_type));
  response.body = std::move(body);
  return response;
}

Response Response::noContent() {
  Response response;
  response.status = 204;
  return response;
}

nlohmann::json errorJson(const Error& error) {
  nlohmann::json body = {{"error", error.message()},
                         {"code", toString(error.code())},
                         {"cause", error.cause()},
                         {"remedy", error.remedy()}};
  if (error.position()) {
    body["line"] = error.position()->line;
    body["column"] = error.position()->column;
  }
  return body;
}

Response Response::error(const Error& error) {
  return json(errorJson(error), statusFor(error.code()));
}

Response Response::eventStream(std::function<void(SseStream&)> producer) {
  Response response;
  response.headers.set("Content-Type", "text/event-stream");
  response.headers.set("Cache-Control", "no-cache");
  response.event_stream = std::move(producer);
  return response;
}

int statusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInternal: return 500;
    case ErrorCode::kInvalidArgument: return 422;
    case ErrorCode::kMalformedInput: return 400;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kMethodNotAllowed: return 405;
    case ErrorCode::kAlreadyExists: return 409;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kUnsupportedMediaType: return 415;
    case ErrorCode::kConfirmationRequired: return 428;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kPermissionDenied: return 403;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kTimeout: return 504;
    case ErrorCode::kInvalidConfiguration: return 500;
    case ErrorCode::kStoreFailure: return 500;
  }
  return 500;
}

}  // namespace meshery::http
