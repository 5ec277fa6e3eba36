#!/usr/bin/env bash
# Evaluates an exported emotion model exactly as the product does, on val and the dev photo sets.
#
#   bash training/evaluate.sh training/runs/<run>/emotion.onnx [val-folder] [photos-dev-folder]
#
# 1. The CLI eval (src/Moodtunes.Cli, `eval <folder> --model <onnx> --votes <ferplus-votes.csv>`): 7-class and
#    4-class accuracy, per-class recall and confusion against the folder labels and the FER+ majority, with the
#    shipped second opinion averaged in (Vision__SecondOpinion__ModelFile= in the environment: the model alone).
#    Then `eval <set> --photos` on each dev photo set (photos-dev/tcce, photos-dev/wild): the whole photo
#    path (detector, crop, classifier) with the photos where no face was found counted both ways.
# 2. training/ortcheck (Microsoft.ML.OnnxRuntime 1.31.1, the app's runtime and session options, 1 intra-op
#    thread): interface check, agreement with PyTorch (when <model>.reference.json from export_onnx.py exists)
#    and latency per face (budget: <= 2 ms per face).
# Also prints mini-Xception's latency measured the same way, right after, for a like-for-like comparison
# on a machine that others share (set SKIP_BASELINE=1 to skip).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
model="$(realpath "${1:?usage: evaluate.sh <model.onnx> [val-folder]}")"
val="$(realpath "${2:-$repo/../shared/data/fer2013/val}")"
votes="$(realpath "$val/../ferplus-votes.csv")"
photos="$(realpath "${3:-$repo/../shared/data/photos-dev}")"
cd "$repo"

echo "== CLI eval: $model on $val"
dotnet run -c Release --project src/Moodtunes.Cli -- eval "$val" --model "$model" --votes "$votes"
for set in "$photos"/*/; do
  echo
  echo "== CLI eval --photos: $model on $set"
  dotnet run -c Release --no-build --project src/Moodtunes.Cli -- eval "$set" --photos --model "$model"
done

echo
echo "== ONNX Runtime check and latency (1 thread, as the app)"
dotnet build -c Release -v q --nologo training/ortcheck >/dev/null
ref=()
[[ -f "$model.reference.json" ]] && ref=(--reference "$model.reference.json")
dotnet run -c Release --no-build --project training/ortcheck -- "$model" "${ref[@]}" --iterations 500
if [[ "${SKIP_BASELINE:-0}" != 1 ]]; then
  echo "-- baseline, same measurement: models/emotion/mini_xception_emotion.onnx"
  dotnet run -c Release --no-build --project training/ortcheck -- models/emotion/mini_xception_emotion.onnx --iterations 500
fi
