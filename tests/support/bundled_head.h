#pragma once
// The bundled head, imported once per test program and shared by its tests.
#include "core/mesh.h"

namespace smp::test {

const Mesh& bundled_head();

}  // namespace smp::test
