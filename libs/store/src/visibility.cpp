#include <string>

#include "meshery/core/error.hpp"
#include "meshery/store/store.hpp"

namespace meshery::store {

std::string_view toString(Visibility visibility) {
  switch (visibility) {
    case Visibility::kPrivate:
      return "private";
    case Visibility::kPublic:
      return "public";
    case Visibility::kPublished:
      return "published";
  }
  return "private";
}

Visibility parseVisibility(std::string_view text) {
  if (text == "private") return Visibility::kPrivate;
  if (text == "public") return Visibility::kPublic;
  if (text == "published") return Visibility::kPublished;
  throw Error(ErrorCode::kInvalidArgument, "unknown visibility '" + std::string(text) + "'",
              "visibility names who may see an entity", "use one of: private, public, published");
}

}  // namespace meshery::store
