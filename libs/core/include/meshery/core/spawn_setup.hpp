#pragma once

// How the project starts child processes with posix_spawn: stdin from
// /dev/null, stdout and stderr to given descriptors, no other descriptor
// inherited, a session of its own (so that its whole group can be
// signalled), and default signal handling.

#include <spawn.h>

namespace meshery {

/// Owns the posix_spawn structures so that every exit path releases them.
class SpawnSetup {
 public:
  SpawnSetup(int stdout_fd, int stderr_fd);
  ~SpawnSetup();
  SpawnSetup(const SpawnSetup&) = delete;
  SpawnSetup& operator=(const SpawnSetup&) = delete;

  [[nodiscard]] const posix_spawn_file_actions_t* actions() const { return &actions_; }
  [[nodiscard]] const posix_spawnattr_t* attributes() const { return &attributes_; }

 private:
  posix_spawn_file_actions_t actions_{};
  posix_spawnattr_t attributes_{};
};

}  // namespace meshery
