#pragma once
// The one way GL is included: glad's loader first, then nothing else of GL may come before it.
#include <glad/gl.h>
