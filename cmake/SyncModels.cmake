# cmake -P script: mirrors the authored model files of SOURCE_DIR into
# DESTINATION_DIR (the bundled models of a build tree), next to the generated
# ones. Files are copied only when their content changed; a file deleted from
# SOURCE_DIR since the previous run (as listed in MANIFEST) is deleted from
# DESTINATION_DIR too, so the build tree never serves a stale definition.
# Generated files that an authored file of the same path replaces are
# overwritten: authored data wins.
cmake_minimum_required(VERSION 3.25)

foreach(variable SOURCE_DIR DESTINATION_DIR MANIFEST)
  if(NOT DEFINED ${variable})
    message(FATAL_ERROR "SyncModels.cmake: -D${variable}=... is required")
  endif()
endforeach()

file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*")
list(SORT files)

if(EXISTS "${MANIFEST}")
  file(STRINGS "${MANIFEST}" previous)
  foreach(path IN LISTS previous)
    if(NOT path IN_LIST files)
      file(REMOVE "${DESTINATION_DIR}/${path}")
    endif()
  endforeach()
endif()

foreach(path IN LISTS files)
  get_filename_component(directory "${DESTINATION_DIR}/${path}" DIRECTORY)
  file(MAKE_DIRECTORY "${directory}")
  file(COPY_FILE "${SOURCE_DIR}/${path}" "${DESTINATION_DIR}/${path}" ONLY_IF_DIFFERENT)
endforeach()

list(JOIN files "\n" listing)
file(WRITE "${MANIFEST}" "${listing}\n")
