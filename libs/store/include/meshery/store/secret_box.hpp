#pragma once

// Secrets at rest (a connection's credentials): sealed with libsodium's
// crypto_secretbox (XSalsa20-Poly1305) under a 32-byte key kept in a file
// of mode 0600 under MESHERY_HOME, so that a copy of the database alone
// reveals nothing.

#include <array>
#include <filesystem>
#include <string>
#include <string_view>

namespace meshery::store {

class SecretBox {
 public:
  /// Reads the key file, or creates it (32 random bytes, mode 0600, its
  /// directory too) when it does not exist. Error(kInvalidConfiguration)
  /// when it is not 32 bytes, or group or others may read it (remedy:
  /// chmod 600).
  static SecretBox fromKeyFile(const std::filesystem::path& file);

  /// "v1:" and the base64 of a fresh nonce followed by the ciphertext.
  [[nodiscard]] std::string seal(std::string_view plaintext) const;
  /// The plaintext of seal()'s output; Error(kInvalidConfiguration) when
  /// it was sealed under another key or altered.
  [[nodiscard]] std::string open(std::string_view sealed) const;

 private:
  SecretBox() = default;
  std::array<unsigned char, 32> key_{};
};

}  // namespace meshery::store
