"""Shared pieces of the Moodtunes emotion-model pipeline: class order, the app's preprocessing, the network.

Everything here mirrors what the app does at inference time
(src/Moodtunes.Vision/EmotionRecognition/EmotionClassifier.cs + FaceCropper.cs):
the whole face crop is drawn into a 64x64 RGBA8888 bitmap with bilinear filtering (so the resized pixels
are 8-bit), then grey = 0.2989 R + 0.5870 G + 0.1140 B on 0..1, then (grey - 0.5) * 2.
"""
from __future__ import annotations

import os

import numpy as np
import torch
from torch import nn
from PIL import Image

# The app's output order (Moodtunes.Core Emotion enum / model output). Never reorder.
CLASSES = ["angry", "disgust", "fear", "happy", "sad", "surprise", "neutral"]
# The original team's 4-class view: argmax over these four outputs, on images of these four classes.
FOUR_CLASS = ["happy", "sad", "surprise", "neutral"]
FOUR_IDX = [CLASSES.index(c) for c in FOUR_CLASS]
INPUT_SIZE = 64
IMAGE_EXTS = {".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp"}


def _bilinear_axis(n_in: int, n_out: int):
    """Source indices and weights of a bilinear resample with half-pixel centres, edges clamped."""
    c = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
    i0 = np.floor(c).astype(np.int64)
    f = c - i0
    return np.clip(i0, 0, n_in - 1), np.clip(i0 + 1, 0, n_in - 1), f


def resize_like_skia(rgb: np.ndarray, size: int = INPUT_SIZE) -> np.ndarray:
    """uint8 [H,W,3] -> [size,size,3] on the 8-bit grid, as Skia's SKFilterMode.Linear draws it into an
    RGBA8888 bitmap when enlarging (FER2013: 48 -> 64): bilinear, half-pixel centres, clamped edges,
    rounded half up. Measured against the app's Skia output on 656 val faces: 99.6 % of pixels equal,
    the rest (exact .5 ties) one grey level apart (PIL's BILINEAR: 80 % equal). Shrinking (Skia then
    uses mipmaps) is not modelled: it falls back to PIL's BILINEAR."""
    h, w = rgb.shape[:2]
    if h > size or w > size:
        return np.asarray(Image.fromarray(rgb).resize((size, size), Image.BILINEAR), dtype=np.float64)
    y0, y1, fy = _bilinear_axis(h, size)
    x0, x1, fx = _bilinear_axis(w, size)
    a = rgb.astype(np.float64)
    r = a[y0] * (1 - fy)[:, None, None] + a[y1] * fy[:, None, None]
    o = r[:, x0] * (1 - fx)[None, :, None] + r[:, x1] * fx[None, :, None]
    return np.floor(o + 0.5)


def to_model_input(path: str) -> np.ndarray:
    """One image file -> float32 [64, 64] as the app feeds the model (FaceCropper.DrawWhole + WriteGrey)."""
    with Image.open(path) as im:
        rgb = np.asarray(im.convert("RGB"), dtype=np.uint8)
    a = rgb.astype(np.float64) if rgb.shape[:2] == (INPUT_SIZE, INPUT_SIZE) else resize_like_skia(rgb)
    a = a.astype(np.float32)
    grey = (np.float32(0.2989) * a[..., 0] + np.float32(0.5870) * a[..., 1] + np.float32(0.1140) * a[..., 2]) \
        / np.float32(255)
    return ((grey - np.float32(0.5)) * np.float32(2)).astype(np.float32)


def list_folder(root: str, limit_per_class: int | None = None, seed: int = 0):
    """(paths, labels, counts) for class-named subfolders of root, in the app's class order.

    Files are sorted by name; with limit_per_class a seeded random subset of each class is taken.
    Subfolders that are not one of the seven classes are ignored (as the CLI eval does).
    """
    rng = np.random.default_rng(seed)
    paths, labels, counts = [], [], {}
    for label, name in enumerate(CLASSES):
        d = os.path.join(root, name)
        if not os.path.isdir(d):
            counts[name] = 0
            continue
        files = sorted(f for f in os.listdir(d) if os.path.splitext(f)[1].lower() in IMAGE_EXTS)
        if limit_per_class is not None and len(files) > limit_per_class:
            pick = rng.choice(len(files), size=limit_per_class, replace=False)
            files = [files[i] for i in sorted(pick)]
        counts[name] = len(files)
        paths += [os.path.join(d, f) for f in files]
        labels += [label] * len(files)
    return paths, np.asarray(labels, dtype=np.int64), counts


# FER+ (microsoft/FERPlus) vote columns, as in ferplus-votes.csv, and the app's class each one feeds.
# contempt, unknown and NF (not a face) feed none: see load_votes.
FERPLUS_COLUMNS = ["neutral", "happiness", "surprise", "sadness", "anger", "disgust", "fear", "contempt",
                   "unknown", "NF"]
FERPLUS_TO_CLASS = {"neutral": "neutral", "happiness": "happy", "surprise": "surprise", "sadness": "sad",
                    "anger": "angry", "disgust": "disgust", "fear": "fear"}


def load_votes(csv_path: str) -> dict[str, np.ndarray]:
    """ferplus-votes.csv -> {"train/<class>/<file>": float32[7] vote distribution in the app's class order}.

    The decision (training/README.md, "FER+ votes"): votes for contempt, unknown and not-a-face are
    dropped, since the app has no such class; an image keeps its other votes, renormalised, unless those
    dropped votes are at least half of all its votes (then what the annotators saw is not one of our seven
    emotions) or FER+ left the image unlabelled (empty row). Such images are left out of training and of
    the FER+ figures."""
    import csv
    votes = {}
    with open(csv_path, newline="") as f:
        reader = csv.DictReader(f)
        for row in reader:
            if not row["neutral"]:
                continue
            counts = {c: float(row[c]) for c in FERPLUS_COLUMNS}
            total = sum(counts.values())
            kept = np.zeros(len(CLASSES), dtype=np.float32)
            for column, name in FERPLUS_TO_CLASS.items():
                kept[CLASSES.index(name)] = counts[column]
            if total <= 0 or kept.sum() * 2 <= total:
                continue
            votes[row["file"]] = kept / kept.sum()
    return votes


def ferplus_majority(votes: dict[str, np.ndarray], key: str) -> int:
    """The FER+ majority label of an image, or -1: the top class must hold more than half of the kept votes
    (the rule the held-out FER+ figures use)."""
    v = votes.get(key)
    if v is None or v.max() <= 0.5:
        return -1
    return int(v.argmax())


def vote_key(path: str) -> str:
    """A file's key in ferplus-votes.csv: split/class/file, from the last three parts of its path."""
    parts = os.path.normpath(path).split(os.sep)
    return "/".join(parts[-3:])


def load_folder(root: str, limit_per_class: int | None = None, seed: int = 0):
    """Loads a class-named folder into memory: x float32 [N,1,64,64] (model input), y int64 [N], counts."""
    paths, y, counts = list_folder(root, limit_per_class, seed)
    x = np.empty((len(paths), 1, INPUT_SIZE, INPUT_SIZE), dtype=np.float32)
    for i, p in enumerate(paths):
        x[i, 0] = to_model_input(p)
    return torch.from_numpy(x), torch.from_numpy(y), counts, paths


# ----------------------------------------------------------------------------------------------- network

def conv_bn_relu(cin: int, cout: int, stride: int = 1) -> nn.Sequential:
    return nn.Sequential(
        nn.Conv2d(cin, cout, 3, stride=stride, padding=1, bias=False),
        nn.BatchNorm2d(cout),
        nn.ReLU(inplace=True),
    )


class EmotionNet(nn.Module):
    """Compact VGG-style CNN for 64x64 grey faces.

    stem: conv3x3 stride 2 (64 -> 32; the FER2013 crops are 48x48 upscaled to 64, so little is lost),
    then len(widths) stages of `convs` x (conv3x3-BN-ReLU), max-pool 2x2 between stages,
    global average pooling, dropout, linear -> 7 logits. Input NCHW [N,1,64,64]; export_onnx.py wraps it
    with the NHWC transpose and the softmax.
    """

    def __init__(self, widths=(32, 64, 128, 256), stem: int = 32, convs: int = 2, dropout: float = 0.3,
                 num_classes: int = 7):
        super().__init__()
        layers = [conv_bn_relu(1, stem, stride=2)]
        cin = stem
        for s, w in enumerate(widths):
            if s > 0:
                layers.append(nn.MaxPool2d(2))
            for _ in range(convs):
                layers.append(conv_bn_relu(cin, w))
                cin = w
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.dropout = nn.Dropout(dropout)
        self.fc = nn.Linear(cin, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")

    def forward(self, x):
        x = self.pool(self.features(x)).flatten(1)
        return self.fc(self.dropout(x))


def count_macs(model: nn.Module, size: int = INPUT_SIZE) -> int:
    """Multiply-accumulates for one 1x64x64 input (conv + linear layers), by forward hooks."""
    macs = [0]

    def conv_hook(m, inp, out):
        k = m.kernel_size[0] * m.kernel_size[1] * (m.in_channels // m.groups)
        macs[0] += out.numel() * k

    def fc_hook(m, inp, out):
        macs[0] += m.in_features * m.out_features

    hooks = []
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            hooks.append(m.register_forward_hook(conv_hook))
        elif isinstance(m, nn.Linear):
            hooks.append(m.register_forward_hook(fc_hook))
    was_training = model.training
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 1, size, size))
    model.train(was_training)
    for h in hooks:
        h.remove()
    return macs[0]


def build_model(cfg: dict) -> EmotionNet:
    return EmotionNet(widths=tuple(cfg["widths"]), stem=cfg["stem"], convs=cfg["convs"], dropout=cfg["dropout"])
