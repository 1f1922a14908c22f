#pragma once

// Private: which model an entity belongs to, and how model versions order.

#include <string_view>

#include "meshery/registry/model.hpp"
#include "meshery/registry/types.hpp"

namespace meshery::registry::detail {

/// True when `ref` names `model`: same name and, where `ref` gives them, the
/// same upstream version, definition version and registrant kind (ignoring case).
bool belongsTo(const ModelRef& ref, const Model& model);

/// Orders versions such as "v1.35.0", "1.2" and "0.7.1-rc.1" by their numeric
/// parts (a leading "v" ignored); non-numeric parts compare as text.
/// Negative, zero or positive like strcmp.
int compareVersions(std::string_view left, std::string_view right);

}  // namespace meshery::registry::detail
