#!/usr/bin/env python3
"""Writes the hostile meshes of the corpus test into a folder, with expected.tsv beside them.

Each file is the bundled head (or nothing like it) spoiled in one way a clinic's scanner, an export
from another program or a damaged disk could spoil it. expected.tsv says, per file, whether the
program must load it as a head ("head") or refuse it with one clear line ("refuse").
Only the standard library: the test machine has plain python3.

usage: make_hostile_meshes.py HEAD.ply OUT_DIR
"""
import math
import os
import struct
import sys


def read_binary_ply(path):
    with open(path, "rb") as f:
        data = f.read()
    end = data.index(b"end_header\n") + len(b"end_header\n")
    header = data[:end].decode("ascii").splitlines()
    vertex_count = next(int(l.split()[2]) for l in header if l.startswith("element vertex"))
    face_count = next(int(l.split()[2]) for l in header if l.startswith("element face"))
    at = end
    vertices = [struct.unpack_from("<3f", data, at + 12 * i) for i in range(vertex_count)]
    at += 12 * vertex_count
    faces = []
    for _ in range(face_count):
        n = data[at]
        faces.append(struct.unpack_from("<%dI" % n, data, at + 1))
        at += 1 + 4 * n
    return vertices, faces


def write_ply(path, vertices, faces, face_count=None):
    """Binary PLY; `face_count` other than len(faces) writes a header that lies."""
    header = ("ply\nformat binary_little_endian 1.0\nelement vertex %d\nproperty float x\nproperty float y\n"
              "property float z\nelement face %d\nproperty list uchar uint vertex_indices\nend_header\n"
              % (len(vertices), len(faces) if face_count is None else face_count))
    with open(path, "wb") as f:
        f.write(header.encode("ascii"))
        f.write(b"".join(struct.pack("<3f", *v) for v in vertices))
        f.write(b"".join(struct.pack("<B3I", 3, *t) for t in faces))


def write_obj(path, vertices, faces):
    with open(path, "w") as f:
        f.write("# SMP Studio corpus test\n")
        f.writelines("v %.6g %.6g %.6g\n" % v for v in vertices)
        f.writelines("f %d %d %d\n" % (a + 1, b + 1, c + 1) for a, b, c in faces)


def write_binary_stl(path, vertices, faces):
    with open(path, "wb") as f:
        f.write(b"SMP Studio corpus test".ljust(80, b" "))
        f.write(struct.pack("<I", len(faces)))
        for a, b, c in faces:
            f.write(struct.pack("<3f", 0, 0, 0))
            for i in (a, b, c):
                f.write(struct.pack("<3f", *vertices[i]))
            f.write(b"\0\0")


def scaled(vertices, k):
    return [(x * k, y * k, z * k) for x, y, z in vertices]


def turned_about_x(vertices, degrees):
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [(x, y * c - z * s, y * s + z * c) for x, y, z in vertices]


def write_ten_million_triangles(path):
    """A real 10M-triangle binary PLY (a strip of thin triangles), ~190 MB, written in a few blocks."""
    columns = 5_000_001
    header = ("ply\nformat binary_little_endian 1.0\nelement vertex %d\nproperty float x\nproperty float y\n"
              "property float z\nelement face %d\nproperty list uchar uint vertex_indices\nend_header\n"
              % (2 * columns, 2 * (columns - 1)))
    with open(path, "wb") as f:
        f.write(header.encode("ascii"))
        for row in (0.0, 1.0):
            f.write(b"".join(struct.pack("<3f", i * 1e-4, row, 0.0) for i in range(columns)))
        block = 100_000
        for start in range(0, columns - 1, block):
            f.write(b"".join(struct.pack("<B3I", 3, i, i + 1, columns + i) + struct.pack("<B3I", 3, i + 1, columns + i + 1, columns + i)
                             for i in range(start, min(start + block, columns - 1))))


def main():
    head_path, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    vertices, faces = read_binary_ply(head_path)
    expected = []

    def case(name, expect, why):
        expected.append((name, expect, why))
        return os.path.join(out, name)

    # Loaded as a head: what a scan or another program's export really looks like.
    write_ply(case("head-in-metres.ply", "head", "units are found from the size"), scaled(vertices, 0.001), faces)
    write_binary_stl(case("head-in-centimetres.stl", "head", "units are found from the size"), scaled(vertices, 0.1), faces)
    write_obj(case("head-z-up.obj", "head", "the face is found whichever way up"), turned_about_x(vertices, 90), faces)
    write_ply(case("head-upside-down.ply", "head", "the face is found whichever way up"), turned_about_x(vertices, 180), faces)
    spoiled = list(faces)
    spoiled += [(i, i, i) for i in range(0, len(vertices), 7)]                      # zero-area points
    spoiled += [(f[0], f[1], f[1]) for f in faces[::11]]                           # zero-area slivers
    spoiled += faces[::5]                                                            # duplicates
    write_ply(case("degenerate-and-duplicate-triangles.ply", "head", "zero-area and repeated triangles are harmless"), vertices, spoiled)
    fins = list(faces)
    extra = list(vertices)
    for a, b, c in faces[::50]:  # a third and fourth triangle on the same edge: non-manifold
        ax, ay, az = vertices[a]
        extra.append((ax + 0.5, ay + 0.5, az + 0.5))
        fins.append((a, b, len(extra) - 1))
        fins.append((b, a, len(extra) - 1))
    write_ply(case("non-manifold-edges.ply", "head", "fins on edges are harmless"), extra, fins)
    parts = list(vertices)
    part_faces = list(faces)
    for k in range(40):  # specks of scan noise floating beside the head, in its box
        x, y, z = vertices[(k * 997) % len(vertices)]
        base = len(parts)
        parts += [(x + 8, y, z), (x + 9, y, z), (x + 8, y + 1, z)]
        part_faces.append((base, base + 1, base + 2))
    write_ply(case("disconnected-parts.ply", "head", "specks of scan noise are harmless"), parts, part_faces)

    # Refused with one line naming the file.
    broken = list(vertices)
    broken[100] = (float("nan"), 0.0, 0.0)
    write_ply(case("nan-coordinates.ply", "refuse", "NaN coordinates"), broken, faces)
    broken[100] = (float("inf"), 0.0, float("-inf"))
    write_binary_stl(case("infinite-coordinates.stl", "refuse", "infinite coordinates"), broken, faces)
    write_ply(case("coordinates-1e30.ply", "refuse", "no unit makes 1e30 a head"), scaled(vertices, 1e30), faces)
    write_ply(case("coordinates-1e-30.ply", "refuse", "no unit makes 1e-30 a head"), scaled(vertices, 1e-30), faces)
    write_ply(case("point-cloud.ply", "refuse", "points with no faces are no surface"), vertices, [])
    write_obj(case("point-cloud.obj", "refuse", "points with no faces are no surface"), vertices, [])
    write_ply(case("all-triangles-degenerate.ply", "refuse", "no triangle has an area"), vertices, [(i, i, i) for i in range(len(vertices))])
    write_ply(case("face-index-past-the-vertices.ply", "refuse", "a face names a vertex that is not there"), vertices,
              faces[:-1] + [(0, 1, len(vertices) + 5)])
    write_ply(case("header-promises-more-faces.ply", "refuse", "the file ends early"), vertices, faces, face_count=len(faces) * 3)
    with open(case("truncated-half-way.ply", "refuse", "the file ends early"), "wb") as f, open(head_path, "rb") as whole:
        data = whole.read()
        f.write(data[: len(data) // 2])
    write_ten_million_triangles(case("ten-million-triangles.ply", "refuse", "more triangles than a head scan needs"))

    with open(os.path.join(out, "expected.tsv"), "w") as f:
        f.writelines("%s\t%s\t%s\n" % row for row in expected)
    print("%d hostile meshes in %s" % (len(expected), out))


if __name__ == "__main__":
    main()
