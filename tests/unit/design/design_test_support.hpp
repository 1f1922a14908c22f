#pragma once

// Shared by the design engine's tests: the registry of the bundled
// kubernetes model (v1.13.0, generated into the build tree) and file reading.

#include "support/meshery_test/kubernetes_registry.hpp"

namespace meshery::design::testing {

using meshery::testing::kubernetesRegistry;
using meshery::testing::readFile;

}  // namespace meshery::design::testing
