#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "meshery/store/store.hpp"

namespace meshery::store {

/// The concrete stores behind openStore(); only the factory names them.
std::unique_ptr<Store> openSqliteStore(const std::filesystem::path& path);
/// `url` is a libpq connection URI (postgres:// or postgresql://).
std::unique_ptr<Store> openPostgresStore(const std::string& url);

}  // namespace meshery::store
