#pragma once

namespace meshery::server {

/// meshery-server's whole life: reads flags, environment and configuration
/// file, opens the store, serves until SIGINT/SIGTERM, drains. Returns the
/// process exit code (0 after a clean stop, 2 for bad configuration, 1 otherwise).
int main(int argc, char** argv);

}  // namespace meshery::server
