#!/usr/bin/python3
"""Fits when the page should say "not sure" (and ask), from `moodtunes eval --readings` CSVs of the dev photos.

    /usr/bin/python3 training/fit_unsure.py runs/readings/v2-tcce.csv runs/readings/v2-wild.csv [--target 0.8]

A reading is "sure" when its top probability is at least the threshold of its top emotion. Three rules are
fitted on all the given sets, each to the fewest asks that keeps the sure readings right at least
--target of the time: one threshold for every emotion; one per emotion (coordinate descent from the single
one, each emotion's threshold lowered while the target holds); per emotion, shrunk halfway back to the single
one (less fitted to these photos). The target must hold on each set on its own. Photos without a face count
as asked and wrong. Prints each rule's figures
per set; the thresholds to ship go into EmotionDistribution (src/Moodtunes.Core/Emotions).
"""
import argparse
import csv

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CLASSES, ferplus_majority, vote_key  # noqa: E402


def load(path, votes=None):
    """(probabilities [N,7], NaN where no face; labels [N]) of a readings CSV; with votes (common.load_votes)
    the FER+ majority labels instead of the folder's, leaving out images that have none."""
    probs, labels = [], []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            label = CLASSES.index(row["label"])
            if votes is not None:
                label = ferplus_majority(votes, vote_key(row["file"]))
                if label < 0:
                    continue
            labels.append(label)
            probs.append([float(row[c]) for c in CLASSES] if row["face"] == "1" else [np.nan] * 7)
    return np.array(probs, dtype=np.float64), np.array(labels)


def figures(p, y, thresholds):
    face = ~np.isnan(p[:, 0])
    top = np.where(face, np.nan_to_num(p, nan=-1).argmax(1), -1)
    conf = np.where(face, np.nan_to_num(p, nan=-1).max(1), -1)
    sure = face & (conf >= thresholds[np.maximum(top, 0)])
    right = top == y
    return {"n": len(y), "acc": right.mean(), "asks": 1 - sure.mean(),
            "sure_right": right[sure].mean() if sure.any() else float("nan")}


def holds(sets, thresholds, target):
    """The target holds on every set, not only on all photos together: a held-out set of one kind is
    checked on its own."""
    return all(figures(p, y, thresholds)["sure_right"] >= target for p, y in sets)


def fit_single(sets, target):
    for t in np.arange(0.0, 1.0, 0.005):
        if holds(sets, np.full(7, t), target):
            return round(float(t), 3)
    return 1.0


def fit_per_class(sets, target, start):
    th = np.full(7, start)
    for _ in range(5):
        for c in range(7):
            for t in np.arange(0.0, th[c] + 1e-9, 0.005):
                trial = th.copy()
                trial[c] = t
                if holds(sets, trial, target):
                    th[c] = t
                    break
    return np.round(th, 3)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("readings", nargs="+")
    ap.add_argument("--target", type=float, default=0.8)
    args = ap.parse_args()
    sets = {path: load(path) for path in args.readings}
    p = np.concatenate([s[0] for s in sets.values()])
    y = np.concatenate([s[1] for s in sets.values()])
    single = fit_single(list(sets.values()), args.target)
    per_class = fit_per_class(list(sets.values()), args.target, single)
    shrunk = np.round((per_class + single) / 2, 3)
    for name, th in [("single", np.full(7, single)), ("per emotion", per_class), ("per emotion, shrunk", shrunk)]:
        print(f"{name}: " + ", ".join(f"{c} {t:.3f}" for c, t in zip(CLASSES, th)))
        for path, (sp, sy) in list(sets.items()) + [("all", (p, y))]:
            f = figures(sp, sy, th)
            print(f"  {path}: {f['n']} photos, accuracy {100 * f['acc']:.1f} %, asks {100 * f['asks']:.1f} %, "
                  f"sure readings right {100 * f['sure_right']:.1f} %")


if __name__ == "__main__":
    main()
