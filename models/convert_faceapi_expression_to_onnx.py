#!/usr/bin/python3
"""Convert face-api.js's facial-expression network (FaceExpressionNet) to ONNX.

Source: npm @vladmandic/face-api@1.7.15 (MIT), model/face_expression_model-weights_manifest.json +
model/face_expression_model.bin (329,468 bytes): 49 tensors, 323,687 values; the kernels and the fc
weights (321,760 values) are stored uint8-quantised (value = q * scale + min, scale/min per tensor in the
manifest), the 1,927 bias values as float32.

face-api.js stores no graph, only weights; the graph is its code, rebuilt here op for op from the
package's source (src/faceExpressionNet/FaceExpressionNet.ts, src/faceProcessor/FaceProcessor.ts,
src/faceFeatureExtractor/FaceFeatureExtractor.ts + denseBlock.ts, src/common/depthwiseSeparableConv.ts,
fullyConnectedLayer.ts, src/ops/normalize.ts):

  x      = input (NHWC RGB pixels 0..255, 112x112)
  x      = (x - [122.782, 117.001, 104.298]) / 255          normalize(batchTensor, meanRgb).div(255)
  x      = denseBlock4(x, dense0, isFirstLayer=true)         32 channels,  56x56
  x      = denseBlock4(x, dense1)                            64 channels,  28x28
  x      = denseBlock4(x, dense2)                           128 channels,  14x14
  x      = denseBlock4(x, dense3)                           256 channels,   7x7
  x      = avgPool(x, [7,7], [2,2], 'valid')                -> [N,1,1,256]
  logits = x.as2D(N, 256) @ fc/weights + fc/bias            -> [N,7]
  probs  = softmax(logits)                                   face-api order: neutral, happy, sad, angry,
                                                             fearful, disgusted, surprised
denseBlock4(x, p, first):
  out1 = relu(first ? conv2d(x, conv0/filters, stride 2, 'same') + conv0/bias
                    : sepConv(x, conv0, stride 2))
  out2 = sepConv(out1, conv1, 1)
  out3 = sepConv(relu(out1 + out2), conv2, 1)
  out4 = sepConv(relu(out1 + (out2 + out3)), conv3, 1)
  return relu(out1 + (out2 + (out3 + out4)))
sepConv(x, p, s) = separableConv2d(x, p/depthwise_filter, p/pointwise_filter, s, 'same') + p/bias
  (a depthwise 3x3 conv with stride s, then a pointwise 1x1 conv, then the bias).

ONNX: the input is normalised in NHWC (Sub, then Div, in that order, as face-api does), transposed
once to NCHW; depthwise kernels [3,3,C,1] become grouped Conv (group=C) [C,1,3,3]; pointwise and plain
kernels HWIO -> OIHW; TF 'same' padding becomes explicit pads (the extra pixel at bottom/right, as TF
does: stride 2 on an even size pads 0 before, 1 after); the additions keep face-api's nesting; avgPool
becomes AveragePool, as2D a Flatten, the fully connected layer a Gemm. After the Softmax a Gather
reorders the 7 probabilities into the app's order (angry, disgust, fear, happy, sad, surprise, neutral),
i.e. takes face-api indices [3, 5, 4, 1, 2, 6, 0].

Model interface of the result:
  input    `input`        float32 [N,112,112,3] NHWC RGB pixels, 0..255 (no scaling by the caller)
  output   `expressions`  float32 [N,7] softmax: angry, disgust, fear, happy, sad, surprise, neutral

Usage: /usr/bin/python3 convert_faceapi_expression_to_onnx.py FACEAPI_PACKAGE_DIR OUTPUT_ONNX
Needs only Debian's python3-onnx (1.12) and python3-numpy. The output is deterministic. Any difference
between the manifest and the expected architecture (a missing, extra or misshapen tensor, an unknown
quantisation) stops the conversion.
"""

import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13
INPUT_NAME = "input"
OUTPUT_NAME = "expressions"
SIZE = 112
# FaceFeatureExtractor.forwardInput: const meanRgb = [122.782, 117.001, 104.298]; ... .div(255)
MEAN_RGB = [122.782, 117.001, 104.298]
FACEAPI_LABELS = ["neutral", "happy", "sad", "angry", "fearful", "disgusted", "surprised"]
LABELS = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]
FACEAPI_NAME = {
    "angry": "angry",
    "disgust": "disgusted",
    "fear": "fearful",
    "happy": "happy",
    "sad": "sad",
    "surprise": "surprised",
    "neutral": "neutral",
}
REORDER = [FACEAPI_LABELS.index(FACEAPI_NAME[label]) for label in LABELS]  # [3, 5, 4, 1, 2, 6, 0]
BLOCK_CHANNELS = [32, 64, 128, 256]  # dense0..dense3 output channels
MANIFEST = "model/face_expression_model-weights_manifest.json"


def expected_shapes():
    """Every tensor the architecture needs, with its TF shape, in the order face-api reads them."""
    shapes = {}
    c_in = 3
    for b, c in enumerate(BLOCK_CHANNELS):
        p = f"dense{b}"
        if b == 0:
            shapes[f"{p}/conv0/filters"] = [3, 3, c_in, c]
            shapes[f"{p}/conv0/bias"] = [c]
        else:
            shapes[f"{p}/conv0/depthwise_filter"] = [3, 3, c_in, 1]
            shapes[f"{p}/conv0/pointwise_filter"] = [1, 1, c_in, c]
            shapes[f"{p}/conv0/bias"] = [c]
        for k in (1, 2, 3):
            shapes[f"{p}/conv{k}/depthwise_filter"] = [3, 3, c, 1]
            shapes[f"{p}/conv{k}/pointwise_filter"] = [1, 1, c, c]
            shapes[f"{p}/conv{k}/bias"] = [c]
        c_in = c
    shapes["fc/weights"] = [BLOCK_CHANNELS[-1], len(FACEAPI_LABELS)]
    shapes["fc/bias"] = [len(FACEAPI_LABELS)]
    return shapes


def load_weights(package_dir):
    """Decode the weights exactly as tfjs's io.decodeWeights does: uint8 q -> float32(q*scale + min),
    computed in double precision (JS numbers) and rounded once to float32; float32 tensors as stored."""
    manifest_path = os.path.join(package_dir, MANIFEST)
    with open(manifest_path, encoding="utf-8") as f:
        manifest = json.load(f)
    base = os.path.dirname(manifest_path)
    weights = {}
    for group in manifest:
        blob = b"".join(open(os.path.join(base, p), "rb").read() for p in group["paths"])
        offset = 0
        for spec in group["weights"]:
            name, shape = spec["name"], spec["shape"]
            if spec["dtype"] != "float32":
                raise ValueError(f"{name}: dtype {spec['dtype']} not supported")
            count = math.prod(shape)
            q = spec.get("quantization")
            if q is None:
                arr = np.frombuffer(blob, dtype="<f4", count=count, offset=offset).astype(np.float32)
                offset += count * 4
            elif q.get("dtype") == "uint8" and "scale" in q and "min" in q:
                raw = np.frombuffer(blob, dtype=np.uint8, count=count, offset=offset)
                arr = (raw.astype(np.float64) * float(q["scale"]) + float(q["min"])).astype(np.float32)
                offset += count
            else:
                raise ValueError(f"{name}: quantization {q} not supported")
            if name in weights:
                raise ValueError(f"{name}: appears twice in the manifest")
            weights[name] = arr.reshape(shape)
        if offset != len(blob):
            raise ValueError(f"weights group {group['paths']} has {len(blob) - offset} unread bytes")
    want = expected_shapes()
    if set(weights) != set(want):
        raise ValueError(
            f"manifest does not match the architecture: missing {sorted(set(want) - set(weights))}, "
            f"extra {sorted(set(weights) - set(want))}"
        )
    for name, shape in want.items():
        if list(weights[name].shape) != shape:
            raise ValueError(f"{name}: shape {list(weights[name].shape)}, expected {shape}")
    return weights


def same_pads(size, k, s):
    """ONNX pads (begin, end) for TF 'same' padding along one axis: extra pixel at the end."""
    out = -(-size // s)
    total = max((out - 1) * s + k - size, 0)
    return total // 2, total - total // 2, out


class Builder:
    def __init__(self, weights):
        self.w = weights
        self.nodes = []
        self.inits = []
        self.used = set()

    def init(self, name, array):
        self.inits.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(self, op, inputs, name, **attrs):
        self.nodes.append(helper.make_node(op, inputs, [name], name=name, **attrs))
        return name

    def weight(self, name):
        self.used.add(name)
        return self.w[name]

    def conv(self, x, size, tf_kernel_name, stride, out_name, depthwise, bias_name=None):
        """Conv from a TF kernel; returns (tensor, output size). TF 'same' padding."""
        k = self.weight(tf_kernel_name)
        kh, kw, c_in, m = k.shape
        if depthwise:
            if m != 1:
                raise ValueError(f"{tf_kernel_name}: channel multiplier {m} not supported")
            w = k.reshape(kh, kw, c_in).transpose(2, 0, 1).reshape(c_in, 1, kh, kw)
            group = c_in
        else:
            w = k.transpose(3, 2, 0, 1)  # HWIO -> OIHW
            group = 1
        b0, b1, out = same_pads(size, kh, stride)
        inputs = [x, self.init(tf_kernel_name, w.astype(np.float32))]
        if bias_name is not None:
            inputs.append(self.init(bias_name, self.weight(bias_name).astype(np.float32)))
        y = self.node(
            "Conv",
            inputs,
            out_name,
            kernel_shape=[kh, kw],
            strides=[stride, stride],
            pads=[b0, b0, b1, b1],
            group=group,
        )
        return y, out

    def sep_conv(self, x, size, prefix, stride):
        """face-api depthwiseSeparableConv: separableConv2d(x, dw, pw, stride, 'same') + bias."""
        d, size = self.conv(x, size, f"{prefix}/depthwise_filter", stride, f"{prefix}/depthwise", True)
        y, _ = self.conv(d, size, f"{prefix}/pointwise_filter", 1, f"{prefix}/pointwise", False, f"{prefix}/bias")
        return y, size

    def dense_block4(self, x, size, prefix, first):
        if first:
            c0, size = self.conv(x, size, f"{prefix}/conv0/filters", 2, f"{prefix}/conv0", False, f"{prefix}/conv0/bias")
        else:
            c0, size = self.sep_conv(x, size, f"{prefix}/conv0", 2)
        out1 = self.node("Relu", [c0], f"{prefix}/out1")
        out2, _ = self.sep_conv(out1, size, f"{prefix}/conv1", 1)
        in3 = self.node("Relu", [self.node("Add", [out1, out2], f"{prefix}/out1+out2")], f"{prefix}/in3")
        out3, _ = self.sep_conv(in3, size, f"{prefix}/conv2", 1)
        s23 = self.node("Add", [out2, out3], f"{prefix}/out2+out3")
        in4 = self.node("Relu", [self.node("Add", [out1, s23], f"{prefix}/out1+(out2+out3)")], f"{prefix}/in4")
        out4, _ = self.sep_conv(in4, size, f"{prefix}/conv3", 1)
        s34 = self.node("Add", [out3, out4], f"{prefix}/out3+out4")
        s234 = self.node("Add", [out2, s34], f"{prefix}/out2+(out3+out4)")
        y = self.node("Relu", [self.node("Add", [out1, s234], f"{prefix}/out1+(out2+(out3+out4))")], f"{prefix}/out")
        return y, size

    def build(self):
        mean = self.init("mean_rgb", np.array(MEAN_RGB, dtype=np.float32))
        x = self.node("Sub", [INPUT_NAME, mean], "minus_mean_rgb")
        x = self.node("Div", [x, self.init("255", np.array(255, dtype=np.float32))], "div_255")
        x = self.node("Transpose", [x], "to_nchw", perm=[0, 3, 1, 2])
        size = SIZE
        for b in range(len(BLOCK_CHANNELS)):
            x, size = self.dense_block4(x, size, f"dense{b}", b == 0)
        if size != 7:
            raise ValueError(f"feature map is {size}x{size}, expected 7x7")
        # tf.avgPool(out, [7, 7], [2, 2], 'valid'): one 7x7 window on the 7x7 map.
        x = self.node("AveragePool", [x], "avg_pool", kernel_shape=[7, 7], strides=[2, 2], pads=[0, 0, 0, 0])
        x = self.node("Flatten", [x], "as2d", axis=1)
        fc_w = self.init("fc/weights", self.weight("fc/weights").astype(np.float32))
        fc_b = self.init("fc/bias", self.weight("fc/bias").astype(np.float32))
        x = self.node("Gemm", [x, fc_w, fc_b], "fc")
        x = self.node("Softmax", [x], "softmax_faceapi_order", axis=-1)
        order = self.init("faceapi_to_app_order", np.array(REORDER, dtype=np.int64))
        self.nodes.append(helper.make_node("Gather", [x, order], [OUTPUT_NAME], name="to_app_order", axis=1))
        if self.used != set(self.w):
            raise ValueError(f"unused weights: {sorted(set(self.w) - self.used)}")

        graph = helper.make_graph(
            self.nodes,
            "faceapi_expression",
            [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, ["N", SIZE, SIZE, 3])],
            [helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, ["N", len(LABELS)])],
            self.inits,
        )
        m = helper.make_model(
            graph,
            producer_name="moodtunes convert_faceapi_expression_to_onnx.py",
            producer_version="1",
            opset_imports=[helper.make_opsetid("", OPSET)],
        )
        m.ir_version = 7  # onnx 1.12 / opset 13 era, readable by every current runtime
        m.doc_string = (
            "face-api.js FaceExpressionNet (FaceFeatureExtractor + fully connected, 7 expressions), "
            "converted from the weights in npm @vladmandic/face-api@1.7.15 (model/face_expression_model.bin, "
            "uint8-dequantised). Input NHWC [N,112,112,3] RGB pixels 0..255; the graph subtracts the RGB means "
            f"{MEAN_RGB} and divides by 255 itself. Output softmax reordered from face-api's order "
            f"({', '.join(FACEAPI_LABELS)}) by Gather {REORDER} to: {', '.join(LABELS)}."
        )
        helper.set_model_props(
            m,
            {
                "labels": ",".join(LABELS),
                "faceapi_labels": ",".join(FACEAPI_LABELS),
                "source": "npm @vladmandic/face-api@1.7.15 model/face_expression_model.bin (MIT)",
            },
        )
        return m


def main(argv):
    if len(argv) != 3:
        print("usage: convert_faceapi_expression_to_onnx.py FACEAPI_PACKAGE_DIR OUTPUT_ONNX", file=sys.stderr)
        return 2
    weights = load_weights(argv[1])
    model = Builder(weights).build()
    onnx.checker.check_model(model, full_check=True)
    out_dir = os.path.dirname(os.path.abspath(argv[2]))
    os.makedirs(out_dir, exist_ok=True)
    onnx.save(model, argv[2])
    params = sum(a.size for a in weights.values())
    ops = sorted({n.op_type for n in model.graph.node})
    print(
        f"wrote {argv[2]}: {len(model.graph.node)} nodes ({', '.join(ops)}), {len(weights)} weight tensors, "
        f"{params:,} parameters, opset {OPSET}, {os.path.getsize(argv[2]):,} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
