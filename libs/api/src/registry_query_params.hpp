#pragma once

// Private to libs/api: the query parameters every registry read route shares,
// parsed and validated in one place.

#include <string>

#include "meshery/http/message.hpp"
#include "meshery/registry/query.hpp"

namespace meshery::api {

/// The parsed query of a registry list request.
struct RegistryParams {
  registry::ListOptions list;        ///< search, annotations, status, order, sort, page
  std::string version;               ///< `version`: the model's upstream version
  std::string api_version;           ///< `apiVersion`: exact `component.version`
  bool trim = false;                 ///< `trim=true`: components without `component.schema`
  bool embed_components = false;     ///< `components=true` on model lists
  bool embed_relationships = false;  ///< `relationships=true` on model lists
};

/// Reads `page`, `pagesize`/`pageSize`, `search`, `order`, `sort`, `version`,
/// `apiVersion`, `annotations`, `status`, `trim`, `components` and
/// `relationships`. Throws Error(kMalformedInput, 400) naming the parameter for a
/// value Meshery's clients never send (e.g. `pagesize=-3`, `sort=up`).
RegistryParams parseRegistryParams(const http::Request& request);

}  // namespace meshery::api
