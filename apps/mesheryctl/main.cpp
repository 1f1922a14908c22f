// mesheryctl: the command line interface of Meshery. Commands, flags and
// their behaviour live in libs/cli; this file only hands over the arguments.
#include "meshery/cli/run.hpp"

int main(int argc, char** argv) { return meshery::cli::run(argc, argv); }
