#include "meshery/helm/render_objects.hpp"

#include <algorithm>
#include <memory>

#include "meshery/core/error.hpp"
#include "meshery/gotmpl/function.hpp"
#include "meshery/gotmpl/go_json.hpp"
#include "meshery/gotmpl/sprig.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::helm {
namespace {

using gotmpl::CallContext;
using gotmpl::ElemType;
using gotmpl::Function;
using gotmpl::Param;
using gotmpl::Value;
using Args = std::vector<Value>;
using Files = std::map<std::string, std::string, std::less<>>;

Function method(std::vector<Param> params, std::function<Value(CallContext&, Args&)> body) {
  return Function{std::move(params), false, std::move(body)};
}

Files filesOf(const Value& self) {
  Files files;
  for (const auto& [path, content] : self.asMap().entries) files.emplace(path, content.asString());
  return files;
}

std::string baseName(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string base64(std::string_view data) {
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::uint32_t buffer = 0;
  int held = 0;
  for (const char c : data) {
    buffer = (buffer << 8U) | static_cast<unsigned char>(c);
    held += 8;
    while (held >= 6) {
      held -= 6;
      out += kAlphabet[(buffer >> static_cast<unsigned>(held)) & 63U];
    }
  }
  if (held > 0) out += kAlphabet[(buffer << static_cast<unsigned>(6 - held)) & 63U];
  while (out.size() % 4 != 0) out += '=';
  return out;
}

// Helm's toYAML of a map[string]string (AsConfig, AsSecrets).
std::string yamlOf(const std::map<std::string, std::string>& entries) {
  nlohmann::json document = nlohmann::json::object();
  for (const auto& [key, value] : entries) document[key] = value;
  std::string text = yaml::emit(document);
  if (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

std::optional<Function> filesMethod(const Value& self, std::string_view name) {
  if (name == "Get" || name == "GetBytes") {
    return method({Param::kString}, [self](CallContext&, Args& a) {
      const auto& entries = self.asMap().entries;
      const auto found = entries.find(a[0].asString());
      return Value::string(found == entries.end() ? "" : found->second.asString());
    });
  }
  if (name == "Glob") {
    return method({Param::kString}, [self](CallContext&, Args& a) {
      Files matched;
      for (auto& [path, content] : filesOf(self)) {
        if (globMatch(a[0].asString(), path)) matched.emplace(path, std::move(content));
      }
      return filesValue(std::move(matched));
    });
  }
  if (name == "AsConfig" || name == "AsSecrets") {
    const bool secrets = name == "AsSecrets";
    return method({}, [self, secrets](CallContext&, Args&) {
      std::map<std::string, std::string> entries;
      for (const auto& [path, content] : filesOf(self)) {
        entries[baseName(path)] = secrets ? base64(content) : content;
      }
      return Value::string(yamlOf(entries));
    });
  }
  if (name == "Lines") {
    return method({Param::kString}, [self](CallContext&, Args& a) {
      const auto& entries = self.asMap().entries;
      const auto found = entries.find(a[0].asString());
      std::vector<Value> lines;
      if (found != entries.end() && !found->second.asString().empty()) {
        std::string text = found->second.asString();
        if (text.back() == '\n') text.pop_back();
        std::size_t at = 0;
        for (;;) {
          const std::size_t newline = text.find('\n', at);
          lines.push_back(Value::string(
              text.substr(at, newline == std::string::npos ? std::string::npos : newline - at)));
          if (newline == std::string::npos) break;
          at = newline + 1;
        }
      }
      return Value::list(std::move(lines), ElemType::kString);
    });
  }
  return std::nullopt;
}

/// A struct of string fields (in declaration order) whose String method,
/// if any (`methods` names it), has a pointer receiver: an action prints
/// `printed`, a function's copy prints as Go prints the struct's values.
class StringStruct : public gotmpl::Object {
 public:
  StringStruct(std::string type, std::vector<std::pair<std::string, std::string>> fields,
               std::string printed, std::vector<std::string> methods)
      : type_(std::move(type)),
        fields_(fields.begin(), fields.end()),
        printed_(std::move(printed)),
        methods_(std::move(methods)) {
    for (const auto& [name, value] : fields) text_ += (text_.empty() ? "{" : " ") + value;
    text_ += "}";
  }
  [[nodiscard]] std::string typeName() const override { return type_; }
  [[nodiscard]] std::optional<Value> field(std::string_view name) const override {
    const auto found = fields_.find(name);
    if (found == fields_.end()) return std::nullopt;
    return Value::string(found->second);
  }
  [[nodiscard]] std::optional<Function> method(std::string_view name) const override {
    if (std::find(methods_.begin(), methods_.end(), name) == methods_.end()) return std::nullopt;
    const std::string text = printed_;
    return Function{{}, false, [text](CallContext&, Args&) { return Value::string(text); }};
  }
  [[nodiscard]] std::string text() const override { return text_; }
  [[nodiscard]] std::string printedText() const override { return printed_; }

 private:
  std::string type_;
  std::map<std::string, std::string, std::less<>> fields_;
  std::string printed_;
  std::string text_;
  std::vector<std::string> methods_;
};

class Capabilities : public gotmpl::Object {
 public:
  Capabilities(Value kube, Value apis, Value helm)
      : kube_(std::move(kube)), apis_(std::move(apis)), helm_(std::move(helm)) {}
  [[nodiscard]] std::string typeName() const override { return "*chartutil.Capabilities"; }
  [[nodiscard]] std::optional<Value> field(std::string_view name) const override {
    if (name == "KubeVersion") return kube_;
    if (name == "APIVersions") return apis_;
    if (name == "HelmVersion") return helm_;
    return std::nullopt;
  }
  [[nodiscard]] std::string text() const override {
    return "&{" + kube_.asObject().text() + " " + gotmpl::goJson(apis_) + " " +
           helm_.asObject().text() + "}";
  }

 private:
  Value kube_;
  Value apis_;
  Value helm_;
};

// gobwas/glob: one pattern element at a time.
bool matchFrom(std::string_view pattern, std::string_view name) {
  while (!pattern.empty()) {
    const char c = pattern[0];
    if (c == '*') {
      const bool super = pattern.size() > 1 && pattern[1] == '*';
      const std::string_view rest = pattern.substr(super ? 2 : 1);
      for (std::size_t i = 0; i <= name.size(); ++i) {
        if (matchFrom(rest, name.substr(i))) return true;
        if (i < name.size() && !super && name[i] == '/') return false;
      }
      return false;
    }
    if (c == '{') {
      const std::size_t close = pattern.find('}');
      if (close == std::string_view::npos) return false;
      const std::string_view options = pattern.substr(1, close - 1);
      const std::string_view rest = pattern.substr(close + 1);
      std::size_t at = 0;
      for (;;) {
        const std::size_t comma = options.find(',', at);
        const std::string alternative(options.substr(
            at, comma == std::string_view::npos ? std::string_view::npos : comma - at));
        if (matchFrom(alternative + std::string(rest), name)) return true;
        if (comma == std::string_view::npos) return false;
        at = comma + 1;
      }
    }
    if (name.empty()) return false;
    if (c == '?') {
      if (name[0] == '/') return false;
    } else if (c == '[') {
      const std::size_t close = pattern.find(']', 1);
      if (close == std::string_view::npos) return false;
      std::string_view set = pattern.substr(1, close - 1);
      const bool negate = !set.empty() && set[0] == '!';
      if (negate) set.remove_prefix(1);
      bool in = false;
      for (std::size_t i = 0; i < set.size(); ++i) {
        if (i + 2 < set.size() && set[i + 1] == '-') {
          in = in || (name[0] >= set[i] && name[0] <= set[i + 2]);
          i += 2;
        } else {
          in = in || name[0] == set[i];
        }
      }
      if (in == negate) return false;
      pattern.remove_prefix(close);
    } else if (c == '\\' && pattern.size() > 1) {
      pattern.remove_prefix(1);
      if (name[0] != pattern[0]) return false;
    } else if (c != name[0]) {
      return false;
    }
    pattern.remove_prefix(1);
    name.remove_prefix(1);
  }
  return name.empty();
}

}  // namespace

bool globMatch(std::string_view pattern, std::string_view name) {
  return matchFrom(pattern, name);
}

Value filesValue(Files files) {
  auto data = std::make_shared<gotmpl::MapData>();
  data->elem = ElemType::kString;
  data->type_name = "engine.files";
  data->methods = filesMethod;
  for (auto& [path, content] : files)
    data->entries.emplace(path, Value::string(std::move(content)));
  return Value::sharedMap(std::move(data));
}

// The build of helm v3.17.2, whose rendering this reproduces.
constexpr const char* kHelmGitCommit = "cc0bbbd6d6276b83880042c1ecb34087e84d41eb";
constexpr const char* kHelmGoVersion = "go1.23.7";

Value capabilitiesValue(const KubeVersion& kube_version, std::vector<std::string> api_versions,
                        const std::string& helm_version) {
  const Value kube = Value::object(std::make_shared<StringStruct>(
      "chartutil.KubeVersion",
      std::vector<std::pair<std::string, std::string>>{{"Version", kube_version.version},
                                                       {"Major", kube_version.major},
                                                       {"Minor", kube_version.minor}},
      kube_version.version, std::vector<std::string>{"String", "GitVersion"}));
  auto list = std::make_shared<gotmpl::ListData>();
  list->elem = ElemType::kString;
  list->type_name = "chartutil.VersionSet";
  for (auto& version : api_versions) list->items.push_back(Value::string(std::move(version)));
  list->methods = [](const Value& self, std::string_view name) -> std::optional<Function> {
    if (name != "Has") return std::nullopt;
    return method({Param::kString}, [self](CallContext&, Args& a) {
      for (const Value& item : self.asList().items) {
        if (item.asString() == a[0].asString()) return Value::boolean(true);
      }
      return Value::boolean(false);
    });
  };
  const Value helm = Value::object(std::make_shared<StringStruct>(
      "version.BuildInfo",
      std::vector<std::pair<std::string, std::string>>{{"Version", helm_version},
                                                       {"GitCommit", kHelmGitCommit},
                                                       {"GitTreeState", "clean"},
                                                       {"GoVersion", kHelmGoVersion}},
      "{" + helm_version + " " + kHelmGitCommit + " clean " + kHelmGoVersion + "}",
      std::vector<std::string>{}));
  return Value::object(
      std::make_shared<Capabilities>(kube, Value::sharedList(std::move(list)), helm));
}

std::vector<std::string> defaultApiVersions() {
  // chartutil.DefaultVersionSet of helm v3.17.2 (client-go v0.32), in its order.
  return {"v1",
          "admissionregistration.k8s.io/v1",
          "admissionregistration.k8s.io/v1alpha1",
          "admissionregistration.k8s.io/v1beta1",
          "internal.apiserver.k8s.io/v1alpha1",
          "apps/v1",
          "apps/v1beta1",
          "apps/v1beta2",
          "authentication.k8s.io/v1",
          "authentication.k8s.io/v1alpha1",
          "authentication.k8s.io/v1beta1",
          "authorization.k8s.io/v1",
          "authorization.k8s.io/v1beta1",
          "autoscaling/v1",
          "autoscaling/v2",
          "autoscaling/v2beta1",
          "autoscaling/v2beta2",
          "batch/v1",
          "batch/v1beta1",
          "certificates.k8s.io/v1",
          "certificates.k8s.io/v1beta1",
          "certificates.k8s.io/v1alpha1",
          "coordination.k8s.io/v1alpha2",
          "coordination.k8s.io/v1beta1",
          "coordination.k8s.io/v1",
          "discovery.k8s.io/v1",
          "discovery.k8s.io/v1beta1",
          "events.k8s.io/v1",
          "events.k8s.io/v1beta1",
          "extensions/v1beta1",
          "flowcontrol.apiserver.k8s.io/v1",
          "flowcontrol.apiserver.k8s.io/v1beta1",
          "flowcontrol.apiserver.k8s.io/v1beta2",
          "flowcontrol.apiserver.k8s.io/v1beta3",
          "networking.k8s.io/v1",
          "networking.k8s.io/v1alpha1",
          "networking.k8s.io/v1beta1",
          "node.k8s.io/v1",
          "node.k8s.io/v1alpha1",
          "node.k8s.io/v1beta1",
          "policy/v1",
          "policy/v1beta1",
          "rbac.authorization.k8s.io/v1",
          "rbac.authorization.k8s.io/v1beta1",
          "rbac.authorization.k8s.io/v1alpha1",
          "resource.k8s.io/v1beta1",
          "resource.k8s.io/v1alpha3",
          "scheduling.k8s.io/v1alpha1",
          "scheduling.k8s.io/v1beta1",
          "scheduling.k8s.io/v1",
          "storage.k8s.io/v1beta1",
          "storage.k8s.io/v1",
          "storage.k8s.io/v1alpha1",
          "storagemigration.k8s.io/v1alpha1",
          "apiextensions.k8s.io/v1beta1",
          "apiextensions.k8s.io/v1"};
}

KubeVersion parseKubeVersion(std::string_view text) {
  const std::string version(text);
  if (!gotmpl::isSemver(version)) {
    throw Error(ErrorCode::kInvalidArgument,
                "invalid kube version '" + version + "': Invalid Semantic Version",
                "The version is not a semantic version.",
                "Give a Kubernetes version such as 1.30.0 or v1.30.");
  }
  std::string_view rest = text;
  if (!rest.empty() && (rest[0] == 'v' || rest[0] == 'V')) rest.remove_prefix(1);
  const std::size_t suffix_at = rest.find_first_of("-+");
  const std::string_view suffix =
      suffix_at == std::string_view::npos ? std::string_view() : rest.substr(suffix_at);
  std::string_view core = rest.substr(0, suffix_at);
  std::string parts[3] = {"0", "0", "0"};
  for (std::string& part : parts) {
    const std::size_t dot = core.find('.');
    if (core.empty()) break;
    // Masterminds/semver reads each part as a number: "01" is 1.
    std::string digits(core.substr(0, dot));
    digits.erase(0, std::min(digits.find_first_not_of('0'), digits.size() - 1));
    part = digits;
    core = dot == std::string_view::npos ? std::string_view() : core.substr(dot + 1);
  }
  return {"v" + parts[0] + "." + parts[1] + "." + parts[2] + std::string(suffix), parts[0],
          parts[1]};
}

}  // namespace meshery::helm
