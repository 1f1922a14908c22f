#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace meshery {

/// An RFC 9562 UUID. Value type; the nil UUID by default.
class Uuid {
 public:
  using Bytes = std::array<std::uint8_t, 16>;
  /// Supplies 64 random bits; injected so that tests are repeatable.
  using RandomSource = std::function<std::uint64_t()>;

  constexpr Uuid() = default;
  explicit constexpr Uuid(const Bytes& bytes) : bytes_(bytes) {}

  /// A random (version 4) UUID from a thread-local CSPRNG-seeded generator.
  static Uuid v4();
  /// A version 4 UUID from the given source of random bits.
  static Uuid v4(const RandomSource& random);
  /// A name-based (version 5, SHA-1) UUID: the same namespace and name always
  /// give the same UUID, which keeps ids of bundled entities stable.
  static Uuid v5(const Uuid& name_space, std::string_view name);
  /// Parses the canonical 8-4-4-4-12 hex form (either case); nullopt if malformed.
  static std::optional<Uuid> parse(std::string_view text);

  [[nodiscard]] std::string toString() const;
  [[nodiscard]] int version() const { return bytes_[6] >> 4; }
  [[nodiscard]] bool isNil() const;
  [[nodiscard]] const Bytes& bytes() const { return bytes_; }

  friend bool operator==(const Uuid&, const Uuid&) = default;
  friend auto operator<=>(const Uuid&, const Uuid&) = default;

 private:
  Bytes bytes_{};
};

/// Hash for unordered containers keyed by Uuid (the bytes are random or
/// SHA-1 derived, so folding them is a good hash).
struct UuidHash {
  std::size_t operator()(const Uuid& id) const noexcept {
    std::size_t hash = 0;
    for (std::uint8_t byte : id.bytes()) hash = hash * 131 + byte;
    return hash;
  }
};

/// The RFC 9562 DNS and URL namespaces, for v5 ids. constexpr, so that
/// other translation units' globals may be derived from them safely.
inline constexpr Uuid kUuidNamespaceDns{Uuid::Bytes{0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                                    0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}};
inline constexpr Uuid kUuidNamespaceUrl{Uuid::Bytes{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1,
                                                    0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}};

}  // namespace meshery
