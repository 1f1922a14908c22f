#pragma once

// multipart/form-data request bodies (RFC 7578): Meshery's uploads (a
// kubeconfig as `k8sfile`) arrive that way.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace meshery::http {

struct FormPart {
  std::string name;          ///< Content-Disposition's name
  std::string filename;      ///< its filename, when a file
  std::string content_type;  ///< the part's Content-Type, if given
  std::string body;
};

/// The parts of a multipart/form-data body, given the request's
/// Content-Type (with its boundary). Error(kMalformedInput) when the
/// Content-Type names no boundary or the body does not follow it.
std::vector<FormPart> parseMultipart(std::string_view content_type, std::string_view body);

/// The first part named `name`.
std::optional<FormPart> formPart(const std::vector<FormPart>& parts, std::string_view name);

}  // namespace meshery::http
