#include "fetch_resolve.hpp"

#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "meshery/core/error.hpp"

namespace meshery::http {
namespace {

struct Lookup {
  std::mutex mutex;
  std::condition_variable done_changed;
  bool done = false;
  int status = 0;
  std::vector<std::string> addresses;
};

void runLookup(Lookup& lookup, const std::string& host, const std::string& port) {
  addrinfo hints{};
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  addrinfo* list = nullptr;
  int status = ::getaddrinfo(host.c_str(), port.c_str(), &hints, &list);
  std::vector<std::string> addresses;
  for (addrinfo* info = list; status == 0 && info != nullptr; info = info->ai_next) {
    std::array<char, NI_MAXHOST> text{};
    if (::getnameinfo(info->ai_addr, info->ai_addrlen, text.data(), text.size(), nullptr, 0,
                      NI_NUMERICHOST) == 0) {
      addresses.emplace_back(text.data());
    }
  }
  if (list != nullptr) ::freeaddrinfo(list);
  std::lock_guard lock(lookup.mutex);
  lookup.status = status;
  lookup.addresses = std::move(addresses);
  lookup.done = true;
  lookup.done_changed.notify_all();
}

}  // namespace

bool isIpLiteral(const std::string& host) {
  std::array<unsigned char, 16> bytes{};
  return ::inet_pton(AF_INET, host.c_str(), bytes.data()) == 1 ||
         ::inet_pton(AF_INET6, host.c_str(), bytes.data()) == 1;
}

bool isLinkLocal(std::string_view address) {
  std::string text(address.substr(0, address.find('%')));  // drop an IPv6 zone ("%eth0")
  std::array<unsigned char, 16> bytes{};
  if (::inet_pton(AF_INET, text.c_str(), bytes.data()) == 1)
    return bytes[0] == 169 && bytes[1] == 254;
  if (::inet_pton(AF_INET6, text.c_str(), bytes.data()) != 1) return false;
  if (bytes[0] == 0xfe && (bytes[1] & 0xc0) == 0x80) return true;
  const bool v4_mapped =
      std::all_of(bytes.begin(), bytes.begin() + 10, [](unsigned char b) { return b == 0; }) &&
      bytes[10] == 0xff && bytes[11] == 0xff;
  return v4_mapped && bytes[12] == 169 && bytes[13] == 254;
}

std::optional<std::vector<std::string>> resolveHost(
    const std::string& host, const std::string& port,
    std::chrono::steady_clock::time_point deadline) {
  if (isIpLiteral(host)) return std::vector<std::string>{host};
  auto lookup = std::make_shared<Lookup>();
  std::thread([lookup, host, port] { runLookup(*lookup, host, port); }).detach();
  std::unique_lock lock(lookup->mutex);
  if (!lookup->done_changed.wait_until(lock, deadline, [&] { return lookup->done; }))
    return std::nullopt;
  if (lookup->status != 0 || lookup->addresses.empty()) {
    throw Error(ErrorCode::kUnavailable, "cannot resolve host '" + host + "'",
                lookup->status != 0 ? ::gai_strerror(lookup->status) : "it has no address",
                "check the host name in the URL and the machine's DNS settings");
  }
  return std::move(lookup->addresses);
}

}  // namespace meshery::http
