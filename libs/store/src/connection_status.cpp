#include <array>
#include <utility>

#include "meshery/store/connection_repository.hpp"

namespace meshery::store {
namespace {

using S = ConnectionStatus;

constexpr std::array<std::pair<S, std::string_view>, 8> kNames{{
    {S::kDiscovered, "discovered"},
    {S::kRegistered, "registered"},
    {S::kConnected, "connected"},
    {S::kIgnored, "ignored"},
    {S::kMaintenance, "maintenance"},
    {S::kDisconnected, "disconnected"},
    {S::kDeleted, "deleted"},
    {S::kNotFound, "not found"},
}};

}  // namespace

std::string_view toString(ConnectionStatus status) {
  for (const auto& [each, name] : kNames) {
    if (each == status) return name;
  }
  return "discovered";
}

std::optional<ConnectionStatus> connectionStatusOf(std::string_view text) {
  for (const auto& [each, name] : kNames) {
    if (name == text) return each;
  }
  return std::nullopt;
}

bool transitionAllowed(ConnectionStatus from, ConnectionStatus to) {
  if (from == to) return true;
  if (from == S::kDeleted) return false;
  if (to == S::kDeleted) return true;
  switch (from) {
    case S::kDiscovered:
      return to == S::kRegistered || to == S::kIgnored;
    case S::kRegistered:
      return to == S::kConnected || to == S::kMaintenance || to == S::kNotFound ||
             to == S::kIgnored;
    case S::kConnected:
      return to == S::kMaintenance || to == S::kIgnored || to == S::kDisconnected;
    case S::kMaintenance:
      return to == S::kConnected || to == S::kDisconnected;
    case S::kDisconnected:
      return to == S::kConnected;
    case S::kNotFound:
      return to == S::kRegistered;
    case S::kIgnored:
    case S::kDeleted:
      return false;
  }
  return false;
}

}  // namespace meshery::store
