#!/usr/bin/python3
"""Check an ONNX model against reference vectors with a small numpy interpreter.

usage: /usr/bin/python3 check_onnx_numpy.py MODEL_ONNX REFERENCE_JSON [TOLERANCE]

Evaluates the graph node by node (only the ops the converted models use: Transpose,
Conv incl. grouped/strided/dilated/padded, MaxPool, AveragePool, Add, Sub, Div, Relu, ReduceMean,
Flatten, Gemm, Softmax, Gather, Identity) in float32 and compares every output with the tfjs
reference. Independent of both tfjs and ONNX Runtime, so it runs in the build with Debian's
python3-onnx + python3-numpy only. Exits 1 if the max abs difference is not below TOLERANCE
(default 1e-5) or an argmax differs.

The reference JSON gives "inputShape" ([1,H,W,C]; [1,64,64,1] if absent) and "inputs": either
arrays of numbers or, with "inputEncoding": "base64 uint8 ...", base64 strings of uint8 pixels,
fed to the model as float32.
"""

import base64
import json
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def attrs(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def pad_nchw(x, pads, value):
    t, l, b, r = pads
    return np.pad(x, ((0, 0), (0, 0), (t, b), (l, r)), constant_values=value)


def windows(x, kh, kw, sh, sw, dh, dw):
    """x [N,C,H,W] -> [N,C,OH,OW,KH,KW] view of the sliding windows."""
    n, c, h, w = x.shape
    oh = (h - ((kh - 1) * dh + 1)) // sh + 1
    ow = (w - ((kw - 1) * dw + 1)) // sw + 1
    s = x.strides
    return np.lib.stride_tricks.as_strided(
        x, (n, c, oh, ow, kh, kw), (s[0], s[1], s[2] * sh, s[3] * sw, s[2] * dh, s[3] * dw), writeable=False
    )


def conv(x, w, b, a):
    kh, kw = a["kernel_shape"]
    sh, sw = a.get("strides", [1, 1])
    dh, dw = a.get("dilations", [1, 1])
    g = a.get("group", 1)
    xp = np.ascontiguousarray(pad_nchw(x, a.get("pads", [0, 0, 0, 0]), 0.0))
    win = windows(xp, kh, kw, sh, sw, dh, dw)  # N,C,OH,OW,KH,KW
    n, c = x.shape[:2]
    m = w.shape[0]
    cg, mg = c // g, m // g
    outs = []
    for gi in range(g):
        xs = win[:, gi * cg:(gi + 1) * cg]  # N,cg,OH,OW,KH,KW
        ws = w[gi * mg:(gi + 1) * mg]  # mg,cg,KH,KW
        outs.append(np.einsum("ncijhw,mchw->nmij", xs, ws, optimize=True))
    y = np.concatenate(outs, axis=1)
    if b is not None:
        y = y + b.reshape(1, -1, 1, 1)
    return y.astype(np.float32)


def maxpool(x, a):
    kh, kw = a["kernel_shape"]
    sh, sw = a.get("strides", [1, 1])
    xp = np.ascontiguousarray(pad_nchw(x, a.get("pads", [0, 0, 0, 0]), -np.inf))
    return windows(xp, kh, kw, sh, sw, 1, 1).max(axis=(4, 5))


def averagepool(x, a):
    if any(a.get("pads", [0, 0, 0, 0])) or a.get("ceil_mode", 0):
        raise ValueError("AveragePool with padding or ceil_mode is not supported by this checker")
    kh, kw = a["kernel_shape"]
    sh, sw = a.get("strides", [1, 1])
    return windows(np.ascontiguousarray(x), kh, kw, sh, sw, 1, 1).mean(axis=(4, 5), dtype=np.float32)


def gemm(x, w, b, a):
    if a.get("transA", 0) or a.get("alpha", 1.0) != 1.0 or a.get("beta", 1.0) != 1.0:
        raise ValueError("Gemm with transA/alpha/beta is not supported by this checker")
    y = x @ (w.T if a.get("transB", 0) else w)
    return (y + b if b is not None else y).astype(np.float32)


def softmax(x, axis):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return (e / e.sum(axis=axis, keepdims=True)).astype(np.float32)


def run(model, feed):
    env = dict(feed)
    for init in model.graph.initializer:
        env[init.name] = numpy_helper.to_array(init)
    for node in model.graph.node:
        a = attrs(node)
        ins = [env[i] if i else None for i in node.input]
        op = node.op_type
        if op == "Transpose":
            y = np.ascontiguousarray(np.transpose(ins[0], a["perm"]))
        elif op == "Conv":
            y = conv(ins[0], ins[1], ins[2] if len(ins) > 2 else None, a)
        elif op == "MaxPool":
            y = maxpool(ins[0], a)
        elif op == "AveragePool":
            y = averagepool(ins[0], a)
        elif op == "Add":
            y = ins[0] + ins[1]
        elif op == "Sub":
            y = ins[0] - ins[1]
        elif op == "Div":
            y = ins[0] / ins[1]
        elif op == "Flatten":
            axis = a.get("axis", 1)
            y = ins[0].reshape(int(np.prod(ins[0].shape[:axis])), -1)
        elif op == "Gemm":
            y = gemm(ins[0], ins[1], ins[2] if len(ins) > 2 else None, a)
        elif op == "Gather":
            y = np.take(ins[0], ins[1], axis=a.get("axis", 0))
        elif op == "Relu":
            y = np.maximum(ins[0], 0)
        elif op == "ReduceMean":
            y = ins[0].mean(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)), dtype=np.float32)
        elif op == "Softmax":
            y = softmax(ins[0], a.get("axis", -1))
        elif op == "Identity":
            y = ins[0]
        else:
            raise ValueError(f"op {op} not supported by this checker")
        env[node.output[0]] = y
    return {o.name: env[o.name] for o in model.graph.output}


def main(argv):
    if len(argv) not in (3, 4):
        print("usage: check_onnx_numpy.py MODEL_ONNX REFERENCE_JSON [TOLERANCE]", file=sys.stderr)
        return 2
    model = onnx.load(argv[1])
    tol = float(argv[3]) if len(argv) == 4 else 1e-5
    with open(argv[2], encoding="utf-8") as f:
        ref = json.load(f)
    shape = [int(d) for d in ref.get("inputShape", [1, 64, 64, 1])[1:]]
    if ref.get("inputEncoding", "").startswith("base64 uint8"):
        pixels = [np.frombuffer(base64.b64decode(s), dtype=np.uint8) for s in ref["inputs"]]
        x = np.stack(pixels).astype(np.float32).reshape([-1] + shape)
    else:
        x = np.asarray(ref["inputs"], dtype=np.float32).reshape([-1] + shape)
    expected = np.asarray(ref["outputs"], dtype=np.float64)
    in_name = model.graph.input[0].name
    out_name = model.graph.output[0].name
    got = run(model, {in_name: x})[out_name].astype(np.float64)
    diff = np.abs(got - expected)
    worst = float(diff.max())
    same_class = int((got.argmax(1) == expected.argmax(1)).sum())
    print(f"numpy check of {argv[1]}: {len(x)} inputs, max abs diff {worst:.3e}, "
          f"argmax agrees {same_class}/{len(x)} (tolerance {tol:g})")
    return 0 if worst < tol and same_class == len(x) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
