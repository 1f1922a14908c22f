// meshery-server: REST API, web UI, registry, designs, connections and
// performance tests. Everything is wired in libs/server.
#include "meshery/server/main.hpp"

int main(int argc, char** argv) { return meshery::server::main(argc, argv); }
