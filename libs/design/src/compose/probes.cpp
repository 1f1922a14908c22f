// `healthcheck` → livenessProbe, and kompose's
// `kompose.service.healthcheck.{liveness,readiness}.*` labels.
#include "compose_project.hpp"
#include "compose_values.hpp"

namespace meshery::design::compose {
namespace {

using nlohmann::json;

// Docker runs CMD-SHELL (and a plain string) with the image's shell, so the
// probe does too. kompose passes the whole line as one argv word, which no
// exec probe can run; that is a deliberate difference.
json execOf(const json& test, bool& disabled) {
  json command = json::array();
  if (test.is_string()) {
    const auto& line = test.get_ref<const std::string&>();
    if (line == "NONE") {
      disabled = true;
      return nullptr;
    }
    command = {"sh", "-c", line};
  } else if (test.is_array() && !test.empty()) {
    const auto first = scalarText(test[0]).value_or("");
    if (first == "NONE") {
      disabled = true;
      return nullptr;
    }
    if (first == "CMD-SHELL") {
      std::string line;
      for (std::size_t i = 1; i < test.size(); ++i) {
        if (i > 1) line += ' ';
        line += scalarText(test[i]).value_or("");
      }
      command = {"sh", "-c", line};
    } else {
      for (std::size_t i = first == "CMD" ? 1 : 0; i < test.size(); ++i) {
        command.push_back(scalarText(test[i]).value_or(test[i].dump()));
      }
    }
  }
  if (command.empty()) return nullptr;
  return {{"command", command}};
}

void setSeconds(const Project& project, const Service& service, json& probe, const char* field,
                const json& value, const std::string& what) {
  if (value.is_null()) return;
  std::optional<std::int64_t> seconds = integerOf(value);
  if (!seconds && value.is_string()) seconds = durationSeconds(value.get<std::string>());
  if (!seconds || *seconds < 0) {
    project.diagnostics.warn(service.subject,
                             what + " " + value.dump() + " is not a duration; skipped");
    return;
  }
  if (*seconds > 0) probe[field] = *seconds;
}

void setTiming(const Project& project, const Service& service, json& probe,
               const std::function<json(const std::string&)>& get, const std::string& what) {
  setSeconds(project, service, probe, "periodSeconds", get("interval"), what + " interval");
  setSeconds(project, service, probe, "timeoutSeconds", get("timeout"), what + " timeout");
  setSeconds(project, service, probe, "initialDelaySeconds", get("start_period"),
             what + " start_period");
  if (const auto& retries = get("retries"); !retries.is_null()) {
    const auto count = integerOf(retries);
    if (count && *count > 0) {
      probe["failureThreshold"] = *count;
    } else {
      project.diagnostics.warn(service.subject, what + " retries " + retries.dump() +
                                                    " is not a positive number; skipped");
    }
  }
}

json portOf(const std::string& text) {
  if (const auto number = integerOf(json(text))) return *number;
  return text;
}

}  // namespace

json probeOf(const Project& project, const Service& service, const std::string& kind) {
  const std::string prefix = "kompose.service.healthcheck." + kind + ".";
  const auto label = [&](const std::string& key) -> json {
    if (const auto value = service.label(prefix + key)) return *value;
    return nullptr;
  };
  json probe = json::object();
  bool disabled = false;
  json handler;
  if (kind == "liveness") {
    const auto& check = service.field("healthcheck");
    if (check.is_object()) {
      disabled = booleanOf(check.value("disable", json(false))).value_or(false);
      if (check.contains("test")) handler = execOf(check["test"], disabled);
      setTiming(
          project, service, probe, [&](const std::string& key) { return check.value(key, json()); },
          "healthcheck");
    }
  } else {
    disabled = booleanOf(label("disable")).value_or(false);
    if (const auto test = service.label(prefix + "test")) {
      json words = json::parse(*test, nullptr, false);
      if (words.is_array()) {
        handler = execOf(words, disabled);
      } else if (auto split = shellWords(*test); !split.empty()) {
        handler = {{"command", split}};
      }
    }
    setTiming(project, service, probe, label, "readiness healthcheck");
  }
  if (disabled) return nullptr;
  if (const auto path = service.label(prefix + "http_get_path")) {
    handler = nullptr;
    probe["httpGet"] = {{"path", *path},
                        {"port", portOf(service.label(prefix + "http_get_port").value_or("80"))}};
  } else if (const auto port = service.label(prefix + "tcp_port")) {
    handler = nullptr;
    probe["tcpSocket"] = {{"port", portOf(*port)}};
  }
  if (!handler.is_null()) probe["exec"] = handler;
  if (!probe.contains("exec") && !probe.contains("httpGet") && !probe.contains("tcpSocket")) {
    if (!probe.empty()) {
      project.diagnostics.warn(
          service.subject, kind == "liveness" ? "healthcheck has no test; no livenessProbe"
                                              : "readiness labels name no test; no readinessProbe");
    }
    return nullptr;
  }
  return probe;
}

}  // namespace meshery::design::compose
