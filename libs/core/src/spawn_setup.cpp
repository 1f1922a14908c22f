#include "meshery/core/spawn_setup.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <initializer_list>

namespace meshery {

SpawnSetup::SpawnSetup(int stdout_fd, int stderr_fd) {
  ::posix_spawn_file_actions_init(&actions_);
  ::posix_spawn_file_actions_addopen(&actions_, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_adddup2(&actions_, stdout_fd, STDOUT_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions_, stderr_fd, STDERR_FILENO);
  ::posix_spawn_file_actions_addclosefrom_np(&actions_, STDERR_FILENO + 1);
  ::posix_spawnattr_init(&attributes_);
  sigset_t mask;
  sigemptyset(&mask);
  ::posix_spawnattr_setsigmask(&attributes_, &mask);
  sigset_t defaults;
  sigemptyset(&defaults);
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP, SIGPIPE, SIGQUIT, SIGCHLD})
    sigaddset(&defaults, signal_number);
  ::posix_spawnattr_setsigdefault(&attributes_, &defaults);
  ::posix_spawnattr_setflags(&attributes_,
                             POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
}

SpawnSetup::~SpawnSetup() {
  ::posix_spawn_file_actions_destroy(&actions_);
  ::posix_spawnattr_destroy(&attributes_);
}

}  // namespace meshery
