#!/usr/bin/env python3
"""Writes the training cases (assets/cases/*.case.json) from the bundled presets and head.

Run from the repository root after changing a preset: `python3 scripts/make_cases.py`. Scar and
patch positions are put on the bundled head's skin (the farthest vertex along a ray from inside
the head), so they need numpy to read assets/head.ply.
"""
import json
import math
import pathlib

import numpy as np

ROOT = pathlib.Path(__file__).resolve().parent.parent
ASSETS = ROOT / "assets"


def head_vertices():
    data = (ASSETS / "head.ply").read_bytes()
    start = data.index(b"end_header\n") + len(b"end_header\n")
    count = int(next(line.split()[2] for line in data[:start].decode().splitlines() if line.startswith("element vertex")))
    return np.frombuffer(data[start:start + count * 12], dtype="<f4").reshape(count, 3)


VERTICES = head_vertices()
CENTRE = np.array([0.0, 40.0, -15.0])  # inside the skull, level with the ears


def on_skin(direction):
    """The skin where a ray from inside the head along `direction` leaves it (mm, 0.1 mm)."""
    d = np.asarray(direction, dtype=float)
    d /= np.linalg.norm(d)
    rel = VERTICES - CENTRE
    along = rel @ d
    off = np.linalg.norm(rel - np.outer(along, d), axis=1)
    for width in (3.0, 6.0, 12.0):  # the mesh's vertices are about 2 mm apart
        near = (off < width) & (along > 0)
        if near.any():
            break
    point = VERTICES[near][np.argmax(along[near])]
    return [round(float(c), 1) for c in point]


def back_arc(height, degrees, count):
    """Points across the back of the head at `height` mm (y), from the patient's right to left."""
    points = []
    for i in range(count):
        phi = math.radians(-degrees + 2 * degrees * i / (count - 1))
        points.append(on_skin([math.sin(phi), (height - CENTRE[1]) / 90.0, -math.cos(phi)]))
    return points


def preset(name):
    return json.loads((ASSETS / "presets" / f"{name}.json").read_text())


TOLERANCES = {"hairline_mean_mm": 3, "hairline_max_mm": 6, "symmetry_mm": 2, "transition_mm": 3, "transition_falloff": 0.75,
              "density_percent": 15, "session_percent": 10, "dilution_percent": 10, "interval_days": 3, "spread_rho": 0.05}


def case(file, name, pattern, age, skin, wishes, reference, **tolerances):
    reference["name"] = f"Reference: {name}"
    reference["patient"]["fitzpatrick_type"] = skin
    reference["patient"]["id"] = f"Case {file[:2]}"
    doc = {"format": "smp-studio case", "version": 1, "name": name, "pattern": pattern, "brief": {"age": age, "wishes": wishes},
           "tolerances": {**TOLERANCES, **tolerances}, "reference": reference}
    (ASSETS / "cases" / f"{file}.case.json").write_text(json.dumps(doc, indent=2) + "\n")


def main():
    (ASSETS / "cases").mkdir(exist_ok=True)
    case("01-norwood-2", "Norwood II: a mature hairline", "Norwood II", 27, 2,
         "My temples are going back a little. I want it to look like I've just had a buzz cut, not like a teenager.", preset("norwood-2"))
    case("02-norwood-3", "Norwood III: deep temple recession", "Norwood III", 34, 3,
         "The corners are the problem. Keep it believable for my age.", preset("norwood-3"))
    case("03-norwood-4", "Norwood IV: frontal loss and a thinning crown", "Norwood IV", 41, 3,
         "I've lost the front and the crown is going. I want a full shaved look.", preset("norwood-4"))
    case("04-norwood-5", "Norwood V: front and crown meeting", "Norwood V", 46, 4,
         "A full head of stubble, with a hairline that suits a man in his forties.", preset("norwood-5"), hairline_mean_mm=4)
    case("05-norwood-6", "Norwood VI: a horseshoe fringe", "Norwood VI", 52, 3,
         "Nothing left on top. A soft, mature hairline; I don't want it to look painted on.", preset("norwood-6"), hairline_mean_mm=4)
    case("06-norwood-7", "Norwood VII: only the fringe remains", "Norwood VII", 58, 5,
         "Full coverage. Dark skin: I want the hairline to stay visible.", preset("norwood-7"), hairline_mean_mm=4)
    case("07-ludwig-1", "Ludwig I: a widening parting", "Ludwig I", 38, 2,
         "My parting shows the scalp under the lights at work. I keep my hair long.", preset("ludwig-1"), hairline_max_mm=8)
    case("08-ludwig-2", "Ludwig II: diffuse crown thinning", "Ludwig II", 49, 3,
         "The whole top looks thin. I want density under my hair, not a shaved look.", preset("ludwig-2"), hairline_max_mm=8)
    case("09-ludwig-3", "Ludwig III: extensive thinning on top", "Ludwig III", 57, 2,
         "I can see my scalp everywhere on top. Keep my front hairline as it is.", preset("ludwig-3"), hairline_max_mm=8)

    fut = preset("norwood-3")
    fut["scars"] = [{"name": "FUT strip scar", "radius_mm": 4, "density_per_cm2": 60, "needle": "1rl-020", "pigment_percent": 45,
                     "dabs_mm": back_arc(25.0, 70, 25)}]
    case("10-fut-strip-scar", "FUT strip scar after a transplant", "FUT strip scar", 44, 3,
         "I had a strip transplant; the scar shows when I cut my hair short. Hide it, and fill my temples.", fut, hairline_mean_mm=4)

    fue = preset("norwood-3")
    fue["scars"] = []
    for row, height in enumerate([5.0, 25.0, 45.0]):
        for i, spot in enumerate(back_arc(height, 55, 7)):
            fue["scars"].append({"name": f"FUE scars {row * 7 + i + 1}", "radius_mm": 3, "density_per_cm2": 55, "needle": "1rl-020",
                                 "pigment_percent": 45, "dabs_mm": [spot]})
    case("11-fue-scars", "FUE dot scars in the donor area", "FUE scars", 39, 2,
         "Hundreds of little white dots at the back from my FUE. I want to wear a number one.", fue, hairline_mean_mm=4)

    patchy = preset("norwood-1")
    for key in patchy["density_per_cm2"]:
        patchy["density_per_cm2"][key] = 0
    patchy["strokes"] = [{"radius_mm": r, "change_per_cm2": 75, "dabs_mm": [on_skin(d)]}
                         for d, r in [([0.35, 1.0, 0.2], 16), ([-0.5, 0.7, -0.6], 14), ([0.2, 0.5, -1.0], 12)]]
    case("12-patchy-alopecia", "Patchy alopecia (areata)", "Alopecia areata", 31, 4,
         "Round bald patches in otherwise full hair that I keep very short. Make the patches disappear.", patchy,
         hairline_mean_mm=5, hairline_max_mm=10)


if __name__ == "__main__":
    main()
