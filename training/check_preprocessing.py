#!/usr/bin/python3
"""Compares train.py's preprocessing (PIL, common.to_model_input) with the app's (Skia, via
`training/ortcheck --preprocess`) on the images of a class-named folder, pixel by pixel.

    /usr/bin/python3 training/check_preprocessing.py ../shared/data/fer2013/val [--limit 500]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import INPUT_SIZE, list_folder, to_model_input  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("folder")
    p.add_argument("--limit", type=int, default=None, help="images per class (default: all)")
    args = p.parse_args()
    paths, _, _ = list_folder(args.folder, args.limit)
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "--nologo", os.path.join(HERE, "ortcheck")],
                   check=True, stdout=subprocess.DEVNULL)
    with tempfile.TemporaryDirectory() as tmp:
        lst, out = os.path.join(tmp, "list.txt"), os.path.join(tmp, "skia.f32")
        with open(lst, "w") as f:
            f.write("\n".join(os.path.abspath(q) for q in paths))
        subprocess.run(["dotnet", "run", "-c", "Release", "--no-build", "--project", os.path.join(HERE, "ortcheck"),
                        "--", "--preprocess", lst, out], check=True)
        skia = np.fromfile(out, dtype=np.float32).reshape(len(paths), INPUT_SIZE, INPUT_SIZE)
    pil = np.stack([to_model_input(q) for q in paths])
    d = np.abs(pil - skia)
    step = 2 * 0.9999 / 255  # one 8-bit grey level on the model-input scale
    levels = np.rint(d / step).astype(int)
    print(f"{len(paths)} images: max abs diff {d.max():.5f} ({levels.max()} grey levels), mean {d.mean():.6f}")
    for k in range(min(levels.max(), 4) + 1):
        print(f"  pixels differing by {k} level(s): {np.mean(levels == k) * 100:.3f} %")
    print(f"  images identical: {np.mean(levels.reshape(len(paths), -1).max(1) == 0) * 100:.1f} %")


if __name__ == "__main__":
    main()
