#!/usr/bin/python3
"""Latency of candidate network sizes before training them: builds untrained networks, exports each to
ONNX with the app's interface and times it in ONNX Runtime (training/ortcheck, 1 thread, as the app).

    /usr/bin/python3 training/size_sweep.py [--out training/runs/sizes]

Budget: <= 2 ms per face on this machine (mini-Xception, measured the same way, is printed first).
Timings on a shared 2-core machine are noisy: compare medians taken in the same sweep.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CLASSES, build_model, count_macs  # noqa: E402
import export_onnx  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)

CONFIGS = {
    "w32-c2": {"widths": [32, 64, 128, 256], "stem": 32, "convs": 2, "dropout": 0.3},  # train.py default
    "w40-c2": {"widths": [40, 80, 160, 320], "stem": 40, "convs": 2, "dropout": 0.3},
    "w48-c2": {"widths": [48, 96, 192, 384], "stem": 48, "convs": 2, "dropout": 0.3},
    "w32-c3": {"widths": [32, 64, 128, 256], "stem": 32, "convs": 3, "dropout": 0.3},
    "w64-c2": {"widths": [64, 128, 256, 512], "stem": 64, "convs": 2, "dropout": 0.3},
}


def ortcheck(model: str) -> str:
    r = subprocess.run(["dotnet", "run", "-c", "Release", "--no-build", "--project", os.path.join(HERE, "ortcheck"),
                        "--", model, "--iterations", "300"], capture_output=True, text=True, check=True)
    return "\n".join("    " + line for line in r.stdout.splitlines() if line.startswith("latency"))


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default=os.path.join(HERE, "runs", "sizes"))
    p.add_argument("--only", default=None, help="comma-separated names from CONFIGS")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    torch.manual_seed(0)
    subprocess.run(["dotnet", "build", "-c", "Release", "-v", "q", "--nologo", os.path.join(HERE, "ortcheck")],
                   check=True, stdout=subprocess.DEVNULL)
    print("mini-Xception (models/emotion/mini_xception_emotion.onnx)")
    print(ortcheck(os.path.join(REPO, "models", "emotion", "mini_xception_emotion.onnx")), flush=True)
    names = args.only.split(",") if args.only else list(CONFIGS)
    for name in names:
        cfg = CONFIGS[name]
        net = build_model(cfg)
        macs, params = count_macs(net), sum(q.numel() for q in net.parameters())
        ck = os.path.join(args.out, f"{name}.pt")
        torch.save({"model": net.state_dict(), "config": cfg, "classes": CLASSES}, ck)
        onnx_path = os.path.join(args.out, f"{name}.onnx")
        with open(os.devnull, "w") as devnull:
            stdout = sys.stdout
            sys.stdout = devnull
            try:
                export_onnx.main([ck, "--out", onnx_path, "--no-check"])
            finally:
                sys.stdout = stdout
        print(f"{name}: {cfg['widths']} stem {cfg['stem']} x{cfg['convs']}  {macs / 1e6:.1f} M MACs  "
              f"{params / 1e6:.2f} M params")
        print(ortcheck(onnx_path), flush=True)


if __name__ == "__main__":
    main()
