#include "meshery/kube/kubeconfig.hpp"

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "meshery/core/base64.hpp"
#include "meshery/core/error.hpp"
#include "meshery/yaml/yaml.hpp"

namespace meshery::kube {
namespace {

using nlohmann::json;

Error malformed(const std::string& where, const std::string& problem) {
  return Error(ErrorCode::kMalformedInput, "kubeconfig: " + where + ": " + problem,
               "the kubeconfig is not one kubectl would read",
               "check it with `kubectl config view --kubeconfig FILE`");
}

/// Reads the string `key` of `object` ("" when absent or null).
std::string text(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return {};
  if (!found->is_string()) throw malformed(where, std::string(key) + " must be a string");
  return found->get<std::string>();
}

bool flag(const json& object, const char* key, const std::string& where) {
  const auto found = object.find(key);
  if (found == object.end() || found->is_null()) return false;
  if (!found->is_boolean()) throw malformed(where, std::string(key) + " must be true or false");
  return found->get<bool>();
}

/// A `-data` field: base64 in the file, the bytes it encodes here.
std::string data(const json& object, const char* key, const std::string& where) {
  const std::string encoded = text(object, key, where);
  if (encoded.empty()) return {};
  auto decoded = decodeBase64(encoded);
  if (!decoded) throw malformed(where, std::string(key) + " is not base64");
  return std::move(*decoded);
}

/// The named entries of a list ("clusters", "users", "contexts"): each
/// {name, <body>}; a repeated name is an error.
template <typename Each>
void namedEntries(const json& config, const char* list, const char* body, Each each) {
  const auto found = config.find(list);
  if (found == config.end() || found->is_null()) return;
  if (!found->is_array()) throw malformed(list, "must be a list");
  std::set<std::string> names;
  for (const json& entry : *found) {
    if (!entry.is_object()) throw malformed(list, "each entry must be a mapping");
    const std::string name = text(entry, "name", list);
    if (name.empty()) throw malformed(list, "an entry has no name");
    if (!names.insert(name).second)
      throw malformed(list, "duplicate name \"" + name + "\" in the list");
    const auto content = entry.find(body);
    static const json kEmpty = json::object();
    if (content != entry.end() && !content->is_null() && !content->is_object())
      throw malformed(std::string(list) + " \"" + name + "\"", std::string(body) + " must be a mapping");
    each(name, content == entry.end() || content->is_null() ? kEmpty : *content);
  }
}

/// The first of `keys` that `object` sets, or "".
std::string firstSet(const json& object, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto found = object.find(key);
    if (found != object.end() && !found->is_null()) return key;
  }
  return {};
}

ExecPlugin execPlugin(const json& exec, const std::string& where) {
  ExecPlugin plugin;
  plugin.command = text(exec, "command", where);
  plugin.api_version = text(exec, "apiVersion", where);
  plugin.install_hint = text(exec, "installHint", where);
  plugin.provide_cluster_info = flag(exec, "provideClusterInfo", where);
  plugin.interactive_mode = text(exec, "interactiveMode", where);
  if (const auto args = exec.find("args"); args != exec.end() && !args->is_null()) {
    if (!args->is_array()) throw malformed(where, "exec args must be a list");
    for (const json& arg : *args) {
      if (!arg.is_string()) throw malformed(where, "exec args must be strings");
      plugin.args.push_back(arg.get<std::string>());
    }
  }
  if (const auto env = exec.find("env"); env != exec.end() && !env->is_null()) {
    if (!env->is_array()) throw malformed(where, "exec env must be a list");
    for (const json& variable : *env) {
      if (!variable.is_object()) throw malformed(where, "exec env entries must be mappings");
      plugin.env.emplace_back(text(variable, "name", where), text(variable, "value", where));
    }
  }
  return plugin;
}

KubeUser userOf(const std::string& name, const json& body) {
  const std::string where = "user \"" + name + "\"";
  KubeUser user;
  user.name = name;
  user.client_certificate = text(body, "client-certificate", where);
  user.client_certificate_data = data(body, "client-certificate-data", where);
  user.client_key = text(body, "client-key", where);
  user.client_key_data = data(body, "client-key-data", where);
  user.token = text(body, "token", where);
  user.token_file = text(body, "tokenFile", where);
  user.username = text(body, "username", where);
  user.password = text(body, "password", where);
  if (const auto exec = body.find("exec"); exec != body.end() && !exec->is_null()) {
    if (!exec->is_object()) throw malformed(where, "exec must be a mapping");
    user.exec = execPlugin(*exec, where);
  }
  user.unsupported = firstSet(body, {"auth-provider", "as", "as-uid", "as-groups", "as-user-extra"});
  return user;
}

KubeCluster clusterOf(const std::string& name, const json& body) {
  const std::string where = "cluster \"" + name + "\"";
  KubeCluster cluster;
  cluster.name = name;
  cluster.server = text(body, "server", where);
  cluster.certificate_authority = text(body, "certificate-authority", where);
  cluster.certificate_authority_data = data(body, "certificate-authority-data", where);
  cluster.insecure_skip_tls_verify = flag(body, "insecure-skip-tls-verify", where);
  cluster.tls_server_name = text(body, "tls-server-name", where);
  cluster.unsupported = firstSet(body, {"proxy-url"});
  return cluster;
}

std::string readText(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    throw Error(ErrorCode::kNotFound, "cannot read " + file.string(),
                "the file does not exist or is not readable",
                "check the path, or embed the content in the kubeconfig (-data fields)");
  }
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

template <typename Entry>
const Entry* named(const std::vector<Entry>& entries, std::string_view name) {
  for (const Entry& entry : entries) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

std::string trimmed(std::string value) {
  const auto first = value.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  const auto last = value.find_last_not_of(" \t\r\n");
  return value.substr(first, last - first + 1);
}

/// Reads what the kubeconfig names as a file: relative to its directory;
/// refused for an upload (no directory), whose files would be the server's.
class FileReader {
 public:
  FileReader(const Kubeconfig& config, std::string context)
      : base_(config.base_directory), context_(std::move(context)) {}

  std::string read(const std::string& file, const std::string& what) const {
    if (base_.empty()) {
      throw Error(ErrorCode::kInvalidArgument,
                  "context \"" + context_ + "\": " + what + " names the file " + file,
                  "an uploaded kubeconfig cannot name files: they would be read on the server",
                  "embed them: kubectl config view --flatten --minify --context " + context_);
    }
    return readText(path(file));
  }

  [[nodiscard]] std::filesystem::path path(const std::string& file) const {
    const std::filesystem::path named_path(file);
    return named_path.is_absolute() ? named_path : base_ / named_path;
  }

 private:
  std::filesystem::path base_;
  std::string context_;
};

Error invalid(const std::string& context, const std::string& problem, const std::string& remedy) {
  return Error(ErrorCode::kInvalidArgument, "context \"" + context + "\": " + problem,
               "kubectl would refuse this context too", remedy);
}

void checkExec(const std::string& context, const KubeUser& user, bool exec_allowed) {
  const ExecPlugin& exec = *user.exec;
  const std::string who = "user \"" + user.name + "\"";
  if (!exec_allowed) {
    throw Error(ErrorCode::kInvalidArgument,
                "context \"" + context + "\": " + who + " authenticates with the exec plugin " +
                    exec.command,
                "running commands named by an uploaded kubeconfig is turned off on this server",
                "use a token or client certificate for this user, or let the server run exec "
                "plugins (docs/kubernetes.md)");
  }
  if (exec.command.empty())
    throw invalid(context, who + ": exec has no command", "name the plugin's command");
  if (exec.api_version.empty())
    throw invalid(context, who + ": exec has no apiVersion",
                  "set apiVersion: client.authentication.k8s.io/v1");
  if (exec.api_version != "client.authentication.k8s.io/v1" &&
      exec.api_version != "client.authentication.k8s.io/v1beta1") {
    throw invalid(context, who + ": exec apiVersion " + exec.api_version + " is not supported",
                  "use client.authentication.k8s.io/v1 (v1alpha1 was removed in Kubernetes 1.24)");
  }
  if (exec.api_version == "client.authentication.k8s.io/v1" && exec.interactive_mode.empty())
    throw invalid(context, who + ": exec interactiveMode must be set for apiVersion v1",
                  "set interactiveMode: Never (or IfAvailable)");
  if (exec.interactive_mode == "Always") {
    throw invalid(context, who + ": the exec plugin needs a terminal (interactiveMode: Always)",
                  "use a plugin that can run without prompting (interactiveMode: Never)");
  }
  if (!exec.interactive_mode.empty() && exec.interactive_mode != "Never" &&
      exec.interactive_mode != "IfAvailable")
    throw invalid(context, who + ": exec interactiveMode " + exec.interactive_mode + " is unknown",
                  "use Never, IfAvailable or Always");
  for (const auto& [name, value] : exec.env) {
    if (name.empty()) throw invalid(context, who + ": an exec env entry has no name", "name it");
  }
}

}  // namespace

const KubeCluster* Kubeconfig::cluster(std::string_view name) const {
  return named(clusters, name);
}
const KubeUser* Kubeconfig::user(std::string_view name) const { return named(users, name); }
const KubeContext* Kubeconfig::context(std::string_view name) const {
  return named(contexts, name);
}

Kubeconfig parseKubeconfig(std::string_view text_in, std::filesystem::path base_directory) {
  const json config = yaml::parse(text_in);
  if (!config.is_object()) throw malformed("the document", "must be a mapping (kind: Config)");
  const std::string kind = text(config, "kind", "the document");
  if (!kind.empty() && kind != "Config")
    throw malformed("the document", "kind is " + kind + ", not Config");
  const std::string version = text(config, "apiVersion", "the document");
  if (!version.empty() && version != "v1")
    throw malformed("the document", "apiVersion is " + version + ", not v1");
  Kubeconfig parsed;
  parsed.base_directory = std::move(base_directory);
  parsed.current_context = text(config, "current-context", "the document");
  namedEntries(config, "clusters", "cluster", [&](const std::string& name, const json& body) {
    parsed.clusters.push_back(clusterOf(name, body));
  });
  namedEntries(config, "users", "user", [&](const std::string& name, const json& body) {
    parsed.users.push_back(userOf(name, body));
  });
  namedEntries(config, "contexts", "context", [&](const std::string& name, const json& body) {
    const std::string where = "context \"" + name + "\"";
    parsed.contexts.push_back(
        {name, text(body, "cluster", where), text(body, "user", where), text(body, "namespace", where)});
  });
  return parsed;
}

Kubeconfig loadKubeconfig(const std::filesystem::path& file) {
  const std::filesystem::path absolute = std::filesystem::absolute(file);
  return parseKubeconfig(readText(absolute), absolute.parent_path());
}

ResolvedContext resolveContext(const Kubeconfig& config, std::string_view context_name,
                               bool exec_allowed) {
  const std::string name(context_name.empty() ? config.current_context : context_name);
  if (name.empty()) {
    throw Error(ErrorCode::kNotFound, "the kubeconfig has no current context",
                "no context was named and current-context is not set",
                "name a context, or set one with `kubectl config use-context NAME`");
  }
  const KubeContext* context = config.context(name);
  if (context == nullptr) {
    std::string known;
    for (const KubeContext& each : config.contexts) known += (known.empty() ? "" : ", ") + each.name;
    throw Error(ErrorCode::kNotFound, "context \"" + name + "\" is not in the kubeconfig",
                "the kubeconfig defines " + (known.empty() ? "no contexts" : "only " + known),
                "name one of its contexts");
  }
  const KubeCluster* cluster = config.cluster(context->cluster);
  if (cluster == nullptr) {
    throw Error(ErrorCode::kNotFound,
                "context \"" + name + "\" names cluster \"" + context->cluster +
                    "\", which the kubeconfig does not define",
                "the clusters list has no entry of that name",
                "add the cluster, or point the context at one of the defined clusters");
  }
  if (cluster->server.empty())
    throw invalid(name, "cluster \"" + cluster->name + "\" has no server", "set its server URL");
  if (!cluster->unsupported.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "context \"" + name + "\": cluster \"" + cluster->name + "\" sets " +
                    cluster->unsupported,
                "connections through a proxy are not supported",
                "reach the API server directly, or remove " + cluster->unsupported);
  }
  ResolvedContext resolved;
  resolved.context = name;
  resolved.namespace_ = context->namespace_.empty() ? "default" : context->namespace_;
  resolved.cluster = *cluster;
  const FileReader files(config, name);
  if (resolved.cluster.certificate_authority_data.empty() &&
      !resolved.cluster.certificate_authority.empty())
    resolved.cluster.certificate_authority_data =
        files.read(cluster->certificate_authority, "certificate-authority");
  if (context->user.empty()) return resolved;  // anonymous, as kubectl allows
  const KubeUser* user = config.user(context->user);
  if (user == nullptr) {
    throw Error(ErrorCode::kNotFound,
                "context \"" + name + "\" names user \"" + context->user +
                    "\", which the kubeconfig does not define",
                "the users list has no entry of that name",
                "add the user, or point the context at one of the defined users");
  }
  if (!user->unsupported.empty()) {
    throw Error(ErrorCode::kInvalidArgument,
                "context \"" + name + "\": user \"" + user->name + "\" uses " + user->unsupported,
                user->unsupported == "auth-provider"
                    ? "auth-provider plugins (gcp, azure, oidc) were removed from kubectl"
                    : "impersonation is not supported",
                user->unsupported == "auth-provider"
                    ? "use the provider's exec plugin (gke-gcloud-auth-plugin, kubelogin)"
                    : "use the impersonated identity's own credentials");
  }
  KubeUser& credentials = resolved.user = *user;
  if (credentials.client_certificate_data.empty() && !credentials.client_certificate.empty())
    credentials.client_certificate_data = files.read(user->client_certificate, "client-certificate");
  if (credentials.client_key_data.empty() && !credentials.client_key.empty())
    credentials.client_key_data = files.read(user->client_key, "client-key");
  if (credentials.client_certificate_data.empty() != credentials.client_key_data.empty()) {
    throw invalid(name, "user \"" + user->name + "\" has a client certificate without its key, "
                        "or a key without its certificate",
                  "give both client-certificate(-data) and client-key(-data)");
  }
  if (credentials.token.empty() && !credentials.token_file.empty())
    credentials.token = trimmed(files.read(user->token_file, "tokenFile"));
  std::vector<std::string> methods;
  if (!credentials.token.empty()) methods.emplace_back("token");
  if (!credentials.username.empty() || !credentials.password.empty()) methods.emplace_back("basicAuth");
  if (credentials.exec) methods.emplace_back("exec");
  if (methods.size() > 1) {
    std::string found;
    for (const std::string& method : methods) found += (found.empty() ? "" : " ") + method;
    throw invalid(name, "user \"" + user->name + "\" has more than one authentication method: [" +
                            found + "]",
                  "keep only one of token, username/password and exec");
  }
  if (credentials.exec) {
    checkExec(name, credentials, exec_allowed);
    // A command with a path separator is a file, relative to the kubeconfig.
    if (credentials.exec->command.find('/') != std::string::npos && !config.base_directory.empty())
      credentials.exec->command = files.path(credentials.exec->command).string();
  }
  return resolved;
}

}  // namespace meshery::kube
