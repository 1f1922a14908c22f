# Version and commit of this build, compiled into libs/core (build_info.cpp).
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  OUTPUT_VARIABLE MESHERY_COMMIT_SHA OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT MESHERY_COMMIT_SHA)
  set(MESHERY_COMMIT_SHA "unknown")
endif()
set(MESHERY_RELEASE_CHANNEL "stable" CACHE STRING "Release channel reported by /api/system/version")
set(MESHERY_VERSION "v${PROJECT_VERSION}")
