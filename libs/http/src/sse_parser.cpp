#include "sse_parser.hpp"

namespace meshery::http {

void SseParser::feed(std::string_view bytes, const std::function<void(const SseEvent&)>& on_event) {
  pending_.append(bytes);
  std::size_t start = 0;
  for (;;) {
    auto newline = pending_.find('\n', start);
    if (newline == std::string::npos) break;
    std::string_view text(pending_.data() + start, newline - start);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    line(text, on_event);
    start = newline + 1;
  }
  pending_.erase(0, start);
}

void SseParser::line(std::string_view text, const std::function<void(const SseEvent&)>& on_event) {
  if (text.empty()) {
    if (has_data_) {
      if (event_.event.empty()) event_.event = "message";
      on_event(event_);
    }
    event_ = {};
    has_data_ = false;
    return;
  }
  if (text.front() == ':') return;
  auto colon = text.find(':');
  std::string_view field = text.substr(0, colon);
  std::string_view value = colon == std::string_view::npos ? "" : text.substr(colon + 1);
  if (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (field == "event") {
    event_.event = value;
  } else if (field == "data") {
    if (has_data_) event_.data.push_back('\n');
    event_.data.append(value);
    has_data_ = true;
  } else if (field == "id") {
    event_.id = value;
  }
}

}  // namespace meshery::http
