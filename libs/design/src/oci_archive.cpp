// Designs as OCI image layouts (Meshery's "oci" export): written here,
// recognised and unpacked by the sanitize stage on import.
#include <optional>
#include <string>

#include "document_fields.hpp"
#include "meshery/archive/archive.hpp"
#include "meshery/design/export.hpp"
#include "pipeline.hpp"
#include "sha256.hpp"

namespace meshery::design {
namespace {

using nlohmann::json;

constexpr std::string_view kManifestType = "application/vnd.oci.image.manifest.v1+json";
constexpr std::string_view kIndexType = "application/vnd.oci.image.index.v1+json";
constexpr std::string_view kConfigType = "application/vnd.oci.image.config.v1+json";
constexpr std::string_view kLayerType = "application/vnd.oci.image.layer.v1.tar+gzip";
constexpr std::string_view kDesignFile = "design.yml";

struct Blob {
  std::string digest;  ///< "sha256:<hex>"
  std::string bytes;
};

Blob blobOf(std::string bytes) {
  return Blob{"sha256:" + detail::sha256Hex(bytes), std::move(bytes)};
}

json descriptorOf(std::string_view media_type, const Blob& blob) {
  return {{"mediaType", media_type}, {"digest", blob.digest}, {"size", blob.bytes.size()}};
}

Error notOci(const std::string& what) {
  return Error(ErrorCode::kMalformedInput, "cannot read the OCI image layout: " + what,
               "the archive has oci-layout and index.json but " + what,
               "export the design again as an OCI image (it holds design.yml in one layer)");
}

std::string blobPath(const std::string& digest) {
  if (!digest.starts_with("sha256:") || digest.size() != 7 + 64 ||
      digest.find_first_not_of("0123456789abcdef", 7) != std::string::npos) {
    throw notOci("the digest '" + digest + "' is not a sha256 digest");
  }
  return "blobs/sha256/" + digest.substr(7);
}

const std::string& blobBytes(const std::vector<detail::InputFile>& entries, const std::string& digest) {
  const std::string path = blobPath(digest);
  for (const auto& entry : entries) {
    if (entry.path != path) continue;
    if (detail::sha256Hex(entry.bytes) != digest.substr(7)) {
      throw notOci("blob " + digest + " does not match its digest");
    }
    return entry.bytes;
  }
  throw notOci("blob " + digest + " is missing");
}

json parseJsonBlob(const std::string& bytes, const std::string& what) {
  json document = json::parse(bytes, nullptr, false);
  if (!document.is_object()) throw notOci(what + " is not a JSON object");
  return document;
}

/// design.yml of a layer: a tar(.gz) holding it, or the YAML itself.
std::optional<detail::InputFile> designOfLayer(const std::string& bytes, const json& descriptor,
                                               const ImportLimits& limits) {
  if (archive::isArchive(bytes)) {
    archive::ReadLimits read_limits;
    read_limits.max_entries = limits.max_entries;
    read_limits.max_total_bytes = limits.max_unpacked_bytes;
    std::optional<detail::InputFile> yaml_file;
    for (auto& entry : archive::readArchive(bytes, read_limits)) {
      const bool design = entry.path == kDesignFile || entry.path.ends_with("/design.yml");
      if (design) return detail::InputFile{std::string(kDesignFile), std::move(entry.bytes)};
      if (!yaml_file && (entry.path.ends_with(".yml") || entry.path.ends_with(".yaml"))) {
        yaml_file = detail::InputFile{entry.path, std::move(entry.bytes)};
      }
    }
    return yaml_file;
  }
  const std::string title = detail::stringAt(descriptor, "annotations", "org.opencontainers.image.title");
  if (title.ends_with(".yml") || title.ends_with(".yaml")) return detail::InputFile{title, bytes};
  return std::nullopt;
}

}  // namespace

namespace detail {

std::optional<InputFile> designOfOciLayout(const std::vector<InputFile>& entries,
                                           const ImportLimits& limits) {
  const InputFile* index_file = nullptr;
  bool layout = false;
  for (const auto& entry : entries) {
    if (entry.path == "oci-layout") layout = true;
    if (entry.path == "index.json") index_file = &entry;
  }
  if (!layout || index_file == nullptr) return std::nullopt;
  json index = parseJsonBlob(index_file->bytes, "index.json");
  for (int depth = 0; depth < 4; ++depth) {
    auto manifests = index.find("manifests");
    if (manifests == index.end() || !manifests->is_array() || manifests->empty()) {
      throw notOci("its index lists no manifest");
    }
    const json& descriptor = manifests->front();
    json manifest = parseJsonBlob(blobBytes(entries, stringAt(descriptor, "digest")), "a manifest");
    if (manifest.contains("manifests")) {  // a nested index
      index = std::move(manifest);
      continue;
    }
    auto layers = manifest.find("layers");
    if (layers == manifest.end() || !layers->is_array()) throw notOci("its manifest has no layers");
    for (const auto& layer : *layers) {
      auto design = designOfLayer(blobBytes(entries, stringAt(layer, "digest")), layer, limits);
      if (design) return design;
    }
    throw notOci("no layer holds design.yml");
  }
  throw notOci("its indexes nest too deeply");
}

}  // namespace detail

std::string toOciArchive(const Design& design) {
  const std::string yaml = design.toYaml();
  std::vector<archive::Entry> layer_entries = {{std::string(kDesignFile), yaml}};
  const std::string uncompressed = archive::writeArchive(layer_entries, archive::Format::kTar);
  Blob layer = blobOf(archive::writeArchive(layer_entries, archive::Format::kTarGzip));
  json config_document = {
      {"architecture", ""},
      {"os", ""},
      {"config", json::object()},
      {"rootfs", {{"type", "layers"}, {"diff_ids", {"sha256:" + detail::sha256Hex(uncompressed)}}}}};
  Blob config = blobOf(config_document.dump());
  json layer_descriptor = descriptorOf(kLayerType, layer);
  layer_descriptor["annotations"] = {{"org.opencontainers.image.title", kDesignFile}};
  json manifest_document = {
      {"schemaVersion", 2},
      {"mediaType", kManifestType},
      {"config", descriptorOf(kConfigType, config)},
      {"layers", {layer_descriptor}},
      {"annotations",
       {{"org.opencontainers.image.title", design.name},
        {"org.opencontainers.image.version", design.version},
        {"io.meshery.design.id", design.id.toString()}}}};
  Blob manifest = blobOf(manifest_document.dump());
  json manifest_descriptor = descriptorOf(kManifestType, manifest);
  manifest_descriptor["annotations"] = {{"org.opencontainers.image.ref.name", design.version}};
  json index = {{"schemaVersion", 2}, {"mediaType", kIndexType}, {"manifests", {manifest_descriptor}}};
  std::vector<archive::Entry> entries;
  entries.push_back({"oci-layout", json{{"imageLayoutVersion", "1.0.0"}}.dump()});
  entries.push_back({"index.json", index.dump()});
  for (const Blob* blob : {&manifest, &config, &layer}) {
    entries.push_back({blobPath(blob->digest), blob->bytes});
  }
  return archive::writeArchive(entries, archive::Format::kTar);
}

}  // namespace meshery::design
