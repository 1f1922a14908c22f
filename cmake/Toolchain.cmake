# Compiler launcher, linker and sanitizer settings shared by every target.

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  # Sloppiness: precompiled headers are safe to cache (ccache manual, "Precompiled
  # headers"). BASEDIR + NOHASHDIR: another clone of the tree (CI's) hits the
  # same cache entries, since paths under the source root are made relative.
  set(MESHERY_CCACHE_LAUNCHER ${CMAKE_COMMAND} -E env
      CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
      CCACHE_BASEDIR=${PROJECT_SOURCE_DIR} CCACHE_NOHASHDIR=true
      ${CCACHE_PROGRAM})
  set(CMAKE_CXX_COMPILER_LAUNCHER ${MESHERY_CCACHE_LAUNCHER})
endif()

find_program(LLD_PROGRAM ld.lld)
if(LLD_PROGRAM)
  add_link_options(-fuse-ld=lld)
  # GCC splits functions into hot and cold parts at -O2; lld 14 then loses
  # the unwind entries of some cold parts, and an exception thrown there
  # reaches std::terminate instead of its handler (seen in libs/gotmpl:
  # every template error aborted). Keep functions whole.
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    add_compile_options(-fno-reorder-blocks-and-partition)
  endif()
endif()

set(MESHERY_SANITIZE "" CACHE STRING "Sanitizers to build with, e.g. address,undefined")
if(MESHERY_SANITIZE)
  add_compile_options(-fsanitize=${MESHERY_SANITIZE} -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=${MESHERY_SANITIZE})
endif()

# Warnings for project code only; third-party headers are included as SYSTEM.
set(MESHERY_WARNINGS -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wold-style-cast
    -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough
    # GCC 12 reports false positives for these at -O2 in std::string code
    # (see ARCHITECTURE.md build notes; GCC bugs 105329, 105651).
    -Wno-restrict -Wno-array-bounds -Wno-maybe-uninitialized -Wno-missing-field-initializers)
if(MESHERY_WERROR)
  list(APPEND MESHERY_WARNINGS -Werror)
endif()
