#pragma once

#include <string>
#include <string_view>

namespace meshery::design::detail {

/// The lowercase hex SHA-256 of `bytes` (OpenSSL EVP).
std::string sha256Hex(std::string_view bytes);

}  // namespace meshery::design::detail
