# Third-party packages, all from Debian bookworm (scripts/bootstrap installs them).

find_package(Threads REQUIRED)
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS system)
find_package(OpenSSL REQUIRED)
find_package(LibArchive REQUIRED)
find_package(nlohmann_json 3.11 REQUIRED)
# simdjson parses model files for the registry's import and checks design
# documents before the SQLite store writes them.
find_package(simdjson 3.0 REQUIRED)
find_package(yaml-cpp REQUIRED)
find_package(SQLite3 REQUIRED)
find_package(CLI11 REQUIRED)
find_package(fmt REQUIRED)
find_package(spdlog REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(PQXX REQUIRED IMPORTED_TARGET libpqxx)
pkg_check_modules(RE2 REQUIRED IMPORTED_TARGET re2)
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)

# valijson is header-only; scripts/bootstrap unpacks libvalijson-dev into
# .cache/valijson (installing the package would pull in ~65 others).
find_path(VALIJSON_INCLUDE_DIR valijson/validator.hpp
  PATHS ${PROJECT_SOURCE_DIR}/.cache/valijson/usr/include /usr/include NO_DEFAULT_PATH)
if(NOT VALIJSON_INCLUDE_DIR)
  message(FATAL_ERROR "valijson headers not found: run scripts/bootstrap "
                      "(it unpacks libvalijson-dev into .cache/valijson)")
endif()
add_library(valijson INTERFACE IMPORTED)
target_include_directories(valijson SYSTEM INTERFACE ${VALIJSON_INCLUDE_DIR})

if(MESHERY_BUILD_TESTS)
  find_package(GTest REQUIRED)
endif()
if(MESHERY_BUILD_BENCH)
  find_package(benchmark REQUIRED)
endif()
