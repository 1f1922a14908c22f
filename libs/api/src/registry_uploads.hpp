#pragma once

// Private to libs/api: turning what a client sends to the registry (a file
// in a JSON body, a raw body, or a URL) into files the importers read.

#include <string>
#include <vector>

#include "meshery/http/message.hpp"
#include "meshery/registry/model_import.hpp"

namespace meshery::api {

/// A file as uploaded or downloaded, before it is unpacked.
struct Upload {
  std::string name;   ///< file name as given ("model.tar.gz"), or derived from the URL
  std::string bytes;
};

/// Downloads `url` (http or https only) within the registry's bounds: 64 MiB
/// and 60 s. Throws Error(kInvalidArgument) for another scheme and what the
/// fetch throws (kTimeout, kPayloadTooLarge, kNotFound, kUnavailable).
Upload download(const std::string& url);

/// Decodes Meshery's `modelFile`: base64 text, optionally as a data URL
/// ("data:application/gzip;base64,…"). Throws Error(kMalformedInput) naming `field`.
std::string decodeUploadedFile(const nlohmann::json& value, std::string_view field);

/// The files an upload holds: the entries of a tar or tar.gz archive (bounded:
/// 20,000 entries, 16 MiB each, 512 MiB in all; hostile paths refused), or the
/// upload itself as one file (named `.json` or `.yaml` by its first byte when
/// its name says neither).
std::vector<registry::FileEntry> filesOf(Upload upload);

}  // namespace meshery::api
