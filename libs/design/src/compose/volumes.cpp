// `volumes` and `tmpfs` → PersistentVolumeClaims, ConfigMaps (bind mounts of
// files given with the Compose file), emptyDir and hostPath volumes, as
// kompose maps them by default (and per `kompose.volume.type`).
#include "compose_project.hpp"
#include "compose_values.hpp"
#include "meshery/core/base64.hpp"

namespace meshery::design::compose {

namespace {

using nlohmann::json;

struct Mount {
  std::string source;  ///< named volume, host path, or empty (anonymous)
  std::string target;
  bool read_only = false;
  bool tmpfs = false;
};

bool isDriveLetter(const std::string& text) {
  return text.size() >= 2 && std::isalpha(static_cast<unsigned char>(text[0])) && text[1] == ':';
}

bool isHostPath(const std::string& source) {
  if (source.empty()) return false;
  const char first = source[0];
  return first == '/' || first == '.' || first == '~' || first == '\\' || isDriveLetter(source) ||
         source.find('/') != std::string::npos;
}

bool isRelativePath(const std::string& source) {
  return !source.empty() && source[0] != '/' && source[0] != '~' && source[0] != '\\' &&
         !isDriveLetter(source);
}

// "src:dst:mode", where Windows drive letters ("C:\data") keep their colon.
std::optional<Mount> shortMount(const std::string& text) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto colon = text.find(':', start);
    if (colon == std::string::npos) colon = text.size();
    std::string part = text.substr(start, colon - start);
    const bool drive = part.size() == 1 && std::isalpha(static_cast<unsigned char>(part[0])) &&
                       colon + 1 < text.size() &&
                       (text[colon + 1] == '\\' || text[colon + 1] == '/');
    if (drive) {
      auto next = text.find(':', colon + 1);
      if (next == std::string::npos) next = text.size();
      part = text.substr(start, next - start);
      colon = next;
    }
    parts.push_back(part);
    start = colon + 1;
  }
  Mount mount;
  if (parts.empty() || parts.size() > 3 || parts.back().empty()) return std::nullopt;
  if (parts.size() == 1) {
    mount.target = parts[0];
    return mount;
  }
  mount.source = parts[0];
  mount.target = parts[1];
  if (parts.size() == 3) {
    std::size_t at = 0;
    while (at <= parts[2].size()) {
      auto comma = parts[2].find(',', at);
      if (comma == std::string::npos) comma = parts[2].size();
      if (parts[2].substr(at, comma - at) == "ro") mount.read_only = true;
      at = comma + 1;
    }
  }
  return mount;
}

std::optional<Mount> longMount(const json& entry) {
  Mount mount;
  mount.target = scalarText(entry.value("target", json())).value_or("");
  mount.source = scalarText(entry.value("source", json())).value_or("");
  mount.read_only = booleanOf(entry.value("read_only", json(false))).value_or(false);
  mount.tmpfs = entry.value("type", json("")) == "tmpfs";
  if (mount.target.empty()) return std::nullopt;
  return mount;
}

class VolumeMapper {
 public:
  VolumeMapper(const Project& project, const Service& service, PodParts& pod)
      : project_(project), service_(service), pod_(pod) {
    type_ = service.label("kompose.volume.type").value_or("persistentVolumeClaim");
    if (type_ != "persistentVolumeClaim" && type_ != "emptyDir" && type_ != "hostPath" &&
        type_ != "configMap") {
      warn("kompose.volume.type \"" + type_ + "\" is not known; persistentVolumeClaim is used");
      type_ = "persistentVolumeClaim";
    }
  }

  void map(const Mount& mount) {
    if (mount.tmpfs) return tmpfs(mount.target);
    if (mount.source.empty())
      return claim(service_.name + "-claim" + std::to_string(claims_++), mount);
    if (!isHostPath(mount.source)) return named(mount);
    bind(mount);
  }

  void tmpfs(const std::string& target) {
    const std::string name = service_.name + "-tmpfs" + std::to_string(tmpfs_++);
    mountVolume(name, {{"mountPath", target}, {"name", name}},
                {{"name", name}, {"emptyDir", {{"medium", "Memory"}}}});
  }

 private:
  void warn(const std::string& message) { project_.diagnostics.warn(service_.subject, message); }

  void mountVolume(const std::string& name, json mount, json volume) {
    pod_.container["volumeMounts"].push_back(std::move(mount));
    for (const auto& existing : pod_.volumes) {
      if (existing["name"] == name) return;
    }
    pod_.volumes.push_back(std::move(volume));
  }

  json mountOf(const std::string& name, const Mount& mount, bool with_subpath) const {
    json result = {{"mountPath", mount.target}, {"name", name}};
    if (mount.read_only) result["readOnly"] = true;
    if (const auto subpath = service_.label("kompose.volume.subpath"); subpath && with_subpath) {
      result["subPath"] = *subpath;
    }
    return result;
  }

  void named(const Mount& mount) {
    const std::string name = kubernetesName(mount.source);
    const auto& declared = project_.section("volumes").value(mount.source, json());
    if (declared.is_object() &&
        booleanOf(declared.value("external", json(false))).value_or(false)) {
      warn("volume " + mount.source + " is external: a PersistentVolumeClaim named " + name +
           " must already exist");
      mountVolume(name, mountOf(name, mount, true),
                  {{"name", name}, {"persistentVolumeClaim", {{"claimName", name}}}});
      return;
    }
    if (!project_.section("volumes").contains(mount.source)) {
      warn("volume " + mount.source + " is not declared under top-level volumes");
    }
    claim(name, mount, declared);
  }

  void claim(const std::string& name, const Mount& mount, const json& declared = json()) {
    if (type_ == "emptyDir") {
      mountVolume(name, mountOf(name, mount, true), {{"name", name}, {"emptyDir", json::object()}});
      return;
    }
    if (type_ == "hostPath" && !mount.source.empty() && isHostPath(mount.source)) {
      mountVolume(name, mountOf(name, mount, false),
                  {{"name", name}, {"hostPath", {{"path", mount.source}}}});
      return;
    }
    mountVolume(name, mountOf(name, mount, true),
                {{"name", name}, {"persistentVolumeClaim", {{"claimName", name}}}});
    json pvc = objectOf("v1", "PersistentVolumeClaim", name);
    std::string size = service_.label("kompose.volume.size").value_or("");
    std::string storage_class = service_.label("kompose.volume.storage-class-name").value_or("");
    if (declared.is_object()) {
      for (const auto& [key, value] : keyValues(declared.value("labels", json()))) {
        if (key == "kompose.volume.size" && value && size.empty()) size = *value;
        if (key == "kompose.volume.storage-class-name" && value && storage_class.empty()) {
          storage_class = *value;
        }
      }
    }
    pvc["spec"] = {{"accessModes", {mount.read_only ? "ReadOnlyMany" : "ReadWriteOnce"}},
                   {"resources", {{"requests", {{"storage", size.empty() ? "100Mi" : size}}}}}};
    if (!storage_class.empty()) pvc["spec"]["storageClassName"] = storage_class;
    pod_.objects.push_back(std::move(pvc));
  }

  void bind(const Mount& mount) {
    if (mount.source.size() >= 5 && mount.source.ends_with(".sock")) {
      warn("bind mount of socket " + mount.source + " has no Kubernetes equivalent; skipped");
      return;
    }
    if (type_ == "hostPath") {
      warn("bind mount " + mount.source + " is a hostPath volume: the path must exist on the node");
      return claim(service_.name + "-hostpath" + std::to_string(hostpaths_++), mount);
    }
    if (type_ == "emptyDir") {
      warn("bind mount " + mount.source +
           " is an empty emptyDir volume: its content is not copied");
      return claim(service_.name + "-claim" + std::to_string(claims_++), mount);
    }
    if (isRelativePath(mount.source) && bindConfigMap(mount)) return;
    warn("bind mount " + mount.source + " is a PersistentVolumeClaim: its content is not copied" +
         (isRelativePath(mount.source) ? " (the path was not given with the Compose file)" : ""));
    claim(service_.name + "-claim" + std::to_string(claims_++), mount);
  }

  // A file or directory given with the Compose file becomes a ConfigMap.
  bool bindConfigMap(const Mount& mount) {
    const std::string path = cleanRelativePath(mount.source);
    const std::string name = service_.name + "-cm" + std::to_string(config_maps_);
    json config_map = objectOf("v1", "ConfigMap", name, service_.name);
    json volume = {{"name", name}, {"configMap", {{"name", name}}}};
    json volume_mount = mountOf(name, mount, false);
    if (const std::string* content = project_.file(path)) {
      putData(config_map, baseName(path), *content);
      config_map["metadata"]["annotations"] = {{"use-subpath", "true"}};
      volume["configMap"]["items"] = {{{"key", baseName(path)}, {"path", baseName(mount.target)}}};
      volume_mount["subPath"] = baseName(mount.target);
    } else {
      bool nested = false;
      const auto files = project_.directory(path, nested);
      if (!files) return false;
      for (const auto& [file, file_content] : *files) putData(config_map, file, *file_content);
      if (nested)
        warn("bind mount " + mount.source + ": files in its subdirectories are not copied");
    }
    ++config_maps_;
    warn("bind mount " + mount.source + " is ConfigMap " + name +
         ": a read-only copy of the files given with the Compose file");
    mountVolume(name, std::move(volume_mount), std::move(volume));
    pod_.objects.push_back(std::move(config_map));
    return true;
  }

  static void putData(json& config_map, const std::string& key, const std::string& content) {
    if (isText(content)) {
      config_map["data"][key] = content;
    } else {
      config_map["binaryData"][key] = encodeBase64(content);
    }
  }

  const Project& project_;
  const Service& service_;
  PodParts& pod_;
  std::string type_;
  int claims_ = 0;
  int config_maps_ = 0;
  int tmpfs_ = 0;
  int hostpaths_ = 0;
};

}  // namespace

void addVolumes(const Project& project, const Service& service, PodParts& pod) {
  pod.container["volumeMounts"] = json::array();
  VolumeMapper mapper(project, service, pod);
  if (const auto& volumes = service.field("volumes"); volumes.is_array()) {
    for (const auto& entry : volumes) {
      std::optional<Mount> mount;
      if (entry.is_object()) {
        mount = longMount(entry);
      } else if (entry.is_string()) {
        mount = shortMount(entry.get<std::string>());
      }
      if (!mount) {
        project.diagnostics.warn(service.subject,
                                 "volume " + entry.dump() + " is not valid; skipped");
        continue;
      }
      pod.has_storage = true;
      mapper.map(*mount);
    }
  }
  const auto& tmpfs = service.field("tmpfs");
  const json tmpfs_list = tmpfs.is_string() ? json::array({tmpfs}) : tmpfs;
  if (tmpfs_list.is_array()) {
    for (const auto& entry : tmpfs_list) {
      const auto text = scalarText(entry).value_or("");
      if (!text.empty()) mapper.tmpfs(text.substr(0, text.find(':')));
    }
  }
  addFileVolumes(project, service, pod);
  if (pod.container["volumeMounts"].empty()) pod.container.erase("volumeMounts");
}

}  // namespace meshery::design::compose
