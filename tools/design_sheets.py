#!/usr/bin/python3
"""README pictures of the presets and the example design: each design rendered from the front,
three-quarter and top with its hairline and density shadow (smp-studio render --design ...
--hairline --density-shadow), one titled row per design.
Needs Debian's python3-pil. Usage: tools/design_sheets.py BUILD/src/smp-studio OUT_DIR"""
import os
import subprocess
import sys
import tempfile

from PIL import Image, ImageDraw, ImageFont

studio, out_dir = sys.argv[1], sys.argv[2]
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 22)
groups = {
    "presets_norwood.png": ["norwood-1", "norwood-2", "norwood-3", "norwood-3-vertex", "norwood-4", "norwood-5", "norwood-6", "norwood-7"],
    "presets_ludwig_styles.png": ["ludwig-1", "ludwig-2", "ludwig-3", "style-juvenile", "style-mature", "style-soft", "example-design"],
}
with tempfile.TemporaryDirectory() as scratch:
    for sheet, names in groups.items():
        rows = []
        for name in names:
            folder = "examples" if name == "example-design" else "presets"
            design = os.path.join(root, "assets", folder, name + ".json")
            picture = os.path.join(scratch, name + ".png")
            subprocess.run([studio, "render", "--design", design, "--hairline", "--density-shadow",
                            "--view", "front,three-quarter,top", "--size", "400x340", "--out", picture], check=True,
                           stdout=subprocess.DEVNULL)
            image = Image.open(picture).convert("RGB")
            title = subprocess.run([studio, "validate", design], capture_output=True, text=True).stdout.split('"')[1]
            band = Image.new("RGB", (image.width, 40), (30, 32, 36))
            ImageDraw.Draw(band).text((14, 8), title, font=font, fill=(235, 235, 235))
            row = Image.new("RGB", (image.width, image.height + 40))
            row.paste(band, (0, 0))
            row.paste(image, (0, 40))
            rows.append(row)
        out = Image.new("RGB", (rows[0].width, sum(r.height for r in rows)))
        y = 0
        for r in rows:
            out.paste(r, (0, y))
            y += r.height
        out.save(os.path.join(out_dir, sheet), optimize=True)
        print(os.path.join(out_dir, sheet))
