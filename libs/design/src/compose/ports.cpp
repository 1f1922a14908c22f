// `ports` (short and long syntax, ranges, host IPs, protocols) and `expose`.
#include <algorithm>
#include <cctype>

#include "compose_project.hpp"
#include "compose_values.hpp"

namespace meshery::design::compose {
namespace {

using nlohmann::json;

struct Range {
  int first = 0;
  int last = 0;
  [[nodiscard]] int size() const { return last - first + 1; }
};

std::optional<Range> rangeOf(const std::string& text) {
  if (text.empty()) return Range{};
  const auto dash = text.find('-');
  const auto first = integerOf(json(text.substr(0, dash)));
  const auto last = dash == std::string::npos ? first : integerOf(json(text.substr(dash + 1)));
  if (!first || !last || *first < 1 || *last > 65535 || *last < *first) return std::nullopt;
  return Range{static_cast<int>(*first), static_cast<int>(*last)};
}

std::string protocolOf(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return text.empty() ? "TCP" : text;
}

// "[ip:][host[-range]:]container[-range][/protocol]"
std::optional<std::vector<PortMapping>> shortPorts(std::string text) {
  std::string protocol;
  if (const auto slash = text.find('/'); slash != std::string::npos) {
    protocol = text.substr(slash + 1);
    text.resize(slash);
  }
  if (!text.empty() && text.front() == '[') {  // an IPv6 host address
    const auto close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':') {
      return std::nullopt;
    }
    text = text.substr(close + 2);
    if (text.find(':') == std::string::npos) text = ":" + text;
  }
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (auto colon = text.find(':'); colon != std::string::npos; colon = text.find(':', start)) {
    parts.push_back(text.substr(start, colon - start));
    start = colon + 1;
  }
  parts.push_back(text.substr(start));
  if (parts.size() > 3) return std::nullopt;
  const auto target = rangeOf(parts.back());
  const auto published = parts.size() >= 2 ? rangeOf(parts[parts.size() - 2]) : Range{};
  if (!target || target->first == 0 || !published) return std::nullopt;
  if (published->first != 0 && published->size() != target->size() && published->size() != 1) {
    return std::nullopt;
  }
  std::vector<PortMapping> mappings;
  for (int i = 0; i < target->size(); ++i) {
    PortMapping mapping;
    mapping.target = target->first + i;
    if (published->first != 0) {
      mapping.published = published->size() == 1 ? published->first : published->first + i;
    }
    mapping.protocol = protocolOf(protocol);
    mappings.push_back(mapping);
  }
  return mappings;
}

std::optional<std::vector<PortMapping>> longPort(const json& port) {
  const auto target = integerOf(port.value("target", json()));
  if (!target || *target < 1 || *target > 65535) return std::nullopt;
  PortMapping mapping;
  mapping.target = static_cast<int>(*target);
  if (port.contains("published") && !port["published"].is_null()) {
    const auto text = scalarText(port["published"]).value_or("");
    const auto published = rangeOf(text);
    if (!published) return std::nullopt;
    mapping.published = published->first;
  }
  mapping.protocol = protocolOf(scalarText(port.value("protocol", json())).value_or(""));
  return std::vector<PortMapping>{mapping};
}

}  // namespace

std::vector<PortMapping> servicePorts(const Project& project, const Service& service) {
  std::vector<PortMapping> ports;
  const auto& listed = service.field("ports");
  if (listed.is_array()) {
    for (const auto& port : listed) {
      std::optional<std::vector<PortMapping>> mappings;
      if (port.is_object()) {
        mappings = longPort(port);
      } else if (const auto text = scalarText(port)) {
        mappings = shortPorts(*text);
      }
      if (!mappings) {
        project.diagnostics.warn(service.subject,
                                 "port " + port.dump() + " is not a valid port; skipped");
        continue;
      }
      ports.insert(ports.end(), mappings->begin(), mappings->end());
    }
  }
  const auto& exposed = service.field("expose");
  if (exposed.is_array()) {
    for (const auto& port : exposed) {
      const auto mappings = shortPorts(scalarText(port).value_or(""));
      if (!mappings) {
        project.diagnostics.warn(service.subject,
                                 "exposed port " + port.dump() + " is not valid; skipped");
        continue;
      }
      for (auto mapping : *mappings) {
        const bool known = std::any_of(ports.begin(), ports.end(), [&](const PortMapping& other) {
          return other.target == mapping.target && other.protocol == mapping.protocol;
        });
        if (!known) ports.push_back(mapping);
      }
    }
  }
  return ports;
}

}  // namespace meshery::design::compose
