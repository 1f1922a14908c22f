#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace meshery {

/// Standard base64 (RFC 4648 §4) with padding, as Go's base64.StdEncoding.
std::string encodeBase64(std::string_view bytes);

/// Decodes standard base64 with padding, ignoring CR and LF (Go's
/// base64.StdEncoding.DecodeString). Nothing when the text is not base64.
std::optional<std::string> decodeBase64(std::string_view text);

}  // namespace meshery
