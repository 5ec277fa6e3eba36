#!/usr/bin/python3
"""Chooses the weight of the second opinion from `moodtunes eval --photos --readings` CSVs of the dev photos.

    /usr/bin/python3 training/fit_second_opinion.py [--votes ferplus-votes.csv] SET=FIRST.csv,SECOND.csv [SET=...]

FIRST holds the primary model's readings, SECOND the second model's (run eval with
Vision__SecondOpinion__Weight=1), of the same photos. For each weight 0, 0.05, ..., 1 of the second model it
prints the 7-class accuracy of the weighted average on each set (no face = wrong) and their mean. A set
whose name starts with "fer" is scored against the FER+ majority labels of --votes.
"""
import sys

import numpy as np

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import load_votes  # noqa: E402
from fit_unsure import load  # noqa: E402


def main():
    args = sys.argv[1:]
    votes = None
    if args[:1] == ["--votes"]:
        votes, args = load_votes(args[1]), args[2:]
    sets = {}
    for arg in args:
        name, files = arg.split("=", 1)
        first, second = files.split(",")
        v = votes if name.startswith("fer") else None
        (p1, y1), (p2, y2) = load(first, v), load(second, v)
        assert (y1 == y2).all(), f"{name}: the two files do not hold the same photos"
        sets[name] = (p1, p2, y1)
    print("weight  " + "  ".join(f"{n:>8}" for n in sets) + "      mean")
    for w in np.arange(0, 1.0001, 0.05):
        accs = []
        for p1, p2, y in sets.values():
            p = (1 - w) * p1 + w * p2
            pred = np.where(np.isnan(p[:, 0]), -1, np.nan_to_num(p, nan=-1).argmax(1))
            accs.append((pred == y).mean())
        print(f"{w:6.2f}  " + "  ".join(f"{100 * a:7.1f}%" for a in accs) + f"  {100 * np.mean(accs):7.1f}%")


if __name__ == "__main__":
    main()
