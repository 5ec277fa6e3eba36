#!/usr/bin/python3
"""Trains the Moodtunes emotion classifier on class-named folders of face crops (FER2013 layout).

    /usr/bin/python3 training/train.py --train ../shared/data/fer2013/train --val ../shared/data/fer2013/val \
        --epochs 60 --out training/runs/full-seed1

Chooses the best epoch by 7-class accuracy on --val only. Writes into --out:
  last.pt (resumable: model, optimiser, schedule, RNG, history), best.pt (best epoch's weights + config),
  run.json (the record: data, counts, seed, hyper-parameters, per-epoch time and val accuracy, versions, device).
Runs on CPU (use --threads 1 on the shared 2-core machine) and on CUDA when torch.cuda.is_available().
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import socket
import subprocess
import sys
import time
from datetime import datetime, timezone

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import CLASSES, FOUR_IDX, build_model, count_macs, ferplus_majority, load_folder, load_votes, vote_key  # noqa: E402


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--train", required=True, help="folder with class-named subfolders (training images)")
    p.add_argument("--val", required=True, help="folder with class-named subfolders (model selection only)")
    p.add_argument("--out", required=True, help="run folder (created); holds checkpoints and run.json")
    p.add_argument("--epochs", type=int, default=60)
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("--lr", type=float, default=3e-3, help="peak learning rate (OneCycle)")
    p.add_argument("--weight-decay", type=float, default=0.01, help="AdamW (decoupled) weight decay on conv/linear weights")
    p.add_argument("--label-smoothing", type=float, default=0.1)
    p.add_argument("--votes", default=None,
                   help="ferplus-votes.csv: train against each image's FER+ vote distribution (images without usable "
                        "votes are left out) and choose the epoch by FER+ majority accuracy on --val")
    p.add_argument("--teacher", default=None,
                   help="with --votes: a teacher's readings of the training images (`moodtunes eval --readings` CSV); "
                        "the target becomes (1 - --teacher-weight) x votes + --teacher-weight x the teacher's probabilities")
    p.add_argument("--teacher-weight", type=float, default=0.3)
    p.add_argument("--balance", choices=["none", "sqrt", "inverse", "sampler"], default="sqrt",
                   help="class balancing: loss weights ~ 1/sqrt(freq) (default), ~ 1/freq, or a balanced sampler")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--limit-per-class", type=int, default=None,
                   help="use at most this many training images per class (smoke runs); val is never limited")
    p.add_argument("--max-steps-per-epoch", type=int, default=None,
                   help="stop each epoch after this many batches (timing runs only)")
    p.add_argument("--threads", type=int, default=1, help="torch CPU threads (1 on the shared machine)")
    p.add_argument("--device", default=None, help="cpu or cuda; default cuda when available")
    # network
    p.add_argument("--widths", default="32,64,128,256", help="channels per stage")
    p.add_argument("--stem", type=int, default=32, help="channels of the stride-2 stem conv")
    p.add_argument("--convs", type=int, default=2, help="conv-BN-ReLU per stage")
    p.add_argument("--dropout", type=float, default=0.3)
    # augmentation
    p.add_argument("--pad", type=int, default=6, help="random crop with this padding (pixels at 64x64)")
    p.add_argument("--rotate", type=float, default=10.0, help="max rotation, degrees")
    p.add_argument("--scale", type=float, default=0.1, help="max relative zoom in/out")
    p.add_argument("--jitter", type=float, default=0.2, help="max brightness / contrast change")
    p.add_argument("--photo-augment", type=float, default=0.0,
                   help="probability of each phone-photo degradation: gamma (low light), blur, lost resolution, noise")
    p.add_argument("--no-augment", action="store_true")
    p.add_argument("--init-onnx", default=None,
                   help="fine-tune: start from an exported model's weights (BatchNorm folded in, so BN is kept frozen as identity)")
    p.add_argument("--resume", action="store_true", help="continue from --out/last.pt")
    return p.parse_args(argv)


# ----------------------------------------------------------------------------------------- augmentation

def augment(x: torch.Tensor, args, gen: torch.Generator) -> torch.Tensor:
    """Batch augmentation on the model-input scale ([-1,1], NCHW), on whatever device x lives on.

    random crop with padding (edge-replicated), horizontal flip, small rotation + zoom (one bilinear
    resample), brightness / contrast jitter. All randomness comes from `gen` (CPU generator, seeded).
    """
    n, _, h, w = x.shape
    dev = x.device

    def rand(*shape):
        return torch.rand(*shape, generator=gen).to(dev)

    # random crop with padding: pad by `pad` (replicate), cut a random 64x64 window per image
    if args.pad > 0:
        p = args.pad
        padded = F.pad(x, (p, p, p, p), mode="replicate")
        ox = torch.randint(0, 2 * p + 1, (n,), generator=gen).to(dev)
        oy = torch.randint(0, 2 * p + 1, (n,), generator=gen).to(dev)
        rows = (oy[:, None] + torch.arange(h, device=dev))[:, :, None]   # [n,h,1]
        cols = (ox[:, None] + torch.arange(w, device=dev))[:, None, :]   # [n,1,w]
        batch = torch.arange(n, device=dev)[:, None, None]
        x = padded.permute(0, 2, 3, 1)[batch, rows, cols].permute(0, 3, 1, 2).contiguous()

    # horizontal flip
    flip = rand(n) < 0.5
    x = torch.where(flip[:, None, None, None], x.flip(3), x)

    # rotation + zoom, one affine resample (border = edge pixels)
    if args.rotate > 0 or args.scale > 0:
        ang = (rand(n) * 2 - 1) * math.radians(args.rotate)
        sc = 1 + (rand(n) * 2 - 1) * args.scale
        cos, sin = torch.cos(ang) / sc, torch.sin(ang) / sc
        zero = torch.zeros_like(cos)
        theta = torch.stack([torch.stack([cos, -sin, zero], 1), torch.stack([sin, cos, zero], 1)], 1)
        grid = F.affine_grid(theta, list(x.shape), align_corners=False)
        x = F.grid_sample(x, grid, mode="bilinear", padding_mode="border", align_corners=False)

    if args.photo_augment > 0:
        x = photo_degrade(x, args.photo_augment, rand)

    # brightness / contrast on the 0..1 grey scale, then back to [-1,1]
    if args.jitter > 0:
        g = x * 0.5 + 0.5
        mean = g.mean(dim=(1, 2, 3), keepdim=True)
        c = 1 + (rand(n, 1, 1, 1) * 2 - 1) * args.jitter
        b = (rand(n, 1, 1, 1) * 2 - 1) * args.jitter * 0.5
        g = ((g - mean) * c + mean + b).clamp(0, 1)
        x = (g - 0.5) * 2
    return x


def photo_degrade(x: torch.Tensor, p: float, rand) -> torch.Tensor:
    """What phone photos do to a face that FER2013 crops rarely show, each with probability p per image:
    under/over-exposure (gamma 0.6..1.65), defocus blur (Gaussian sigma 0.5..1.5 px at 64x64), lost
    resolution (a small face upscaled: down to 35..70 % and back), sensor noise (sigma up to 0.04)."""
    n = x.shape[0]
    g = x * 0.5 + 0.5
    pick = lambda: (rand(n) < p)[:, None, None, None]  # noqa: E731
    gamma = torch.exp((rand(n) * 2 - 1) * 0.5)[:, None, None, None]
    g = torch.where(pick(), g.clamp(1e-4, 1) ** gamma, g)
    sigma = 0.5 + rand(n)
    taps = torch.arange(-3, 4, device=x.device, dtype=x.dtype)
    k = torch.exp(-(taps[None, :] ** 2) / (2 * sigma[:, None] ** 2))
    k = k / k.sum(1, keepdim=True)                                      # [n,7] one 1-D kernel per image
    blurred = F.conv2d(F.pad(g.transpose(0, 1), (3, 3, 0, 0), mode="replicate"), k[:, None, None, :], groups=n)
    blurred = F.conv2d(F.pad(blurred, (0, 0, 3, 3), mode="replicate"), k[:, None, :, None], groups=n).transpose(0, 1)
    g = torch.where(pick(), blurred, g)
    size = g.shape[-1]
    small = int(size * (0.35 + 0.35 * rand(1).item()))
    lowres = F.interpolate(F.interpolate(g, size=(small, small), mode="bilinear", align_corners=False, antialias=True),
                           size=(size, size), mode="bilinear", align_corners=False)
    g = torch.where(pick(), lowres, g)
    noise = torch.randn(g.shape, generator=None, device=x.device) * (rand(n) * 0.04)[:, None, None, None]
    g = torch.where(pick(), g + noise, g).clamp(0, 1)
    return (g - 0.5) * 2


def load_onnx_weights(model, path: str):
    """Copies an exported model's folded Conv weights into the network and makes each BatchNorm an identity
    (weight 1, bias = the folded conv bias, running mean 0, var 1 - eps) so the function is unchanged; the
    BNs must then stay in eval mode while fine-tuning (see freeze_batchnorm)."""
    import onnx
    from onnx import numpy_helper
    graph = onnx.load(path).graph
    weights = {i.name: torch.from_numpy(numpy_helper.to_array(i).copy()) for i in graph.initializer}
    convs = [n for n in graph.node if n.op_type == "Conv"]
    blocks = [m for m in model.features if isinstance(m, nn.Sequential)]
    if len(convs) != len(blocks):
        sys.exit(f"--init-onnx: {len(convs)} convolutions in the model file, {len(blocks)} in this network")
    with torch.no_grad():
        for node, (conv, bn, _) in zip(convs, blocks):
            conv.weight.copy_(weights[node.input[1]])
            bn.weight.fill_(1)
            bn.bias.copy_(weights[node.input[2]])
            bn.running_mean.zero_()
            bn.running_var.fill_(1 - bn.eps)
        gemm = next(n for n in graph.node if n.op_type == "Gemm")
        model.fc.weight.copy_(weights[gemm.input[1]])
        model.fc.bias.copy_(weights[gemm.input[2]])


def load_teacher(csv_path: str) -> dict:
    """A `moodtunes eval --readings` CSV -> {"train/<class>/<file>": float32[7] probabilities}."""
    import csv
    with open(csv_path, newline="") as f:
        return {vote_key(row["file"]): np.array([float(row[c]) for c in CLASSES], dtype=np.float32)
                for row in csv.DictReader(f) if row["face"] == "1"}


def freeze_batchnorm(model):
    for m in model.modules():
        if isinstance(m, nn.BatchNorm2d):
            m.eval()


# ------------------------------------------------------------------------------------------- evaluation

@torch.no_grad()
def evaluate(model, x, y, device, batch_size=256, y_plus=None):
    """7-class accuracy, 4-class-view accuracy (argmax over happy/sad/surprise/neutral on those images),
    per-class recall and the 7x7 confusion (rows = truth, columns = prediction), as the CLI eval reports.
    With y_plus (FER+ majority labels, -1 where there is none) the same figures against those labels too."""
    model.eval()
    logits = torch.cat([model(x[i:i + batch_size].to(device)).float().cpu() for i in range(0, len(x), batch_size)])
    result = score(logits, y)
    if y_plus is not None:
        known = y_plus >= 0
        result["plus"] = score(logits[known], y_plus[known])
    return result


def score(logits, y):
    pred = logits.argmax(1)
    conf = torch.zeros(7, 7, dtype=torch.long)
    for t, p_ in zip(y.tolist(), pred.tolist()):
        conf[t, p_] += 1
    acc7 = (pred == y).float().mean().item()
    four = torch.tensor(FOUR_IDX)
    mask = (y[:, None] == four[None, :]).any(1)
    pred4 = four[logits[mask][:, four].argmax(1)]
    acc4 = (pred4 == y[mask]).float().mean().item()
    recall = {CLASSES[i]: (conf[i, i] / conf[i].sum()).item() if conf[i].sum() > 0 else None for i in range(7)}
    return {"acc7": acc7, "acc4": acc4, "recall": recall, "confusion": conf.tolist(), "n": len(y)}


def soft_cross_entropy(logits, targets, class_weights):
    """Cross-entropy against a distribution (the FER+ votes), each class's term weighted; normalised by the
    batch's total target weight so that the loss scale does not depend on the batch's class mix."""
    weighted = targets * class_weights[None, :]
    return -(weighted * F.log_softmax(logits, dim=1)).sum() / weighted.sum()


# ------------------------------------------------------------------------------------------------ main

def git_revision() -> str | None:
    """HEAD commit of the repository this script lives in, with '+dirty' when the tree has changes."""
    here = os.path.dirname(os.path.abspath(__file__))
    try:
        head = subprocess.run(["git", "-C", here, "rev-parse", "HEAD"], capture_output=True, text=True,
                              check=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", here, "status", "--porcelain", "--", "."], capture_output=True,
                               text=True, check=True).stdout.strip()
        return head + ("+dirty(training/)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return None


def set_seed(seed: int):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    device = torch.device(args.device or ("cuda" if torch.cuda.is_available() else "cpu"))
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
    set_seed(args.seed)
    os.makedirs(args.out, exist_ok=True)

    cfg = {"widths": [int(w) for w in args.widths.split(",")], "stem": args.stem, "convs": args.convs,
           "dropout": args.dropout}
    model = build_model(cfg)
    if args.init_onnx:
        load_onnx_weights(model, args.init_onnx)
    macs = count_macs(model)
    params = sum(p.numel() for p in model.parameters())
    print(f"model: {cfg}  {macs / 1e6:.1f} M MACs/face  {params / 1e6:.2f} M params  device {device}"
          f"  threads {torch.get_num_threads()}", flush=True)

    t0 = time.time()
    xtr, ytr, ctr, ptr = load_folder(args.train, args.limit_per_class, args.seed)
    xva, yva, cva, pva = load_folder(args.val)
    print(f"loaded train {len(xtr)} {ctr}\n       val   {len(xva)} {cva}  in {time.time() - t0:.1f} s", flush=True)
    ttr, yva_plus = None, None
    if args.votes:
        votes = load_votes(args.votes)
        keep = [i for i, path in enumerate(ptr) if vote_key(path) in votes]
        ttr = torch.from_numpy(np.stack([votes[vote_key(ptr[i])] for i in keep]))
        if args.teacher:
            teacher = load_teacher(args.teacher)
            taught = torch.from_numpy(np.stack([teacher[vote_key(ptr[i])] for i in keep]))
            ttr = (1 - args.teacher_weight) * ttr + args.teacher_weight * taught
        xtr, ytr = xtr[keep], ttr.argmax(1)
        yva_plus = torch.tensor([ferplus_majority(votes, vote_key(path)) for path in pva])
        print(f"FER+ votes: {len(keep)} training images with usable votes; {int((yva_plus >= 0).sum())} val images "
              f"with a majority label", flush=True)

    # class frequencies: folder labels, or the vote mass of each class under --votes
    counts = (ttr.sum(0) if ttr is not None else torch.bincount(ytr, minlength=7).float()).clamp(min=1)
    if args.balance == "sqrt":
        weights = counts.rsqrt()
    elif args.balance == "inverse":
        weights = 1 / counts
    else:
        weights = torch.ones(7)
    weights = weights * counts.sum() / (weights * counts).sum()  # mean weight per training image = 1
    criterion = nn.CrossEntropyLoss(weight=weights.to(device), label_smoothing=args.label_smoothing)
    if ttr is not None:
        smoothed = ttr * (1 - args.label_smoothing) + args.label_smoothing / 7
        class_weights = weights.to(device)

    model.to(device)
    if device.type == "cuda":  # the whole set fits in GPU memory (28,709 x 64x64 float32 = 470 MB)
        xtr, ytr = xtr.to(device), ytr.to(device)
        if ttr is not None:
            smoothed = smoothed.to(device)
    steps = math.ceil(len(xtr) / args.batch_size)
    if args.max_steps_per_epoch:
        steps = min(steps, args.max_steps_per_epoch)
    decay = [q for q in model.parameters() if q.ndim > 1]       # conv / linear weights
    no_decay = [q for q in model.parameters() if q.ndim <= 1]   # BatchNorm and biases
    optimizer = torch.optim.AdamW([{"params": decay, "weight_decay": args.weight_decay},
                                   {"params": no_decay, "weight_decay": 0.0}], lr=args.lr)
    scheduler = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=args.lr, epochs=args.epochs,
                                                    steps_per_epoch=steps, pct_start=0.15)
    use_amp = device.type == "cuda"
    scaler = torch.cuda.amp.GradScaler(enabled=use_amp)
    gen = torch.Generator().manual_seed(args.seed)

    record = {
        "started_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join([os.path.basename(sys.argv[0])] + sys.argv[1:]),
        "data": {"train": os.path.abspath(args.train), "val": os.path.abspath(args.val),
                 "train_counts": ctr, "val_counts": cva, "limit_per_class": args.limit_per_class},
        "classes": CLASSES,
        "preprocessing": "as the app: bilinear resize to 64x64 (8-bit RGB), grey = 0.2989R+0.5870G+0.1140B on 0..1, "
                         "then (grey-0.5)*2",
        "git": git_revision(),
        "seed": args.seed, "epochs": args.epochs, "batch_size": args.batch_size, "lr": args.lr,
        "weight_decay": args.weight_decay, "label_smoothing": args.label_smoothing, "balance": args.balance,
        "class_weights": [round(w, 4) for w in weights.tolist()],
        "augmentation": None if args.no_augment else {"pad": args.pad, "rotate_deg": args.rotate,
                                                      "scale": args.scale, "jitter": args.jitter, "hflip": 0.5,
                                                      "photo_degradations_p": args.photo_augment},
        "init_onnx": args.init_onnx,
        "votes": os.path.abspath(args.votes) if args.votes else None,
        "teacher": {"readings": os.path.abspath(args.teacher), "weight": args.teacher_weight} if args.teacher else None,
        "selection": "FER+ majority 7-class accuracy on val" if args.votes else "7-class accuracy on val",
        "schedule": "AdamW + OneCycle (pct_start 0.15)",
        "model": {**cfg, "macs_per_face": macs, "params": params},
        "max_steps_per_epoch": args.max_steps_per_epoch,
        "torch": torch.__version__, "python": platform.python_version(), "host": socket.gethostname(),
        "device": str(device) + (f" ({torch.cuda.get_device_name(device)})" if device.type == "cuda" else ""),
        "threads": torch.get_num_threads(),
        "history": [], "best": None,
    }
    start_epoch = 0
    last_path, best_path = os.path.join(args.out, "last.pt"), os.path.join(args.out, "best.pt")
    if args.resume and os.path.exists(last_path):
        ck = torch.load(last_path, map_location=device)
        if (ck.get("epochs"), ck.get("steps")) != (args.epochs, steps) or ck["config"] != cfg:
            sys.exit(f"--resume needs the same --epochs, data, batch size and network as the interrupted run "
                     f"(checkpoint: epochs {ck.get('epochs')}, {ck.get('steps')} steps/epoch, {ck['config']})")
        model.load_state_dict(ck["model"])
        optimizer.load_state_dict(ck["optimizer"])
        scheduler.load_state_dict(ck["scheduler"])
        scaler.load_state_dict(ck["scaler"])
        gen.set_state(ck["gen"].cpu())  # map_location may have moved the RNG states to the GPU
        torch.set_rng_state(ck["torch_rng"].cpu())
        record["history"], record["best"] = ck["history"], ck["best"]
        start_epoch = ck["epoch"] + 1
        record["resumed_after_epoch"] = start_epoch
        record["started_utc"] = ck.get("started_utc", record["started_utc"])
        print(f"resumed after epoch {start_epoch}", flush=True)

    def save_json():
        with open(os.path.join(args.out, "run.json"), "w") as f:
            json.dump(record, f, indent=2)

    for epoch in range(start_epoch, args.epochs):
        model.train()
        if args.init_onnx:
            freeze_batchnorm(model)
        t_epoch = time.time()
        if args.balance == "sampler":
            probs = (1 / counts)[ytr.cpu()]
            order = torch.multinomial(probs.cpu(), len(ytr), replacement=True, generator=gen)
        else:
            order = torch.randperm(len(ytr), generator=gen)
        order = order.to(xtr.device)
        total_loss, seen, correct = 0.0, 0, 0
        for step in range(steps):
            idx = order[step * args.batch_size:(step + 1) * args.batch_size]
            if len(idx) < 2:  # BatchNorm needs > 1 sample
                break
            xb, yb = xtr[idx].to(device, non_blocking=True), ytr[idx].to(device, non_blocking=True)
            if not args.no_augment:
                xb = augment(xb, args, gen)
            with torch.autocast(device_type=device.type, enabled=use_amp):
                out = model(xb)
                loss = soft_cross_entropy(out, smoothed[idx], class_weights) if ttr is not None else criterion(out, yb)
            optimizer.zero_grad(set_to_none=True)
            scaler.scale(loss).backward()
            scaler.step(optimizer)
            scaler.update()
            scheduler.step()
            total_loss += loss.item() * len(idx)
            seen += len(idx)
            correct += (out.argmax(1) == yb).sum().item()
        train_s = time.time() - t_epoch
        ev = evaluate(model, xva, yva, device, y_plus=yva_plus)
        epoch_s = time.time() - t_epoch
        row = {"epoch": epoch + 1, "train_loss": round(total_loss / max(seen, 1), 4),
               "train_acc": round(correct / max(seen, 1), 4), "val_acc7": round(ev["acc7"], 4),
               "val_acc4": round(ev["acc4"], 4), "lr_end": optimizer.param_groups[0]["lr"],
               "train_seconds": round(train_s, 1), "epoch_seconds": round(epoch_s, 1), "images": seen}
        if "plus" in ev:
            row["val_plus_acc7"], row["val_plus_acc4"] = round(ev["plus"]["acc7"], 4), round(ev["plus"]["acc4"], 4)
        record["history"].append(row)
        metric = "val_plus_acc7" if "plus" in ev else "val_acc7"
        is_best = record["best"] is None or row[metric] > record["best"][metric]
        if is_best:
            record["best"] = {**row, "val_recall": ev["recall"], "val_confusion": ev["confusion"]}
            if "plus" in ev:
                record["best"].update(val_plus_recall=ev["plus"]["recall"], val_plus_confusion=ev["plus"]["confusion"])
            torch.save({"model": model.state_dict(), "config": cfg, "classes": CLASSES, "epoch": epoch + 1,
                        "val_acc7": ev["acc7"], "val_acc4": ev["acc4"],
                        **({"val_plus_acc7": ev["plus"]["acc7"]} if "plus" in ev else {})}, best_path)
        torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(),
                    "scheduler": scheduler.state_dict(), "scaler": scaler.state_dict(), "gen": gen.get_state(),
                    "torch_rng": torch.get_rng_state(), "epoch": epoch, "history": record["history"],
                    "best": record["best"], "config": cfg, "epochs": args.epochs, "steps": steps,
                    "started_utc": record["started_utc"]}, last_path)
        record["total_seconds"] = round(sum(r["epoch_seconds"] for r in record["history"]), 1)
        save_json()
        print(f"epoch {epoch + 1:3d}/{args.epochs}  loss {row['train_loss']:.4f}  train {row['train_acc']:.4f}"
              f"  val7 {ev['acc7']:.4f}  val4 {ev['acc4']:.4f}"
              + (f"  fer+7 {ev['plus']['acc7']:.4f}  fer+4 {ev['plus']['acc4']:.4f}" if "plus" in ev else "")
              + f"  {train_s:.0f}+{epoch_s - train_s:.0f} s"
              f"{'  *best' if is_best else ''}", flush=True)

    record["finished_utc"] = datetime.now(timezone.utc).isoformat(timespec="seconds")
    save_json()
    b = record["best"]
    print(f"best epoch {b['epoch']}: val 7-class {b['val_acc7']:.4f}, 4-class {b['val_acc4']:.4f} -> {best_path}")


if __name__ == "__main__":
    main()
