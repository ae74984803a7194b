#!/usr/bin/env python3
"""Extracts the skin surface of the Colin27 MRI template (Debian's mricron-data, templates/ch2.nii.gz)
as a dense, smooth, closed triangle mesh in millimetres, in SMP Studio's frame (+Y up, +Z facing).

Steps: threshold, keep the largest component, fill holes (ear canals, nostrils), cut a clean plane
below the ears, blur the mask so marching cubes sees no voxel steps, marching cubes, Taubin smoothing.
The dense mesh is then simplified by tools/simplify_mesh (meshoptimizer) into assets/head.ply;
tools/make_head runs both. Needs python3-numpy, python3-scipy, python3-skimage and mricron-data.
"""
import gzip
import struct
import sys

import numpy as np
from scipy import ndimage
from skimage import measure

SOURCE = "/usr/share/mricron/templates/ch2.nii.gz"
THRESHOLD = 45     # skin/air boundary; Otsu on this volume gives 49, a little lower keeps thin ears whole
CUT_Z_MM = -68.0   # MNI z of the clean cut: the template ends at -71, the cut sits just inside it
NOSE_PAD = 4       # voxels the nose tip is extended past the template's front edge, tapering
BLUR_SIGMA = 1.1   # voxels; removes the staircase of the binary mask, keeps ear folds


def read_nifti(path):
    raw = gzip.open(path).read()
    dims = struct.unpack("<8h", raw[40:56])
    offset = int(struct.unpack("<f", raw[108:112])[0])
    srow = np.array(struct.unpack("<12f", raw[280:328])).reshape(3, 4)
    nx, ny, nz = dims[1:4]
    volume = np.frombuffer(raw[offset:offset + nx * ny * nz], dtype=np.uint8).reshape(nz, ny, nx)
    return volume.transpose(2, 1, 0).astype(np.float32), srow  # indexed [x, y, z]


def head_mask(volume, srow):
    mask = ndimage.gaussian_filter(volume, 0.7) > THRESHOLD
    labels, count = ndimage.label(mask)
    sizes = ndimage.sum(mask, labels, range(1, count + 1))
    mask = labels == (1 + int(np.argmax(sizes)))
    mask = ndimage.binary_closing(mask, iterations=3)
    for z in range(mask.shape[2]):               # per slice: air pockets inside the head
        mask[:, :, z] = ndimage.binary_fill_holes(mask[:, :, z])
    mask = ndimage.binary_fill_holes(mask)
    cut_k = int(round((CUT_Z_MM - srow[2, 3]) / srow[2, 2]))
    mask[:, :, :cut_k] = False
    # The template's box ends at the nose tip: grow it a few voxels forward, eroding as it goes.
    front = mask[:, -1, :]
    grown = [front]
    for _ in range(NOSE_PAD):
        grown.append(ndimage.binary_erosion(grown[-1], iterations=2))
    return np.concatenate([mask] + [g[:, None, :] for g in grown[1:]], axis=1)


def taubin(vertices, faces, iterations=10, lam=0.5, mu=-0.53):
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
    volume, srow = read_nifti(SOURCE)
    mask = head_mask(volume, srow)
    field = ndimage.gaussian_filter(np.pad(mask, 3).astype(np.float32), BLUR_SIGMA)
    verts, faces, _, _ = measure.marching_cubes(field, level=0.5)
    verts -= 3.0                                   # undo the padding
    mni = verts * np.diag(srow[:, :3]) + srow[:, 3]
    verts = taubin(mni, faces)
    # MNI is RAS (x right, y anterior, z up); ours is +Y up, +Z facing, right-handed (+X = subject's left).
    ours = np.stack([-verts[:, 0], verts[:, 2], verts[:, 1]], axis=1)
    faces = faces[:, [0, 2, 1]]                    # the x flip mirrors, so turn the winding back outward
    write_ply(out_path, ours, faces)
    print(f"{out_path}: {len(ours)} vertices, {len(faces)} triangles, "
          f"extent {np.ptp(ours, axis=0).round(1)} mm")


if __name__ == "__main__":
    main()
