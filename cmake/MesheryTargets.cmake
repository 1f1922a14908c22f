# meshery_library(<name> SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
# Creates meshery_<name> (alias meshery::<name>) from libs/<name>, with the
# project's warnings and include layout. Dependencies are PRIVATE unless a
# public header needs them: that is how the layer rules of ARCHITECTURE.md
# are kept (scripts/check-layers verifies the includes).
function(meshery_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS;PCH" ${ARGN})
  add_library(meshery_${name} STATIC ${ARG_SOURCES})
  add_library(meshery::${name} ALIAS meshery_${name})
  target_include_directories(meshery_${name}
    PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include
    PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
  target_compile_options(meshery_${name} PRIVATE ${MESHERY_WARNINGS})
  target_link_libraries(meshery_${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  if(ARG_PCH)
    target_precompile_headers(meshery_${name} PRIVATE ${ARG_PCH})
  endif()
endfunction()

# meshery_executable(<name> SOURCES ... DEPS ...)
function(meshery_executable name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${MESHERY_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS})
endfunction()

# meshery_test(<name> SOURCES ... DEPS ... [LABELS ...])
function(meshery_test name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;LABELS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_compile_options(${name} PRIVATE ${MESHERY_WARNINGS})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gmock GTest::gtest_main)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests)
  # Compiled in rather than passed through the environment: PROPERTIES takes
  # one value per property, so a list (a;b) would be cut at its first ';'.
  target_compile_definitions(${name} PRIVATE
    MESHERY_TEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}" MESHERY_TEST_BINARY_DIR="${PROJECT_BINARY_DIR}")
  list(LENGTH ARG_LABELS label_count)
  if(NOT label_count EQUAL 1)
    message(FATAL_ERROR "meshery_test(${name}): give exactly one label (unit, integration or e2e)")
  endif()
  gtest_discover_tests(${name} DISCOVERY_MODE PRE_TEST
    PROPERTIES LABELS "${ARG_LABELS}" ENVIRONMENT "MESHERY_BUILD_DIR=${PROJECT_BINARY_DIR}")
endfunction()
