#!/usr/bin/python3
"""Exports a training checkpoint to the ONNX interface the app loads.

    /usr/bin/python3 training/export_onnx.py training/runs/<run>/best.pt [--out <model.onnx>]

Interface (same as models/emotion/mini_xception_emotion.onnx): input `input` float32 [N,64,64,1] NHWC
(grey, (g-0.5)*2), transposed to NCHW inside the graph; output `emotions` float32 [N,7] softmax in the
order angry, disgust, fear, happy, sad, surprise, neutral. Opset 13 (ONNX Runtime 1.31 loads 7..23).

Besides the model it writes <model>.reference.json: a few inputs (val images when --val is given, plus
synthetic ones) and PyTorch's outputs for them. `training/ortcheck` (run by evaluate.sh, and here when
dotnet is on PATH) runs the ONNX file in Microsoft.ML.OnnxRuntime 1.31.1 (the app's runtime), prints the
max abs difference against PyTorch and the latency per face.
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import torch
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CLASSES, INPUT_SIZE, build_model, list_folder, load_folder, to_model_input  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


class AppInterface(nn.Module):
    """NHWC [N,64,64,1] -> NCHW -> network -> softmax [N,7]; optional horizontal-flip averaging."""

    def __init__(self, net: nn.Module, flip_tta: bool = False):
        super().__init__()
        self.net = net
        self.flip_tta = flip_tta

    def forward(self, x):
        x = x.permute(0, 3, 1, 2)
        p = torch.softmax(self.net(x), dim=1)
        if self.flip_tta:
            p = (p + torch.softmax(self.net(torch.flip(x, dims=[3])), dim=1)) * 0.5
        return p


def reference_inputs(val: str | None, seed: int = 20261125) -> np.ndarray:
    rng = np.random.default_rng(seed)
    xs = []
    if val:
        paths, labels, _ = list_folder(val)
        for c in range(7):  # one image per class, the first of each
            i = int(np.flatnonzero(labels == c)[0])
            xs.append(to_model_input(paths[i]))
    yy, xx = np.mgrid[0:INPUT_SIZE, 0:INPUT_SIZE] / (INPUT_SIZE - 1)
    xs.append((xx * 2 - 1).astype(np.float32))                                   # gradient
    xs.append(np.round(rng.uniform(-1, 1, (INPUT_SIZE, INPUT_SIZE)), 4).astype(np.float32))  # noise
    xs.append(np.sin(xx * 12 + yy * 5).astype(np.float32))                       # waves
    return np.stack(xs)[..., None]  # NHWC


@torch.no_grad()
def fit_temperature(net: nn.Module, folder: str) -> float:
    """Grid-searches T minimising the log-loss of softmax(logits / T) on folder, then divides the last
    layer by T so the exported graph carries it at no cost."""
    net.eval()
    x, y, _, _ = load_folder(folder)
    logits = torch.cat([net(x[i:i + 256]) for i in range(0, len(x), 256)])
    grid = torch.arange(0.25, 2.0001, 0.005)
    losses = torch.stack([nn.functional.cross_entropy(logits / t, y) for t in grid])
    t = float(grid[losses.argmin()])

    def summary(temp: float) -> str:
        p = torch.softmax(logits / temp, 1)
        return (f"log-loss {nn.functional.cross_entropy(logits / temp, y):.4f}, mean top confidence "
                f"{p.max(1).values.mean():.3f} (accuracy {(p.argmax(1) == y).float().mean():.3f})")

    print(f"temperature {t:.3f} fitted on {folder}: before {summary(1.0)}; after {summary(t)}")
    net.fc.weight.div_(t)
    net.fc.bias.div_(t)
    return t


def write_vectors(model: nn.Module, model_name: str, path: str):
    """Reference vectors in the format of models/emotion/reference-vectors.json, on its synthetic inputs."""
    with open(os.path.join(HERE, "..", "models", "emotion", "reference-vectors.json")) as f:
        source = json.load(f)
    x = np.asarray(source["inputs"], dtype=np.float32).reshape(-1, INPUT_SIZE, INPUT_SIZE, 1)
    with torch.no_grad():
        y = model(torch.from_numpy(x)).numpy()
    vectors = {
        "description": f"Reference vectors for models/emotion/{model_name}, written by training/export_onnx.py "
                       f"(PyTorch {torch.__version__}) on the synthetic inputs of models/emotion/reference-vectors.json "
                       "(NHWC [64,64,1] row-major, values in [-1,1]); outputs are the PyTorch softmax.",
        "seed": source["seed"], "labels": CLASSES, "inputShape": source["inputShape"],
        "inputs": source["inputs"], "outputs": [[float(v) for v in row] for row in y],
    }
    with open(path, "w") as f:
        json.dump(vectors, f)
    print(f"wrote {path}: {len(x)} synthetic inputs with PyTorch outputs (argmax {y.argmax(1).tolist()})")


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("checkpoint", help="best.pt written by train.py")
    p.add_argument("--out", default=None, help="ONNX path (default: emotion.onnx beside the checkpoint)")
    p.add_argument("--val", default=None, help="val folder: take the reference inputs from real faces too")
    p.add_argument("--opset", type=int, default=13)
    p.add_argument("--flip-tta", action="store_true", help="average with the mirrored face (2x the latency)")
    p.add_argument("--no-check", action="store_true", help="skip the ONNX Runtime check even if dotnet exists")
    p.add_argument("--calibrate-on", default=None,
                   help="fit one softmax temperature on this folder (val) by log-loss and fold it into the last "
                        "layer: argmax and accuracy unchanged, confidences honest (label smoothing leaves them low)")
    p.add_argument("--vectors", default=None,
                   help="also write reference vectors for the repository's model test: PyTorch outputs on the "
                        "synthetic inputs of models/emotion/reference-vectors.json (no face from the data), same format")
    args = p.parse_args(argv)

    torch.set_num_threads(1)
    ck = torch.load(args.checkpoint, map_location="cpu")
    assert ck.get("classes", CLASSES) == CLASSES, "class order differs from the app's"
    net = build_model(ck["config"])
    net.load_state_dict(ck["model"])
    temperature = fit_temperature(net, args.calibrate_on) if args.calibrate_on else 1.0
    model = AppInterface(net, args.flip_tta).eval()

    out = args.out or os.path.join(os.path.dirname(os.path.abspath(args.checkpoint)), "emotion.onnx")
    dummy = torch.zeros(2, INPUT_SIZE, INPUT_SIZE, 1)
    extra = {}
    if "dynamo" in inspect.signature(torch.onnx.export).parameters:
        extra["dynamo"] = False  # newer PyTorch defaults to the dynamo exporter; keep the TorchScript one
    torch.onnx.export(model, dummy, out, input_names=["input"], output_names=["emotions"],
                      dynamic_axes={"input": {0: "N"}, "emotions": {0: "N"}},
                      opset_version=args.opset, do_constant_folding=True, **extra)

    import onnx
    m = onnx.load(out)
    onnx.checker.check_model(m, full_check=True)
    meta = {"labels": ",".join(CLASSES), "source_checkpoint": os.path.basename(args.checkpoint),
            "epoch": str(ck.get("epoch")), "val_acc7": f"{ck.get('val_acc7', float('nan')):.4f}",
            "val_acc4": f"{ck.get('val_acc4', float('nan')):.4f}", "flip_tta": str(args.flip_tta),
            "temperature": f"{temperature:.3f}",
            "config": json.dumps(ck["config"])}
    if "val_plus_acc7" in ck:
        meta["val_ferplus_acc7"] = f"{ck['val_plus_acc7']:.4f}"
    for k, v in meta.items():
        e = m.metadata_props.add()
        e.key, e.value = k, v
    m.producer_name = "moodtunes-training"
    onnx.save(m, out)
    ops = sorted({n.op_type for n in m.graph.node})
    io = [(i.name, [d.dim_param or d.dim_value for d in i.type.tensor_type.shape.dim]) for i in m.graph.input]
    oo = [(o.name, [d.dim_param or d.dim_value for d in o.type.tensor_type.shape.dim]) for o in m.graph.output]
    sha = hashlib.sha256(open(out, "rb").read()).hexdigest()
    print(f"wrote {out}  {os.path.getsize(out)} B  sha256 {sha}\n  opset {args.opset}  inputs {io}  outputs {oo}"
          f"\n  {len(m.graph.node)} nodes: {', '.join(ops)}")

    x = reference_inputs(args.val)
    with torch.no_grad():
        y = model(torch.from_numpy(x)).numpy()
    ref = out + ".reference.json"
    with open(ref, "w") as f:
        json.dump({"shape": list(x.shape), "input": [float(v) for v in x.ravel()],
                   "output": [float(v) for v in y.ravel()], "classes": CLASSES}, f)
    print(f"wrote {ref}: {len(x)} inputs with PyTorch outputs (argmax {y.argmax(1).tolist()})")

    if args.vectors:
        write_vectors(model, os.path.basename(out), args.vectors)

    if not args.no_check and shutil.which("dotnet"):
        proj = os.path.join(HERE, "ortcheck")
        r = subprocess.run(["dotnet", "run", "-c", "Release", "--project", proj, "--", out, "--reference", ref,
                            "--iterations", "200"], check=False)
        if r.returncode != 0:
            sys.exit(f"ONNX Runtime check failed (exit {r.returncode})")


if __name__ == "__main__":
    main()
