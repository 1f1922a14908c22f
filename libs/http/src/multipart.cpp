#include "meshery/http/multipart.hpp"

#include <algorithm>
#include <cctype>

#include "meshery/core/error.hpp"

namespace meshery::http {
namespace {

Error malformed(const std::string& cause) {
  return Error(ErrorCode::kMalformedInput, "the multipart/form-data body cannot be read", cause,
               "send the form as browsers and curl -F do (RFC 7578)");
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// The value of `parameter` in a header value ("form-data; name=\"x\"").
std::string parameterOf(std::string_view header, std::string_view parameter) {
  const std::string lowered = lower(header);
  std::size_t at = 0;
  while ((at = lowered.find(std::string(parameter) + "=", at)) != std::string::npos) {
    const bool starts = at == 0 || lowered[at - 1] == ';' || lowered[at - 1] == ' ';
    at += parameter.size() + 1;
    if (!starts) continue;
    if (at < header.size() && header[at] == '"') {
      const auto end = header.find('"', at + 1);
      if (end == std::string_view::npos) return std::string(header.substr(at + 1));
      return std::string(header.substr(at + 1, end - at - 1));
    }
    const auto end = header.find(';', at);
    std::string value(header.substr(at, end == std::string_view::npos ? end : end - at));
    while (!value.empty() && value.back() == ' ') value.pop_back();
    return value;
  }
  return {};
}

}  // namespace

std::vector<FormPart> parseMultipart(std::string_view content_type, std::string_view body) {
  if (!lower(content_type).starts_with("multipart/form-data"))
    throw malformed("the Content-Type is " + std::string(content_type) + ", not multipart/form-data");
  const std::string boundary = parameterOf(content_type, "boundary");
  if (boundary.empty()) throw malformed("the Content-Type names no boundary");
  const std::string delimiter = "--" + boundary;
  std::vector<FormPart> parts;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) throw malformed("the body holds no boundary line");
  while (true) {
    at += delimiter.size();
    if (body.substr(at, 2) == "--") return parts;  // the closing delimiter
    if (body.substr(at, 2) != "\r\n") throw malformed("a boundary line does not end with CRLF");
    at += 2;
    const auto head_end = body.find("\r\n\r\n", at);
    if (head_end == std::string_view::npos) throw malformed("a part has no end of headers");
    FormPart part;
    std::string_view headers = body.substr(at, head_end - at);
    while (!headers.empty()) {
      const auto line_end = headers.find("\r\n");
      const std::string_view line = headers.substr(0, line_end);
      const auto colon = line.find(':');
      if (colon != std::string_view::npos) {
        const std::string name = lower(line.substr(0, colon));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
        if (name == "content-disposition") {
          part.name = parameterOf(value, "name");
          part.filename = parameterOf(value, "filename");
        } else if (name == "content-type") {
          part.content_type = value;
        }
      }
      if (line_end == std::string_view::npos) break;
      headers.remove_prefix(line_end + 2);
    }
    const std::size_t content = head_end + 4;
    const auto next = body.find("\r\n" + delimiter, content);
    if (next == std::string_view::npos) throw malformed("a part is not closed by the boundary");
    part.body = body.substr(content, next - content);
    parts.push_back(std::move(part));
    at = next + 2;
  }
}

std::optional<FormPart> formPart(const std::vector<FormPart>& parts, std::string_view name) {
  for (const FormPart& part : parts) {
    if (part.name == name) return part;
  }
  return std::nullopt;
}

}  // namespace meshery::http
