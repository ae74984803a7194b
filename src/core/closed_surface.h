#pragma once
// Whether a mesh is a closed, outward-facing skin, so that a renderer may draw only the faces
// turned toward the camera: every face turned away is then hidden behind one turned toward it.
#include "core/mesh.h"

namespace smp {

// True when every edge joins two triangles wound the opposite way along it, apart from cracks of
// no width (runs of collinear edges left where a vertex sits on another triangle's edge, which
// reveal nothing behind them), and the triangles face out (the enclosed volume is positive).
// False for open scans (a neck cut, a face-only capture), inconsistent winding or inside-out
// meshes: those must be drawn from both sides.
bool is_closed_surface(const Mesh& mesh);

}  // namespace smp
