# Version and commit of this build, compiled into libs/core (build_info.cpp).
execute_process(COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
  OUTPUT_VARIABLE MESHERY_COMMIT_SHA OUTPUT_STRIP_TRAILING_WHITESPACE ERROR_QUIET)
if(NOT MESHERY_COMMIT_SHA)
  set(MESHERY_COMMIT_SHA "unknown")
endif()
set(MESHERY_RELEASE_CHANNEL "stable" CACHE STRING "Release channel reported by /api/system/version")
set(MESHERY_VERSION "v${PROJECT_VERSION}")

# Re-configure when HEAD moves, so the commit reported by the build stays true.
if(EXISTS ${PROJECT_SOURCE_DIR}/.git/HEAD)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/.git/HEAD)
  file(READ ${PROJECT_SOURCE_DIR}/.git/HEAD MESHERY_GIT_HEAD)
  if(MESHERY_GIT_HEAD MATCHES "^ref: ([^\n]+)")
    set(MESHERY_GIT_REF ${PROJECT_SOURCE_DIR}/.git/${CMAKE_MATCH_1})
    if(EXISTS ${MESHERY_GIT_REF})
      set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${MESHERY_GIT_REF})
    endif()
  endif()
endif()
