#!/usr/bin/env python3
"""Builds the bundled head: the skin surface of the Colin27 MRI template (Debian's mricron-data,
templates/ch2.nii.gz) completed below the eyes with a sculpted lower face and neck, as a dense,
smooth, closed triangle mesh in millimetres in SMP Studio's frame (+Y up, +Z facing).

Why a completion: the template is cropped to the MNI brain box, which ends just below the eyes,
halfway down the ears and at the nose tip. The scalp, forehead, brows, eyes, upper nose and upper
ears are the real scan; the nose tip, lips, jaw, chin, ear lobes and neck are smooth shapes joined
to it with smooth signed-distance unions. The practitioner works on the scalp, which is all real.

Steps: threshold the MRI, keep the largest component, fill holes; signed distance; round the
template's cut edges; smooth-union the sculpted parts; blur the field so marching cubes sees no
voxel steps; marching cubes; Taubin smoothing; scale from the MNI template's enlarged space to a
57 cm head circumference. tools/simplify_mesh (meshoptimizer) then makes assets/head.ply;
tools/make_head runs both. Needs python3-numpy, python3-scipy, python3-skimage and mricron-data.
"""
import gzip
import struct
import sys

import numpy as np
from scipy import ndimage, sparse
from scipy.sparse import csgraph
from skimage import measure

SOURCE = "/usr/share/mricron/templates/ch2.nii.gz"
THRESHOLD = 45          # skin/air boundary; Otsu gives 49, a little lower keeps thin ears whole
CUT_Z = -64.0           # MNI z where the scan gives way to the sculpted lower face (template ends at -71)
CIRCUMFERENCE_MM = 570  # target head circumference above the brows (adult mean ~56-58 cm)
CIRCUMFERENCE_Z = 10.0  # MNI z of that measurement, above the brows and ears
BLUR_SIGMA = 1.2        # mm; removes voxel steps, keeps the eyes and brows
SCALP_BLUR_SIGMA = 2.5  # mm; removes the MRI's ripples from the scalp
SKIRT_R = 60.0          # mm; how fast the scan's outline curls inward below the cut
PAD = 4                 # voxels the cropped nose tip and ear rims are extended, tapering

# The working grid in MNI millimetres (x right, y anterior, z up), 1 mm voxels.
X0, X1, Y0, Y1, Z0, Z1 = -100, 100, -135, 118, -205, 112


def read_nifti(path):
    raw = gzip.open(path).read()
    dims = struct.unpack("<8h", raw[40:56])
    offset = int(struct.unpack("<f", raw[108:112])[0])
    srow = np.array(struct.unpack("<12f", raw[280:328])).reshape(3, 4)
    nx, ny, nz = dims[1:4]
    volume = np.frombuffer(raw[offset:offset + nx * ny * nz], dtype=np.uint8).reshape(nz, ny, nx)
    return volume.transpose(2, 1, 0).astype(np.float32), srow[:, 3]  # [x, y, z], origin in mm


def extend_tapering(mask, axis, side):
    """Grows a mask a few voxels past one face of its box, eroding each step: a cropped nose tip
    or ear rim becomes a rounded end instead of a flat cut."""
    edge = np.take(mask, -1 if side > 0 else 0, axis=axis)
    layers = [edge]
    for _ in range(PAD):
        layers.append(ndimage.binary_erosion(layers[-1], iterations=2))
    grown = np.stack(layers[1:], axis=axis)
    if side < 0:
        grown = np.flip(grown, axis=axis)
    return np.concatenate([mask, grown] if side > 0 else [grown, mask], axis=axis), (PAD if side < 0 else 0)


def scan_mask():
    volume, origin = read_nifti(SOURCE)
    mask = ndimage.gaussian_filter(volume, 0.7) > THRESHOLD
    labels, count = ndimage.label(mask)
    sizes = ndimage.sum(mask, labels, range(1, count + 1))
    mask = labels == (1 + int(np.argmax(sizes)))
    mask = ndimage.binary_closing(mask, iterations=3)
    for z in range(mask.shape[2]):                       # air pockets inside, slice by slice
        mask[:, :, z] = ndimage.binary_fill_holes(mask[:, :, z])
    mask = ndimage.binary_fill_holes(mask)
    origin = origin.copy()
    mask, shift = extend_tapering(mask, 1, +1)           # nose tip, cropped by the front of the box
    mask, shift = extend_tapering(mask, 0, -1)           # ear rims, cropped by the sides
    origin[0] -= shift
    mask, _ = extend_tapering(mask, 0, +1)
    return mask, origin


def place_in_grid(mask, origin):
    grid = np.zeros((X1 - X0, Y1 - Y0, Z1 - Z0), dtype=bool)
    i, j, k = int(origin[0] - X0), int(origin[1] - Y0), int(origin[2] - Z0)
    sx, sy, sz = mask.shape
    grid[i:i + sx, j:j + sy, k:k + sz] = mask[: grid.shape[0] - i, : grid.shape[1] - j, : grid.shape[2] - k]
    return grid


def signed_distance(mask):
    return (ndimage.distance_transform_edt(~mask) - ndimage.distance_transform_edt(mask)).astype(np.float32)


def smin(a, b, k):
    h = np.clip(0.5 + 0.5 * (b - a) / k, 0.0, 1.0)
    return b + (a - b) * h - k * h * (1.0 - h)


def smax(a, b, k):
    return -smin(-a, -b, k)


def ellipsoid(x, y, z, centre, radii):
    px, py, pz = (x - centre[0]) / radii[0], (y - centre[1]) / radii[1], (z - centre[2]) / radii[2]
    k0 = np.sqrt(px * px + py * py + pz * pz)
    k1 = np.sqrt((px / radii[0]) ** 2 + (py / radii[1]) ** 2 + (pz / radii[2]) ** 2)
    return k0 * (k0 - 1.0) / np.maximum(k1, 1e-6)


def neck(x, y, z):
    # An elliptic column that leans forward as it goes down, cut flat at the bottom.
    centre_y = -22.0 + 0.18 * np.maximum(-70.0 - z, 0.0)
    rx, ry = 62.0, 70.0
    px, py = x / rx, (y - centre_y) / ry
    k0 = np.sqrt(px * px + py * py)
    k1 = np.sqrt((px / rx) ** 2 + (py / ry) ** 2)
    column = k0 * (k0 - 1.0) / np.maximum(k1, 1e-6)
    column = smax(column, z - (CUT_Z + 20.0), 8.0)  # ends inside the head
    return smax(column, (Z0 + 8.0) - z, 3.0)


def lower_face(x, y, z):
    d = ellipsoid(x, y, z, (0, 26, -94), (62, 56, 32))                 # cheeks and upper jaw
    d = smin(d, ellipsoid(x, y, z, (0, 24, -124), (56, 58, 30)), 14)   # lower jaw
    d = smin(d, ellipsoid(x, y, z, (0, 68, -146), (25, 13, 14)), 16)   # chin
    d = smin(d, ellipsoid(x, y, z, (0, 80, -103), (21, 7, 6)), 7)      # upper lip
    d = smin(d, ellipsoid(x, y, z, (0, 78, -114), (18, 7.5, 5.5)), 6)  # lower lip
    # The mouth: a thin slit between the lips, deepest in the middle, fading at the corners.
    slit = ellipsoid(x, y, z, (0, 90, -108.5), (22, 16, 1.1))
    d = smax(d, -slit, 1.5)
    d = smin(d, ellipsoid(x, y, z, (0, 91, -79), (11, 11, 10)), 9)     # nose tip
    for side in (-1, 1):
        d = smin(d, ellipsoid(x, y, z, (side * 14, 81, -86), (8, 9, 7)), 5)  # nose wings
    return d


def ear(x, y, z, side):
    """A sculpted outer ear: the template crops the ears at its sides and bottom, keeping only
    the concha. A flat, tilted shell (62 x 34 mm) with a bowl on its outer face."""
    cx, cy, cz = side * 86.0, -38.0, -52.0
    px, py, pz = side * (x - cx), y - cy, z - cz
    flare, lean = np.radians(22.0), np.radians(14.0)   # back edge away from the head; top leans back
    qx = px * np.cos(flare) + py * np.sin(flare)
    qy = -px * np.sin(flare) + py * np.cos(flare)
    ry = qy * np.cos(lean) - pz * np.sin(lean)
    rz = qy * np.sin(lean) + pz * np.cos(lean)
    shell = ellipsoid(qx, ry, rz, (3.0, 0.0, 0.0), (6.0, 17.0, 31.0))
    bowl = ellipsoid(qx, ry, rz, (9.0, 3.0, -4.0), (5.5, 10.0, 15.0))
    rim = smax(shell, -bowl, 2.0)
    return smax(rim, -(qx + 2.0), 2.0)  # the inner face is flat against the head


def skirt_below_cut(grid, z):
    """Below the cut, the scan's last outline continues down and curls inward (radius SKIRT_R):
    no ledge where scan and sculpture meet; the cut ears and nose taper into lobes and a tip."""
    section = grid[:, :, int(round(CUT_Z - Z0))]
    outline = signed_distance(section)[:, :, None]
    depth = np.maximum(CUT_Z - z, 0.0)
    return outline + depth * depth / (2.0 * SKIRT_R)


def head_field():
    mask, origin = scan_mask()
    grid = place_in_grid(mask, origin)
    x, y, z = np.meshgrid(np.arange(X0, X1, dtype=np.float32), np.arange(Y0, Y1, dtype=np.float32),
                          np.arange(Z0, Z1, dtype=np.float32), indexing="ij")
    scan = np.where(z >= CUT_Z, signed_distance(grid), skirt_below_cut(grid, z))
    # The MRI leaves faint ripples on the scalp: smooth the back and top more than the face.
    face_weight = np.clip((y - 40.0) / 40.0, 0.0, 1.0) * np.clip((20.0 - z) / 30.0, 0.0, 1.0)
    scan = face_weight * ndimage.gaussian_filter(scan, BLUR_SIGMA) + (1 - face_weight) * ndimage.gaussian_filter(scan, SCALP_BLUR_SIGMA)
    field = smin(scan, lower_face(x, y, z), 10.0)
    for side in (-1, 1):
        field = smin(field, ear(x, y, z, side), 3.0)
    field = smin(field, neck(x, y, z), 16.0)
    return ndimage.gaussian_filter(field, 0.8)  # the joins were made sharp by the min/max


def taubin(vertices, faces, iterations=12, lam=0.5, mu=-0.53):
    n = len(vertices)
    edges = np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]], faces[:, [2, 0]]])
    edges = np.concatenate([edges, edges[:, ::-1]])
    degree = np.bincount(edges[:, 0], minlength=n).astype(np.float64)[:, None]
    v = vertices.astype(np.float64)
    for _ in range(iterations):
        for factor in (lam, mu):
            mean = np.zeros_like(v)
            np.add.at(mean, edges[:, 0], v[edges[:, 1]])
            v = v + factor * (mean / degree - v)
    return v


def largest_component(vertices, faces):
    """Drops pockets and crumbs: small closed surfaces inside the head or floating beside it."""
    edges = np.concatenate([faces[:, [0, 1]], faces[:, [1, 2]]])
    graph = sparse.coo_matrix((np.ones(len(edges)), (edges[:, 0], edges[:, 1])), shape=(len(vertices),) * 2)
    _, labels = csgraph.connected_components(graph, directed=False)
    keep = labels == np.argmax(np.bincount(labels))
    remap = np.cumsum(keep) - 1
    faces = faces[keep[faces[:, 0]]]
    return vertices[keep], remap[faces]


def circumference(field, z_mm):
    """Perimeter of the largest outline of the head's slice at MNI height z_mm."""
    k = int(round(z_mm - Z0))
    outlines = measure.find_contours(field[:, :, k], 0.0)
    outline = max(outlines, key=len)
    return float(np.sum(np.linalg.norm(np.diff(outline, axis=0), axis=1)))


def write_ply(path, vertices, faces):
    with open(path, "wb") as out:
        out.write(b"ply\nformat binary_little_endian 1.0\n")
        out.write(b"element vertex %d\nproperty float x\nproperty float y\nproperty float z\n" % len(vertices))
        out.write(b"element face %d\nproperty list uchar uint vertex_indices\nend_header\n" % len(faces))
        out.write(vertices.astype("<f4").tobytes())
        rows = np.empty(len(faces), dtype=[("n", "u1"), ("i", "<u4", 3)])
        rows["n"] = 3
        rows["i"] = faces
        out.write(rows.tobytes())


def main():
    out_path = sys.argv[1] if len(sys.argv) > 1 else "head_dense.ply"
    field = head_field()
    scale = CIRCUMFERENCE_MM / circumference(field, CIRCUMFERENCE_Z)
    verts, faces, _, _ = measure.marching_cubes(-field, level=0.0)  # inside positive
    verts, faces = largest_component(verts, faces)
    mni = verts + np.array([X0, Y0, Z0], dtype=np.float64)
    mni = taubin(mni, faces) * scale
    # MNI is RAS (x right, y anterior, z up); ours is +Y up, +Z facing, right-handed (+X = subject's left).
    ours = np.stack([-mni[:, 0], mni[:, 2], mni[:, 1]], axis=1)
    faces = faces[:, [0, 2, 1]]                    # the x flip mirrors, so turn the winding back outward
    write_ply(out_path, ours, faces)
    print(f"{out_path}: {len(ours)} vertices, {len(faces)} triangles, scale {scale:.3f} from MNI, "
          f"extent {np.ptp(ours, axis=0).round(1)} mm")


if __name__ == "__main__":
    main()
